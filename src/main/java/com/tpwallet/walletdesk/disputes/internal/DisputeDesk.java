package com.tpwallet.walletdesk.disputes.internal;

import com.tpwallet.walletdesk.disputes.DisputeEvents.DisputeMoved;
import com.tpwallet.walletdesk.disputes.DisputeEvents.UnauthorisedReported;
import com.tpwallet.walletdesk.identity.IdentityApi;
import com.tpwallet.walletdesk.platform.Actor;
import com.tpwallet.walletdesk.platform.Caller;
import com.tpwallet.walletdesk.platform.Refusal;
import com.tpwallet.walletdesk.support.EntryKind;
import com.tpwallet.walletdesk.support.SupportApi;
import com.tpwallet.walletdesk.wallet.Money;
import com.tpwallet.walletdesk.wallet.TransactionStatus;
import com.tpwallet.walletdesk.wallet.TransactionType;
import com.tpwallet.walletdesk.wallet.TransactionView;
import com.tpwallet.walletdesk.wallet.WalletApi;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every move of a dispute, each in one transaction: the dispute's guarded transition, the
 * money it moves through the wallet, a line on its timeline and its ticket, a notice to
 * the customer in their language, and an audited event.
 */
@Service
class DisputeDesk {

	/**
	 * Movements a customer may dispute, in these states: money moved (or was charged).
	 */
	static final Set<TransactionType> DISPUTABLE = EnumSet.of(TransactionType.PAYMENT, TransactionType.TRANSFER_OUT,
			TransactionType.TOP_UP, TransactionType.WITHDRAWAL);

	static final Set<TransactionStatus> POSTED = EnumSet.of(TransactionStatus.SUCCEEDED, TransactionStatus.SETTLED,
			TransactionStatus.SENT_TO_BANK);

	record Opening(UUID transactionId, String reason, String description, @Nullable String channel) {
	}

	private final DisputeRepository disputes;

	private final WalletApi wallet;

	private final SupportApi support;

	private final IdentityApi identity;

	private final DisputeDeadlines deadlines;

	private final DisputeSettings settings;

	private final DisputeNotices notices;

	private final MerchantDeliveries deliveries;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	DisputeDesk(DisputeRepository disputes, WalletApi wallet, SupportApi support, IdentityApi identity,
			DisputeDeadlines deadlines, DisputeSettings settings, DisputeNotices notices, MerchantDeliveries deliveries,
			TransactionTemplate transactions, ApplicationEventPublisher events, Clock clock) {
		this.disputes = disputes;
		this.wallet = wallet;
		this.support = support;
		this.identity = identity;
		this.deadlines = deadlines;
		this.settings = settings;
		this.notices = notices;
		this.deliveries = deliveries;
		this.transactions = transactions;
		this.events = events;
		this.clock = clock;
	}

	// --- the customer's moves

	@Transactional
	Dispute open(Caller customer, Opening opening, Actor actor) {
		return open(customer.customerId(), opening, actor);
	}

	/**
	 * Staff open a dispute for a customer who asked in chat, on the phone or by e-mail:
	 * the same rules, on a customer they reach.
	 */
	@Transactional
	Dispute openFor(Caller staff, UUID customerId, Opening opening, Actor actor) {
		try {
			identity.requireStaffReach(staff.id(), customerId);
		}
		catch (Refusal outOfReach) {
			throw Refusal.notFound("customer_not_found");
		}
		return open(customerId, opening, actor);
	}

