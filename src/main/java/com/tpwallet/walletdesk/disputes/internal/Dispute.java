package com.tpwallet.walletdesk.disputes.internal;

import com.tpwallet.walletdesk.platform.Refusal;
import com.tpwallet.walletdesk.wallet.TransactionType;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A dispute and its moves. Each move is one method that refuses when the dispute is not
 * where the move starts from: a state conflict is 409, a broken rule 422.
 */
final class Dispute {

	/** What the merchant said when asked. */
	enum MerchantAnswer {

		ACCEPTED, CONTESTED;

		String code() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

	}

	final UUID id;

	long number;

	final UUID customerId;

	final UUID transactionId;

	final TransactionType transactionType;

	/** What the movement was worth, in its currency's minor units. */
	final long amount;

	final String currency;

	final @Nullable String counterparty;

	final DisputeReason reason;

	final String description;

	/** The customer's language: notices, the ticket's queue and which agents reach it. */
	final String language;

	DisputeStatus status = DisputeStatus.SUBMITTED;

	@Nullable UUID ticketId;

	LocalDate acknowledgeDue;

	LocalDate decideDue;

	@Nullable Instant acknowledgedAt;

	@Nullable Instant escalatedAt;

	@Nullable LocalDate merchantDue;

	@Nullable MerchantAnswer merchantAnswer;

	@Nullable String merchantStatement;

	@Nullable String question;

	@Nullable Outcome outcome;

	/** Refunded so far over every decision (a reopened dispute may add to it). */
	long refunded;

	@Nullable String decisionReason;

	@Nullable UUID decidedBy;

	@Nullable Instant decidedAt;

	@Nullable Instant reopenedAt;

	@Nullable Instant closedAt;

	@Nullable UUID provisionalCredit;

	long provisionalAmount;

	/**
	 * What of the provisional credit is still to be taken back: all of it until the
	 * decision, then what the customer had already spent.
	 */
	long provisionalOutstanding;

	final Instant createdAt;

	Dispute(UUID id, UUID customerId, UUID transactionId, TransactionType transactionType, long amount, String currency,
			@Nullable String counterparty, DisputeReason reason, String description, String language,
			LocalDate acknowledgeDue, LocalDate decideDue, Instant createdAt) {
		this.id = id;
		this.customerId = customerId;
		this.transactionId = transactionId;
		this.transactionType = transactionType;
		this.amount = amount;
		this.currency = currency;
		this.counterparty = counterparty;
		this.reason = reason;
		this.description = description;
		this.language = language;
		this.acknowledgeDue = acknowledgeDue;
		this.decideDue = decideDue;
		this.createdAt = createdAt;
	}

	/** What may still be given back. */
	long refundable() {
		return amount - refunded;
	}

	/** Staff took it up: submitted → under review. */
	void acknowledge(Instant now) {
		requireStatus(DisputeStatus.SUBMITTED, "dispute_not_submitted");
		status = DisputeStatus.UNDER_REVIEW;
		acknowledgedAt = now;
	}

	/** Staff need something from the customer: → waiting for the customer. */
	void askCustomer(String question, Instant now) {
		requireInvestigating();
		markAcknowledged(now);
		this.question = question;
		status = DisputeStatus.WAITING_CUSTOMER;
	}

	/**
	 * The customer wrote or sent evidence: if staff were waiting for them, waiting for
	 * the customer → under review (answers whether it moved).
	 */
	boolean customerAnswered() {
		if (status != DisputeStatus.WAITING_CUSTOMER) {
			return false;
		}
		question = null;
		status = DisputeStatus.UNDER_REVIEW;
		return true;
	}

	/** The merchant is asked to respond by {@code due}: → waiting for the merchant. */
	void askMerchant(LocalDate due, Instant now) {
		requireInvestigating();
		if (transactionType != TransactionType.PAYMENT) {
			throw Refusal.unprocessable("dispute_no_merchant");
		}
		markAcknowledged(now);
		merchantDue = due;
		merchantAnswer = null;
		merchantStatement = null;
		status = DisputeStatus.WAITING_MERCHANT;
	}

	/** The merchant's response: waiting for the merchant → under review. */
	void merchantAnswered(MerchantAnswer answer, String statement) {
		requireStatus(DisputeStatus.WAITING_MERCHANT, "dispute_not_waiting_for_merchant");
		merchantAnswer = answer;
		merchantStatement = statement;
		status = DisputeStatus.UNDER_REVIEW;
	}

