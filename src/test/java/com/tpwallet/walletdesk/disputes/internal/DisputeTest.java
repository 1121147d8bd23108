package com.tpwallet.walletdesk.disputes.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tpwallet.walletdesk.platform.Refusal;
import com.tpwallet.walletdesk.wallet.TransactionType;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Each move of a dispute, where it may start from, and what it refuses. */
class DisputeTest {

	static final Instant NOW = Instant.parse("2026-11-24T02:00:00Z");

	static final Duration REOPEN_WINDOW = Duration.ofDays(14);

	static Dispute payment(long amount) {
		return dispute(TransactionType.PAYMENT, amount);
	}

	static Dispute dispute(TransactionType type, long amount) {
		return new Dispute(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), type, amount, "CNY", "m-coffee",
				DisputeReason.CHARGED_TWICE, "twice", "en", LocalDate.parse("2026-11-25"),
				LocalDate.parse("2026-12-08"), NOW);
	}

	static void refused(ThrowingCallable move, Refusal.Kind kind, String code) {
		assertThatThrownBy(move).isInstanceOfSatisfying(Refusal.class, r -> {
			assertThat(r.kind()).isEqualTo(kind);
			assertThat(r.code()).isEqualTo(code);
		});
	}

	@Test
	void acknowledgingTakesASubmittedDisputeUnderReviewOnce() {
		Dispute d = payment(1_000);
		d.acknowledge(NOW);
		assertThat(d.status).isEqualTo(DisputeStatus.UNDER_REVIEW);
		assertThat(d.acknowledgedAt).isEqualTo(NOW);
		refused(() -> d.acknowledge(NOW), Refusal.Kind.CONFLICT, "dispute_not_submitted");
	}

	@Test
	void askingTheCustomerWaitsForThemAndTheirAnswerBringsItBack() {
		Dispute d = payment(1_000);
		d.askCustomer("When?", NOW);
		assertThat(d.status).isEqualTo(DisputeStatus.WAITING_CUSTOMER);
		assertThat(d.acknowledgedAt).as("asking is taking it up").isEqualTo(NOW);
		refused(() -> d.askCustomer("Again?", NOW), Refusal.Kind.CONFLICT, "dispute_waiting");
		assertThat(d.customerAnswered()).isTrue();
		assertThat(d.status).isEqualTo(DisputeStatus.UNDER_REVIEW);
		assertThat(d.question).isNull();
		assertThat(d.customerAnswered()).as("writing again moves nothing").isFalse();
	}

	@Test
	void onlyAPaymentHasAMerchantToAsk() {
		Dispute transfer = dispute(TransactionType.TRANSFER_OUT, 1_000);
		refused(() -> transfer.askMerchant(LocalDate.parse("2026-12-01"), NOW), Refusal.Kind.RULE,
				"dispute_no_merchant");
		Dispute d = payment(1_000);
		d.askMerchant(LocalDate.parse("2026-12-01"), NOW);
		assertThat(d.status).isEqualTo(DisputeStatus.WAITING_MERCHANT);
		d.merchantAnswered(Dispute.MerchantAnswer.CONTESTED, "delivered");
		assertThat(d.status).isEqualTo(DisputeStatus.UNDER_REVIEW);
		refused(() -> d.merchantAnswered(Dispute.MerchantAnswer.ACCEPTED, "late"), Refusal.Kind.CONFLICT,
				"dispute_not_waiting_for_merchant");
	}

	@Test
	void aMerchantIsSilentOnlyAfterItsDayHasPassed() {
		Dispute d = payment(1_000);
		d.askMerchant(LocalDate.parse("2026-12-01"), NOW);
		assertThat(d.merchantSilent(LocalDate.parse("2026-12-01"))).isFalse();
		assertThat(d.merchantSilent(LocalDate.parse("2026-12-02"))).isTrue();
	}

	@Test
	void aFullRefundGivesBackWhatIsLeftAndADecidedDisputeIsNotDecidedAgain() {
		Dispute d = payment(12_000);
		assertThat(d.decide(Outcome.REFUND, null, "confirmed", null, NOW)).isEqualTo(12_000);
		assertThat(d.status).isEqualTo(DisputeStatus.DECIDED);
		assertThat(d.refunded).isEqualTo(12_000);
		refused(() -> d.decide(Outcome.REFUND, null, "again", null, NOW), Refusal.Kind.CONFLICT,
				"dispute_already_decided");
	}

	@Test
	void aPartialRefundNeedsAnAmountNoMoreThanWhatIsLeft() {
		Dispute d = payment(12_000);
		refused(() -> d.decide(Outcome.PARTIAL_REFUND, null, "x", null, NOW), Refusal.Kind.RULE,
				"dispute_amount_required");
		refused(() -> d.decide(Outcome.PARTIAL_REFUND, 12_001L, "x", null, NOW), Refusal.Kind.RULE,
				"dispute_refund_above_paid");
		assertThat(d.status).as("a refused decision changes nothing").isEqualTo(DisputeStatus.SUBMITTED);
		assertThat(d.decide(Outcome.PARTIAL_REFUND, 12_000L, "all of it", null, NOW)).isEqualTo(12_000);
	}

	@Test
	void aRejectionRefundsNothing() {
		Dispute d = payment(12_000);
		assertThat(d.decide(Outcome.REJECTED, null, "delivered", null, NOW)).isZero();
		assertThat(d.outcome).isEqualTo(Outcome.REJECTED);
	}

	@Test
	void reopeningNeedsADecisionNewEvidenceAndTheWindowAndHappensOnce() {
		Dispute d = payment(12_000);
		LocalDate due = LocalDate.parse("2026-12-22");
		refused(() -> d.reopen(true, REOPEN_WINDOW, due, NOW), Refusal.Kind.CONFLICT, "dispute_not_decided");
		d.decide(Outcome.PARTIAL_REFUND, 2_000L, "part", null, NOW);
		refused(() -> d.reopen(false, REOPEN_WINDOW, due, NOW), Refusal.Kind.RULE, "dispute_reopen_needs_evidence");
		refused(() -> d.reopen(true, REOPEN_WINDOW, due, NOW.plus(Duration.ofDays(15))), Refusal.Kind.RULE,
				"dispute_reopen_window_passed");
		d.reopen(true, REOPEN_WINDOW, due, NOW.plus(Duration.ofDays(14)));
		assertThat(d.status).isEqualTo(DisputeStatus.UNDER_REVIEW);
		assertThat(d.decideDue).isEqualTo(due);
		assertThat(d.outcome).isNull();
		// what was refunded stays refunded; the second decision can add the rest
		assertThat(d.decide(Outcome.REFUND, null, "all", null, NOW)).isEqualTo(10_000);
		refused(() -> d.reopen(true, REOPEN_WINDOW, due, NOW), Refusal.Kind.RULE, "dispute_reopened_before");
	}

	@Test
	void nothingIsLeftToRefundAfterEverythingWasGivenBack() {
		Dispute d = payment(12_000);
		d.decide(Outcome.REFUND, null, "all", null, NOW);
		d.reopen(true, REOPEN_WINDOW, LocalDate.parse("2026-12-22"), NOW);
		refused(() -> d.decide(Outcome.REFUND, null, "more", null, NOW), Refusal.Kind.RULE,
				"dispute_nothing_to_refund");
	}

	@Test
	void aWithdrawnDisputeIsClosedAndCannotBeDecided() {
		Dispute d = payment(12_000);
		d.withdraw(NOW);
		assertThat(d.status).isEqualTo(DisputeStatus.CLOSED);
		refused(() -> d.decide(Outcome.REFUND, null, "x", null, NOW), Refusal.Kind.CONFLICT, "dispute_closed");
		refused(() -> d.withdraw(NOW), Refusal.Kind.CONFLICT, "dispute_closed");
	}

	@Test
	void onlyADecidedDisputeCloses() {
		Dispute d = payment(12_000);
		refused(() -> d.close(NOW), Refusal.Kind.CONFLICT, "dispute_not_decided");
		d.decide(Outcome.REJECTED, null, "no", null, NOW);
		d.close(NOW);
		assertThat(d.status).isEqualTo(DisputeStatus.CLOSED);
	}

	@Test
	void aDisputeIsOverdueAfterItsAcknowledgementOrDecisionDayAndEscalatesOnce() {
		Dispute d = payment(12_000);
		assertThat(d.isOverdue(LocalDate.parse("2026-11-25"))).isFalse();
		assertThat(d.isOverdue(LocalDate.parse("2026-11-26"))).as("not acknowledged in time").isTrue();
		d.acknowledge(NOW);
		assertThat(d.isOverdue(LocalDate.parse("2026-11-26"))).isFalse();
		assertThat(d.isOverdue(LocalDate.parse("2026-12-09"))).as("not decided in time").isTrue();
		assertThat(d.escalate(NOW)).isTrue();
		assertThat(d.escalate(NOW)).isFalse();
		d.decide(Outcome.REJECTED, null, "no", null, NOW);
		assertThat(d.isOverdue(LocalDate.parse("2027-01-01"))).isFalse();
	}

	@Test
	void eachReasonFitsTheMovementsItDescribes() {
		assertThat(DisputeReason.NOT_RECEIVED.fits(TransactionType.TRANSFER_OUT)).isTrue();
		assertThat(DisputeReason.NOT_RECEIVED.fits(TransactionType.PAYMENT)).isFalse();
		assertThat(DisputeReason.GOODS_NOT_RECEIVED.fits(TransactionType.WITHDRAWAL)).isFalse();
		assertThat(DisputeReason.NOT_AUTHORISED.fits(TransactionType.WITHDRAWAL)).isTrue();
		assertThat(DisputeReason.find("wizardry")).isEmpty();
	}

}
