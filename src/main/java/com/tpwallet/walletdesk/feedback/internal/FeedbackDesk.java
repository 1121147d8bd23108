package com.tpwallet.walletdesk.feedback.internal;

import com.tpwallet.walletdesk.identity.IdentityApi;
import com.tpwallet.walletdesk.notifications.Notice;
import com.tpwallet.walletdesk.notifications.Notifications;
import com.tpwallet.walletdesk.platform.Caller;
import com.tpwallet.walletdesk.platform.Languages;
import com.tpwallet.walletdesk.platform.Refusal;
import com.tpwallet.walletdesk.support.SupportApi;
import com.tpwallet.walletdesk.support.SupportEvents.SatisfactionGiven;
import com.tpwallet.walletdesk.support.SupportEvents.TicketCreated;
import com.tpwallet.walletdesk.translation.LanguageDetection;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.scheduling.annotation.Async;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Feedback in: from the form, from satisfaction comments, from tickets (the classifier
 * flags what looks like feedback; an agent confirms, or marks a ticket themselves). Each
 * piece is classified and put in its group. People correct labels; product marks groups
 * planned or shipped, and the customers behind a shipped group are told.
 */
@Service
class FeedbackDesk {

	/** A flagged ticket must look like this much feedback before an agent is asked. */
	static final double SUGGEST_FROM = 0.5;

	record Submission(String text, @Nullable String category, @Nullable String appVersion, @Nullable String device,
			@Nullable String channel) {
	}

	record Correction(@Nullable String kind, @Nullable String area, @Nullable String sentiment) {
	}

	private final FeedbackStore store;

	private final FeedbackModel model;

	private final Themes themes;

	private final LanguageDetection detection;

	private final IdentityApi identity;

	private final SupportApi support;

	private final Notifications notifications;

	private final GroupLabels labels;

	private final Clock clock;

	private final TransactionTemplate transactions;

	FeedbackDesk(FeedbackStore store, FeedbackModel model, Themes themes, LanguageDetection detection,
			IdentityApi identity, SupportApi support, Notifications notifications, GroupLabels labels, Clock clock,
			TransactionTemplate transactions) {
		this.store = store;
		this.model = model;
		this.themes = themes;
		this.detection = detection;
		this.identity = identity;
		this.support = support;
		this.notifications = notifications;
		this.labels = labels;
		this.clock = clock;
		this.transactions = transactions;
	}

	/**
	 * A customer's feedback from the form. Classified before the transaction: the first
	 * classification after a start waits for the classifier's training (a second or more
	 * on a busy machine), and a pooled connection must not wait with it.
	 */
	FeedbackStore.Item submit(Caller customer, Submission s) {
		String text = s.text().strip();
		if (text.isEmpty()) {
			throw Refusal.badRequest("feedback_text_required");
		}
		String language = languageOf(text,
				identity.customer(customer.customerId()).map(c -> c.language()).orElse(customer.language()));
		FeedbackClassifier.Verdict v = model.classify(text, language);
		return transactions
			.execute(tx -> record(customer.customerId(), "form", s.channel() == null ? "app" : s.channel(), language,
					text, s.category(), s.appVersion(), s.device(), null, true, v));
	}

	/**
	 * A satisfaction comment is feedback on the service (or whatever it talks about).
	 * Classified before the transaction, as a new ticket is (below).
	 */
	@Async
	@TransactionalEventListener
	void on(SatisfactionGiven rated) {
		if (rated.comment() == null || rated.comment().isBlank()) {
			return;
		}
		String text = rated.comment().strip();
		String language = languageOf(rated.comment(), rated.language());
		FeedbackClassifier.Verdict v = model.classify(text, language);
		transactions.executeWithoutResult(tx -> record(rated.customerId(), "csat", rated.channel(), language, text,
				null, null, null, null, true, v));
	}

	/**
	 * A customer's new ticket that reads like feedback (not a question) waits,
	 * unconfirmed, for an agent to confirm it. Classified before a transaction begins:
	 * the first ticket after a start waits seconds for the classifier's training, and
	 * every ticket opened meanwhile with it; each holding a pooled connection while it
	 * waited, a burst of new tickets took all of them (bench/chat's setup died of it).
	 */
	@Async
	@TransactionalEventListener
	void on(TicketCreated created) {
		if (created.customerId() == null) {
			return;
		}
		String text = String.join("\n", support.requesterMessages(created.ticketId())).strip();
		if (text.isEmpty()) {
			return;
		}
		String language = languageOf(text, created.language());
		FeedbackClassifier.Verdict v = model.classify(text, language);
		if (!v.kind().equals("question") && v.kindConfidence() >= SUGGEST_FROM) {
			String channel = support.ticket(created.ticketId()).map(SupportApi.TicketFacts::channel).orElse("web");
			transactions.executeWithoutResult(tx -> record(created.customerId(), "ticket", channel, language, text,
					null, null, null, created.ticketId(), false, v));
		}
	}

	/** What a ticket gave (or, unconfirmed, what the classifier flagged in it). */
	@Transactional(readOnly = true)
	java.util.Optional<FeedbackStore.Item> ofTicket(Caller staff, UUID ticketId) {
		support.requireSeenBy(ticketId, staff);
		return store.find(ticketId);
	}