	/**
	 * The decision, from any state that still awaits one; answers what to refund now.
	 * {@code amount} only for a partial refund.
	 */
	long decide(Outcome decided, @Nullable Long partial, String why, @Nullable UUID by, Instant now) {
		if (!status.awaitsDecision()) {
			throw Refusal.conflict(status == DisputeStatus.CLOSED ? "dispute_closed" : "dispute_already_decided");
		}
		long refund = switch (decided) {
			case REFUND -> refundable();
			case PARTIAL_REFUND -> partialRefund(partial);
			case REJECTED -> 0;
		};
		if (decided != Outcome.REJECTED && refund <= 0) {
			throw Refusal.unprocessable("dispute_nothing_to_refund");
		}
		markAcknowledged(now);
		outcome = decided;
		refunded += refund;
		decisionReason = why;
		decidedBy = by;
		decidedAt = now;
		question = null;
		status = DisputeStatus.DECIDED;
		return refund;
	}

	private long partialRefund(@Nullable Long partial) {
		if (partial == null || partial <= 0) {
			throw Refusal.unprocessable("dispute_amount_required");
		}
		if (partial > refundable()) {
			throw Refusal.unprocessable("dispute_refund_above_paid", refundable());
		}
		return partial;
	}

	/**
	 * The customer reopens a decided dispute, once, within {@code window} of the
	 * decision, with evidence added since: → under review, to be decided again by
	 * {@code newDue}.
	 */
	void reopen(boolean evidenceSinceDecision, Duration window, LocalDate newDue, Instant now) {
		requireStatus(DisputeStatus.DECIDED, "dispute_not_decided");
		if (reopenedAt != null) {
			throw Refusal.unprocessable("dispute_reopened_before");
		}
		if (decidedAt == null || now.isAfter(decidedAt.plus(window))) {
			throw Refusal.unprocessable("dispute_reopen_window_passed");
		}
		if (!evidenceSinceDecision) {
			throw Refusal.unprocessable("dispute_reopen_needs_evidence");
		}
		reopenedAt = now;
		outcome = null;
		decisionReason = null;
		decideDue = newDue;
		escalatedAt = null;
		status = DisputeStatus.UNDER_REVIEW;
	}

	/** The customer withdraws a dispute that awaits a decision: → closed. */
	void withdraw(Instant now) {
		if (!status.awaitsDecision()) {
			throw Refusal.conflict(status == DisputeStatus.CLOSED ? "dispute_closed" : "dispute_already_decided");
		}
		status = DisputeStatus.CLOSED;
		closedAt = now;
	}

	/** A decision no longer open to reopening: decided → closed. */
	void close(Instant now) {
		requireStatus(DisputeStatus.DECIDED, "dispute_not_decided");
		status = DisputeStatus.CLOSED;
		closedAt = now;
	}

	/** Past a deadline: supervisors are told, once per deadline. */
	boolean escalate(Instant now) {
		if (escalatedAt != null || !status.awaitsDecision()) {
			return false;
		}
		escalatedAt = now;
		return true;
	}

	/** Whether staff owe an acknowledgement or a decision past its day. */
	boolean isOverdue(LocalDate today) {
		return status.awaitsDecision()
				&& (today.isAfter(decideDue) || (acknowledgedAt == null && today.isAfter(acknowledgeDue)));
	}

	/** The merchant was asked and let its deadline pass. */
	boolean merchantSilent(LocalDate today) {
		return status == DisputeStatus.WAITING_MERCHANT && merchantDue != null && today.isAfter(merchantDue);
	}

	private void requireInvestigating() {
		if (status != DisputeStatus.SUBMITTED && status != DisputeStatus.UNDER_REVIEW) {
			throw Refusal.conflict(status.awaitsDecision() ? "dispute_waiting" : "dispute_already_decided");
		}
	}

	private void requireStatus(DisputeStatus wanted, String code) {
		if (status != wanted) {
			throw Refusal.conflict(code);
		}
	}

	private void markAcknowledged(Instant now) {
		if (acknowledgedAt == null) {
			acknowledgedAt = now;
		}
	}

}