	private Dispute open(UUID customerId, Opening opening, Actor actor) {
		DisputeReason reason = DisputeReason.find(opening.reason())
			.orElseThrow(() -> Refusal.badRequest("dispute_reason_invalid"));
		TransactionView movement = movementOf(customerId, opening.transactionId());
		Instant now = clock.instant();
		requireDisputable(movement, reason, now);
		disputes.findByTransaction(movement.id()).ifPresent(existing -> {
			throw Refusal.conflict("dispute_exists").with("disputeId", existing.id);
		});
		String language = identity.customer(movement.customerId()).orElseThrow().language();
		Dispute d = new Dispute(UUID.randomUUID(), movement.customerId(), movement.id(), movement.type(),
				movement.amount(), movement.currency(), movement.counterparty(), reason, opening.description(),
				language, deadlines.acknowledgeBy(now), deadlines.decideBy(now), now);
		if (!disputes.insert(d)) {
			throw Refusal.conflict("dispute_exists");
		}
		d.ticketId = support
			.openTicket(d.customerId,
					new SupportApi.NewTicket(notices.ticketSubject(d, movement), notices.ticketBody(d, movement),
							language, "disputes", opening.channel() == null ? "web" : opening.channel(), movement.id(),
							reason == DisputeReason.NOT_AUTHORISED ? "urgent" : null))
			.id();
		moved(d, "opened", actor, reason.code(), now);
		creditProvisionally(d, actor, now);
		if (reason == DisputeReason.NOT_AUTHORISED) {
			events.publishEvent(new UnauthorisedReported(d.id, d.customerId, d.transactionId));
		}
		return d;
	}

	/** The customer's own movement, or not found (someone else's is not shown either). */
	TransactionView ownMovement(Caller customer, UUID transactionId) {
		return movementOf(customer.customerId(), transactionId);
	}

	private TransactionView movementOf(UUID customerId, UUID transactionId) {
		return wallet.transaction(transactionId)
			.filter(t -> t.customerId().equals(customerId))
			.orElseThrow(() -> Refusal.notFound("transaction_not_found"));
	}

	/** The rules for disputing a movement, each with its own refusal. */
	void requireDisputable(TransactionView movement, DisputeReason reason, Instant now) {
		boolean chargedTopUp = movement.type() == TransactionType.TOP_UP
				&& movement.status() == TransactionStatus.FAILED;
		if (!DISPUTABLE.contains(movement.type()) || !(POSTED.contains(movement.status()) || chargedTopUp)) {
			throw Refusal.unprocessable("dispute_not_disputable");
		}
		if (now.isAfter(movement.createdAt().plus(Duration.ofDays(settings.windowDays())))) {
			throw Refusal.unprocessable("dispute_window_passed", settings.windowDays());
		}
		if (!reason.fits(movement.type())) {
			throw Refusal.unprocessable("dispute_reason_not_applicable");
		}
	}

	/** Large disputes are credited at once, and the credit is settled at the decision. */
	private void creditProvisionally(Dispute d, Actor actor, Instant now) {
		if (wallet.valueInFen(new Money(d.amount, d.currency)) < settings.provisionalCreditFromFen()) {
			return;
		}
		TransactionView credit = wallet.provisionalCredit(d.transactionId, d.amount, notices.provisionalNote(d), actor);
		d.provisionalCredit = credit.id();
		d.provisionalAmount = credit.amount();
		d.provisionalOutstanding = credit.amount();
		moved(d, "provisional_credit", actor, Long.toString(credit.amount()), now);
	}

	@Transactional
	DisputeRepository.Evidence addEvidence(Caller customer, UUID id, String fileName, byte[] bytes, Actor actor) {
		Dispute d = own(customer, id, true);
		if (d.status == DisputeStatus.CLOSED) {
			throw Refusal.conflict("dispute_closed");
		}
		SupportApi.StoredFile file = support.attach(requireTicket(d), customer, fileName, bytes);
		if (!file.mediaType().startsWith("image/") && !file.mediaType().equals("application/pdf")) {
			// the ticket would take it; a dispute's evidence is pictures and documents
			throw Refusal.unprocessable("dispute_evidence_type_refused");
		}
		Instant now = clock.instant();
		DisputeRepository.Evidence evidence = new DisputeRepository.Evidence(UUID.randomUUID(), file.id(),
				file.fileName(), file.mediaType(), file.size(), "customer", now);
		disputes.addEvidence(d.id, evidence);
		disputes.addEvent(d.id, "evidence_added", "customer", file.fileName(), now);
		if (d.customerAnswered()) {
			moved(d, "customer_answered", actor, file.fileName(), now);
		}
		else {
			disputes.update(d, now);
		}
		return evidence;
	}