	/**
	 * An agent marks a ticket as feedback, or confirms what the classifier flagged. A
	 * ticket not flagged yet is classified before the transaction (see {@link #submit}).
	 */
	FeedbackStore.Item markTicket(Caller staff, UUID ticketId) {
		support.requireSeenBy(ticketId, staff);
		SupportApi.TicketFacts ticket = support.ticket(ticketId)
			.orElseThrow(() -> Refusal.notFound("ticket_not_found"));
		String text = String.join("\n", support.requesterMessages(ticketId)).strip();
		String language = languageOf(text, ticket.language());
		FeedbackClassifier.@Nullable Verdict classified = text.isEmpty() || store.byTicket(ticketId).isPresent() ? null
				: model.classify(text, language);
		return transactions.execute(tx -> store.byTicket(ticketId).map(existing -> {
			store.confirm(existing.id());
			return store.lock(existing.id()).orElseThrow();
		}).orElseGet(() -> {
			if (text.isEmpty()) {
				throw Refusal.unprocessable("feedback_ticket_empty");
			}
			// classified above; here only if the item seen then has gone since
			FeedbackClassifier.Verdict v = classified != null ? classified : model.classify(text, language);
			return record(ticket.customerId(), "ticket", ticket.channel(), language, text, null, null, null, ticketId,
					true, v);
		}));
	}

	private FeedbackStore.Item record(@Nullable UUID customerId, String source, String channel, String language,
			String text, @Nullable String category, @Nullable String appVersion, @Nullable String device,
			@Nullable UUID ticketId, boolean confirmed, FeedbackClassifier.Verdict v) {
		Instant now = clock.instant();
		UUID group = groupOf(text, v.area(), v.kind(), now);
		FeedbackStore.Item item = new FeedbackStore.Item(UUID.randomUUID(), customerId, source, channel, language, text,
				category, appVersion, device, ticketId, v.kind(), v.area(), v.sentiment(), v.kindConfidence(),
				v.areaConfidence(), false, confirmed, group, now);
		store.insert(item);
		return item;
	}

	private UUID groupOf(String text, String area, String kind, Instant now) {
		List<String> about = themes.of(text);
		return store.group(Themes.signature(area, about, kind), area, about, kind, now);
	}

	/** People correct labels; the correction is kept and trains the next model. */
	@Transactional
	FeedbackStore.Item correct(Caller person, UUID id, Correction c) {
		FeedbackStore.Item f = store.lock(id).orElseThrow(() -> Refusal.notFound("feedback_not_found"));
		String kind = checked(Labels.Field.KIND, c.kind(), f.kind());
		String area = checked(Labels.Field.AREA, c.area(), f.area());
		String sentiment = checked(Labels.Field.SENTIMENT, c.sentiment(), f.sentiment());
		Instant now = clock.instant();
		if (!kind.equals(f.kind())) {
			store.correction(id, "kind", f.kind(), kind, person.id(), now);
		}
		if (!area.equals(f.area())) {
			store.correction(id, "area", f.area(), area, person.id(), now);
		}
		if (!sentiment.equals(f.sentiment())) {
			store.correction(id, "sentiment", f.sentiment(), sentiment, person.id(), now);
		}
		store.relabel(id, kind, area, sentiment, groupOf(f.text(), area, kind, now));
		return store.lock(id).orElseThrow();
	}

	private static String checked(Labels.Field field, @Nullable String value, String current) {
		if (value == null) {
			return current;
		}
		if (!field.values.contains(value)) {
			throw Refusal.badRequest("feedback_label_invalid").with("field", field.code());
		}
		return value;
	}

	/**
	 * Product marks a group planned or shipped (with the announcement); shipping tells
	 * each customer who gave that feedback, in their language. Answers how many were
	 * told.
	 */
	@Transactional
	int setGroupStatus(UUID groupId, String status, @Nullable String announcement) {
		if (!List.of("open", "planned", "shipped").contains(status)) {
			throw Refusal.badRequest("feedback_group_status_invalid");
		}
		if (!store.groupStatus(groupId, status, announcement, clock.instant())) {
			throw Refusal.notFound("feedback_group_not_found");
		}
		if (!status.equals("shipped")) {
			return 0;
		}
		List<UUID> customers = store.customersOf(groupId);
		// the group's label, worded once per language
		java.util.Map<Locale, String> labelIn = new java.util.HashMap<>();
		for (UUID customerId : customers) {
			identity.customer(customerId).ifPresent(c -> {
				Locale locale = Languages.match(c.language()).orElse(Languages.DEFAULT);
				notifications.send(Notice.inApp(c.id(), c.language(), "feedback-shipped",
						labelIn.computeIfAbsent(locale, l -> labels.label(groupId, l)),
						announcement == null ? "" : announcement));
			});
		}
		return customers.size();
	}

	private String languageOf(String text, String fallback) {
		return detection.detect(text).orElse(Languages.isSupported(fallback) ? fallback : "en");
	}

}
