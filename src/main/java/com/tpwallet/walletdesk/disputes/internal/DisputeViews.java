package com.tpwallet.walletdesk.disputes.internal;

import com.tpwallet.walletdesk.identity.IdentityApi;
import com.tpwallet.walletdesk.identity.StaffMember;
import com.tpwallet.walletdesk.platform.Caller;
import com.tpwallet.walletdesk.platform.CursorPage;
import com.tpwallet.walletdesk.platform.Refusal;
import com.tpwallet.walletdesk.support.SupportApi;
import com.tpwallet.walletdesk.wallet.TransactionView;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Disputes as the customer and staff read them: codes with their words in the reader's
 * language, the due date (and for staff the business days left), the evidence and the
 * timeline.
 */
@Component
class DisputeViews {

	record Coded(String code, String text) {
	}

	record EvidenceView(UUID id, String fileName, String mediaType, int size, String addedBy, Instant addedAt) {
	}

	record TimelineEntry(String kind, String text, Instant at) {
	}

	/** What the customer reads; {@code dueDate} is the day the decision is due by. */
	record CustomerDispute(UUID id, long number, UUID transactionId, Coded transactionType, long amount,
			String currency, @Nullable String counterparty, Coded reason, String description, String status,
			String statusText, LocalDate dueDate, @Nullable String question, @Nullable String outcome,
			@Nullable String outcomeText, long refunded, @Nullable String decisionReason, boolean canReopen,
			@Nullable Instant reopenUntil, long provisionalCredit, @Nullable UUID ticketId, List<EvidenceView> evidence,
			List<TimelineEntry> timeline, Instant createdAt) {
	}

	/** What staff read: the customer's view and the desk's side. */
	record StaffDispute(UUID id, long number, UUID customerId, UUID transactionId, Coded transactionType, long amount,
			String currency, @Nullable String counterparty, Coded reason, String description, String language,
			String status, String statusText, LocalDate acknowledgeDue, LocalDate dueDate, Instant dueAt,
			int businessDaysLeft, boolean overdue, @Nullable Instant escalatedAt, @Nullable Instant acknowledgedAt,
			@Nullable LocalDate merchantDue, @Nullable String merchantAnswer, @Nullable String merchantStatement,
			@Nullable String question, @Nullable String outcome, @Nullable String outcomeText, long refunded,
			long refundable, @Nullable String decisionReason, @Nullable Instant decidedAt, @Nullable Instant reopenedAt,
			long provisionalCredit, long provisionalOutstanding, @Nullable UUID ticketId, @Nullable Long ticketNumber,
			List<EvidenceView> evidence, List<TimelineEntry> timeline, Instant createdAt) {
	}

	/** The dispute form, filled in from the movement. */
	record Prefill(UUID transactionId, String reference, Coded type, long amount, String currency,
			@Nullable String counterparty, @Nullable String cardLast4, String method, Instant time, List<Coded> reasons,
			Instant disputableUntil, @Nullable UUID existingDisputeId) {
	}

	private final DisputeRepository disputes;

	private final DisputeDeadlines deadlines;

	private final DisputeSettings settings;

	private final DisputeDesk desk;

	private final IdentityApi identity;

	private final SupportApi support;

	private final MessageSource messages;

	private final Clock clock;

	DisputeViews(DisputeRepository disputes, DisputeDeadlines deadlines, DisputeSettings settings, DisputeDesk desk,
			IdentityApi identity, SupportApi support, MessageSource messages, Clock clock) {
		this.disputes = disputes;
		this.deadlines = deadlines;
		this.settings = settings;
		this.desk = desk;
		this.identity = identity;
		this.support = support;
		this.messages = messages;
		this.clock = clock;
	}

	CustomerDispute forCustomer(Dispute d) {
		Instant reopenUntil = d.decidedAt == null || d.reopenedAt != null ? null
				: d.decidedAt.plus(Duration.ofDays(settings.reopenDays()));
		boolean canReopen = d.status == DisputeStatus.DECIDED && reopenUntil != null
				&& clock.instant().isBefore(reopenUntil);
		return new CustomerDispute(d.id, d.number, d.transactionId, type(d.transactionType.code()), d.amount,
				d.currency, d.counterparty, reason(d.reason), d.description, d.status.code(),
				words("page.dispute.status." + d.status.code()), d.decideDue, d.question,
				d.outcome == null ? null : d.outcome.code(),
				d.outcome == null ? null : words("page.dispute.outcome." + d.outcome.code()), d.refunded,
				d.decisionReason, canReopen, canReopen ? reopenUntil : null, d.provisionalAmount, d.ticketId,
				evidence(d), timeline(d, false), d.createdAt);
	}

	CustomerDispute customerDispute(Caller customer, UUID id) {
		return forCustomer(desk.own(customer, id, false));
	}

	CursorPage<CustomerDispute> customerDisputes(Caller customer, @Nullable String cursor, int limit) {
		Position after = Position.after(cursor);
		return CursorPage
			.of(disputes.page(customer.customerId(), null, null, after.at(), after.id(), limit + 1), limit,
					Position::cursorOf)
			.map(this::forCustomer);
	}