	/** The customer writes on the dispute (answering a question, or adding context). */
	@Transactional
	Dispute reply(Caller customer, UUID id, String message, Actor actor) {
		Dispute d = own(customer, id, true);
		if (d.status == DisputeStatus.CLOSED) {
			throw Refusal.conflict("dispute_closed");
		}
		support.addEntry(requireTicket(d), EntryKind.CUSTOMER, customer.id(), message);
		Instant now = clock.instant();
		if (d.customerAnswered()) {
			moved(d, "customer_answered", actor, null, now);
		}
		else {
			disputes.addEvent(d.id, "customer_wrote", "customer", null, now);
		}
		return d;
	}

	@Transactional
	Dispute reopen(Caller customer, UUID id, String message, Actor actor) {
		Dispute d = own(customer, id, true);
		Instant now = clock.instant();
		boolean newEvidence = d.decidedAt != null && disputes.customerEvidenceSince(d.id, d.decidedAt);
		d.reopen(newEvidence, Duration.ofDays(settings.reopenDays()), deadlines.decideBy(now), now);
		support.addEntry(requireTicket(d), EntryKind.CUSTOMER, customer.id(), message);
		moved(d, "reopened", actor, null, now);
		return d;
	}

	@Transactional
	Dispute withdraw(Caller customer, UUID id, Actor actor) {
		Dispute d = own(customer, id, true);
		Instant now = clock.instant();
		d.withdraw(now);
		settleProvisionalCredit(d, actor, now);
		moved(d, "withdrawn", actor, null, now);
		return d;
	}

	// --- staff's moves

	@Transactional
	Dispute acknowledge(Caller staff, UUID id, Actor actor) {
		Dispute d = seenBy(staff, id, true);
		Instant now = clock.instant();
		d.acknowledge(now);
		moved(d, "acknowledged", actor, null, now);
		return d;
	}

	@Transactional
	Dispute askCustomer(Caller staff, UUID id, String question, Actor actor) {
		Dispute d = seenBy(staff, id, true);
		Instant now = clock.instant();
		d.askCustomer(question, now);
		support.addEntry(requireTicket(d), EntryKind.AGENT, staff.id(), question);
		moved(d, "customer_asked", actor, null, now);
		return d;
	}

	/**
	 * Staff ask the merchant: the move commits first, then the case goes to the
	 * merchants' dispute service with no transaction open ({@link MerchantDeliveries}),
	 * and again later if the service did not take it.
	 */
	Dispute askMerchant(Caller staff, UUID id, Actor actor) {
		Dispute asked = transactions.execute(tx -> {
			Dispute d = seenBy(staff, id, true);
			Instant now = clock.instant();
			d.askMerchant(deadlines.merchantBy(now), now);
			moved(d, "merchant_asked", actor, String.valueOf(d.merchantDue), now);
			deliveries.due(d.id, now);
			return d;
		});
		deliveries.send(asked.id);
		return asked;
	}