	StaffDispute forStaff(Dispute d) {
		Instant now = clock.instant();
		Long ticketNumber = d.ticketId == null ? null : support.ticketNumber(d.ticketId);
		return new StaffDispute(d.id, d.number, d.customerId, d.transactionId, type(d.transactionType.code()), d.amount,
				d.currency, d.counterparty, reason(d.reason), d.description, d.language, d.status.code(),
				words("page.dispute.status." + d.status.code()), d.acknowledgeDue, d.decideDue,
				DisputeDeadlines.passesAt(d.decideDue), deadlines.businessDaysLeft(d.decideDue, now),
				d.isOverdue(DisputeDeadlines.dayOf(now)), d.escalatedAt, d.acknowledgedAt, d.merchantDue,
				d.merchantAnswer == null ? null : words("page.dispute.merchant." + d.merchantAnswer.code()),
				d.merchantStatement, d.question, d.outcome == null ? null : d.outcome.code(),
				d.outcome == null ? null : words("page.dispute.outcome." + d.outcome.code()), d.refunded,
				d.refundable(), d.decisionReason, d.decidedAt, d.reopenedAt, d.provisionalAmount,
				d.provisionalOutstanding, d.ticketId, ticketNumber, evidence(d), timeline(d, true), d.createdAt);
	}

	StaffDispute staffDispute(Caller staff, UUID id) {
		return forStaff(desk.seenBy(staff, id, false));
	}

	/**
	 * {@code status}: a status code, or {@code open} for every dispute still awaiting a
	 * decision; an agent sees the disputes of the customers whose language they serve.
	 */
	CursorPage<StaffDispute> staffDisputes(Caller staff, @Nullable String status, @Nullable String cursor, int limit) {
		List<String> statuses = statuses(status);
		List<String> languages = null;
		if (!staff.hasAtLeast(Caller.Role.SUPERVISOR)) {
			languages = identity.staffMember(staff.id()).map(StaffMember::languages).orElse(List.of());
		}
		Position after = Position.after(cursor);
		return CursorPage
			.of(disputes.page(null, statuses, languages, after.at(), after.id(), limit + 1), limit, Position::cursorOf)
			.map(this::forStaff);
	}

	private static @Nullable List<String> statuses(@Nullable String status) {
		if (status == null || status.isBlank()) {
			return null;
		}
		if (status.equals("open")) {
			return Arrays.stream(DisputeStatus.values())
				.filter(DisputeStatus::awaitsDecision)
				.map(DisputeStatus::code)
				.toList();
		}
		return Arrays.stream(DisputeStatus.values())
			.map(DisputeStatus::code)
			.filter(status::equals)
			.findFirst()
			.map(List::of)
			.orElseThrow(() -> Refusal.badRequest("dispute_status_invalid"));
	}

	Prefill prefill(Caller customer, UUID transactionId) {
		TransactionView t = desk.ownMovement(customer, transactionId);
		List<Coded> reasons = Arrays.stream(DisputeReason.values())
			.filter(r -> r.fits(t.type()))
			.map(this::reason)
			.toList();
		String method = t.cardLast4() != null ? words("page.dispute.method.card", t.cardLast4())
				: words("page.dispute.method.balance");
		return new Prefill(t.id(), t.reference(), type(t.type().code()), t.amount(), t.currency(), t.counterparty(),
				t.cardLast4(), method, t.createdAt(), reasons,
				t.createdAt().plus(Duration.ofDays(settings.windowDays())),
				disputes.findByTransaction(t.id()).map(d -> d.id).orElse(null));
	}

	DisputeRepository.Evidence evidenceOf(Dispute d, UUID evidenceId) {
		return disputes.evidence(d.id)
			.stream()
			.filter(e -> e.id().equals(evidenceId))
			.findFirst()
			.orElseThrow(() -> Refusal.notFound("dispute_evidence_not_found"));
	}

	private List<EvidenceView> evidence(Dispute d) {
		return disputes.evidence(d.id)
			.stream()
			.map(e -> new EvidenceView(e.id(), e.fileName(), e.mediaType(), e.size(), e.addedBy(), e.addedAt()))
			.toList();
	}

	/** The timeline in words; customers do not see staff-only moves. */
	private List<TimelineEntry> timeline(Dispute d, boolean staff) {
		return disputes.events(d.id)
			.stream()
			.filter(e -> staff || !DisputeNotices.STAFF_ONLY.contains(e.kind()))
			.map(e -> new TimelineEntry(e.kind(), words("page.dispute.event." + e.kind()), e.at()))
			.toList();
	}

	private Coded reason(DisputeReason r) {
		return new Coded(r.code(), words("page.dispute.reason." + r.code()));
	}

	private Coded type(String code) {
		return new Coded(code, words("page.type." + code));
	}

	private String words(String key, Object... args) {
		return messages.getMessage(key, args, LocaleContextHolder.getLocale());
	}

	/** A cursor: the last row's creation time and id. */
	record Position(@Nullable Instant at, @Nullable UUID id) {

		static Position after(@Nullable String cursor) {
			if (cursor == null || cursor.isBlank()) {
				return new Position(null, null);
			}
			CursorPage.TimeAndId after = CursorPage.TimeAndId.of(cursor);
			return new Position(after.at(), after.id());
		}

		static String cursorOf(Dispute d) {
			return CursorPage.TimeAndId.position(d.createdAt, d.id);
		}

	}

}