	/**
	 * The merchant's answer (its callback, or the simulator): an accepted dispute is
	 * refunded at once; a contested one goes back to staff with the statement.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void merchantAnswered(UUID id, Dispute.MerchantAnswer answer, String statement) {
		Dispute d = disputes.lock(id).orElseThrow(() -> Refusal.notFound("dispute_not_found"));
		Instant now = clock.instant();
		d.merchantAnswered(answer, statement);
		moved(d, "merchant_answered", Actor.system(), answer.code(), now);
		if (answer == Dispute.MerchantAnswer.ACCEPTED) {
			decide(d, Outcome.REFUND, null, notices.systemReason(d, "merchant_accepted"), null, Actor.system(), now);
		}
	}

	record Decision(String outcome, @Nullable Long amount, String reason) {
	}

	@Transactional
	Dispute decide(Caller staff, UUID id, Decision decision, Actor actor) {
		Outcome outcome = Outcome.find(decision.outcome())
			.orElseThrow(() -> Refusal.badRequest("dispute_outcome_invalid"));
		Dispute d = seenBy(staff, id, true);
		decide(d, outcome, decision.amount(), decision.reason(), staff, actor, clock.instant());
		return d;
	}

	private void decide(Dispute d, Outcome outcome, @Nullable Long amount, String reason, @Nullable Caller staff,
			Actor actor, Instant now) {
		long refund = d.decide(outcome, amount, reason, staff == null ? null : staff.id(), now);
		if (refund > 0) {
			if (staff != null && !staff.hasAtLeast(Caller.Role.SUPERVISOR)
					&& wallet.valueInFen(new Money(refund, d.currency)) >= settings.supervisorRefundFromFen()) {
				throw Refusal.notAllowed("dispute_refund_needs_supervisor");
			}
			wallet.refundDisputed(d.transactionId, refund, notices.refundNote(d), actor);
		}
		settleProvisionalCredit(d, actor, now);
		moved(d, "decided", actor, outcome.code() + (refund > 0 ? " " + refund + " " + d.currency : ""), now);
	}

	/**
	 * A provisional credit is taken back once a decision (or a withdrawal) settles the
	 * dispute: a refund, posted first, replaces it. What the customer has spent meanwhile
	 * stays outstanding on the dispute.
	 */
	private void settleProvisionalCredit(Dispute d, Actor actor, Instant now) {
		if (d.provisionalCredit == null || d.provisionalOutstanding <= 0) {
			return;
		}
		long taken = wallet.takeBackProvisionalCredit(d.provisionalCredit, notices.provisionalNote(d), actor);
		d.provisionalOutstanding -= taken;
		moved(d, "provisional_taken_back", actor, taken + " " + d.currency, now);
	}

	// --- the watch's moves

	/** Past its deadline: supervisors hear of it, and the ticket says so. */
	void escalate(Dispute d, Instant now) {
		if (d.escalate(now)) {
			moved(d, "escalated", Actor.system(), null, now);
			notices.tellSupervisors(d);
		}
	}

	/** The merchant let its deadline pass: decided for the customer. */
	void merchantSilent(Dispute d, Instant now) {
		decide(d, Outcome.REFUND, null, notices.systemReason(d, "merchant_silent"), null, Actor.system(), now);
	}

	void close(Dispute d, Instant now) {
		d.close(now);
		moved(d, "closed", Actor.system(), null, now);
	}

	// --- shared

	java.util.Optional<Dispute> load(UUID id) {
		return disputes.find(id);
	}

	private void moved(Dispute d, String transition, Actor actor, @Nullable String detail, Instant now) {
		disputes.update(d, now);
		disputes.addEvent(d.id, transition, actor.kind(), detail, now);
		if (d.ticketId != null) {
			support.addEntry(d.ticketId, EntryKind.SYSTEM, null, "dispute:" + transition + ":" + d.number);
		}
		notices.tellCustomer(d, transition);
		events.publishEvent(new DisputeMoved(d.id, d.number, d.customerId, transition, d.status.code(),
				detail == null ? "" : detail, actor));
	}

	private UUID requireTicket(Dispute d) {
		if (d.ticketId == null) {
			throw new IllegalStateException("Dispute " + d.id + " has no ticket");
		}
		return d.ticketId;
	}

	/** The customer's own dispute (locked for a move), or not found. */
	Dispute own(Caller customer, UUID id, boolean lock) {
		return (lock ? disputes.lock(id) : disputes.find(id)).filter(d -> d.customerId.equals(customer.customerId()))
			.orElseThrow(() -> Refusal.notFound("dispute_not_found"));
	}

	/** A dispute of a customer the staff member reaches, or not found. */
	Dispute seenBy(Caller staff, UUID id, boolean lock) {
		Dispute d = (lock ? disputes.lock(id) : disputes.find(id))
			.orElseThrow(() -> Refusal.notFound("dispute_not_found"));
		try {
			identity.requireStaffReach(staff.id(), d.customerId);
		}
		catch (Refusal outOfReach) {
			throw Refusal.notFound("dispute_not_found");
		}
		return d;
	}

}
