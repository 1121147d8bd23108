package com.tpwallet.walletdesk.support.internal;

import com.tpwallet.walletdesk.support.EntryKind;
import com.tpwallet.walletdesk.support.HumanFallback;
import com.tpwallet.walletdesk.support.SupportEvents;
import com.tpwallet.walletdesk.translation.TranslationUnavailable;
import com.tpwallet.walletdesk.support.TicketStatus;
import com.tpwallet.walletdesk.identity.IdentityApi;
import com.tpwallet.walletdesk.wallet.WalletApi;
import com.tpwallet.walletdesk.platform.Caller;
import com.tpwallet.walletdesk.platform.CursorPage;
import com.tpwallet.walletdesk.platform.Languages;
import com.tpwallet.walletdesk.platform.PlainText;
import com.tpwallet.walletdesk.platform.Refusal;
import com.tpwallet.walletdesk.support.SupportEvents.AgentReplied;
import com.tpwallet.walletdesk.support.SupportEvents.TicketAssigned;
import com.tpwallet.walletdesk.support.SupportEvents.TicketCreated;
import com.tpwallet.walletdesk.support.SupportEvents.TicketSolved;
import com.tpwallet.walletdesk.support.internal.TicketViews.CustomerTicket;
import com.tpwallet.walletdesk.support.internal.TicketViews.CustomerTicketDetail;
import com.tpwallet.walletdesk.support.internal.TicketViews.EntryView;
import com.tpwallet.walletdesk.support.internal.TicketViews.Sla;
import com.tpwallet.walletdesk.support.internal.TicketViews.StaffTicket;
import com.tpwallet.walletdesk.support.internal.TicketViews.StaffTicketDetail;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tickets as customers and staff work on them; every read and write checks who may see
 * the ticket.
 */
@Service
class TicketDesk {

	/**
	 * Customer text is kept as plain text: tags (and script bodies) are removed, never
	 * rendered.
	 */

	private final TicketRepository tickets;

	private final Routing routing;

	private final BusinessHours hours;

	private final IdentityApi identity;

	private final WalletApi wallet;

	private final ApplicationEventPublisher events;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final EntryTranslations translations;

	private final SpeakerFallback fallback;

	private final TransactionTemplate transactions;

	TicketDesk(TicketRepository tickets, Routing routing, BusinessHours hours, IdentityApi identity, WalletApi wallet,
			ApplicationEventPublisher events, JdbcClient jdbc, Clock clock, EntryTranslations translations,
			SpeakerFallback fallback, TransactionTemplate transactions) {
		this.transactions = transactions;
		this.translations = translations;
		this.fallback = fallback;
		this.wallet = wallet;
		this.tickets = tickets;
		this.routing = routing;
		this.hours = hours;
		this.identity = identity;
		this.events = events;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * A transaction a ticket may name: the customer's own, or none; any other is refused
	 * as if it did not exist.
	 */
	private @Nullable UUID ownTransaction(UUID customerId, @Nullable UUID transactionId) {
		if (transactionId == null) {
			return null;
		}
		return wallet.transaction(transactionId)
			.filter(t -> t.customerId().equals(customerId))
			.map(t -> t.id())
			.orElseThrow(() -> Refusal.unprocessable("ticket_transaction_unknown"));
	}

	static String plainText(String text) {
		return PlainText.of(text);
	}

	/**
	 * What opening a ticket takes, from any channel (the public API's
	 * {@code SupportApi.NewTicket} maps to it).
	 */
	record Opening(String subject, String message, @Nullable String language, @Nullable UUID transactionId,
			@Nullable String topic, String channel, @Nullable String priority) {
	}

	@Transactional
	public Ticket open(UUID customerId, Opening request) {
		return open(customerId, null, request);
	}

	/** A ticket for an e-mail contact who is not a known customer. */
	@Transactional
	public Ticket openForContact(UUID contactId, Opening request) {
		return open(null, contactId, request);
	}

	/**
	 * A ticket for a visitor who is not signed in (or cannot sign in): who they say they
	 * are and where to answer them go with it, unproven.
	 */
	@Transactional
	public Ticket openForVisitor(com.tpwallet.walletdesk.support.StatedContact visitor, Opening request) {
		return open(null, null, visitor, request, null);
	}

	/**
	 * A visitor's ticket becomes the customer's, once an agent proved who the visitor is.
	 */
	@Transactional
	public void linkVisitor(UUID ticketId, UUID customerId) {
		Ticket t = tickets.lock(ticketId).orElseThrow(() -> Refusal.notFound("ticket_not_found"));
		if (t.customerId == null) {
			jdbc.sql("UPDATE ticket SET customer_id = ? WHERE id = ?").params(customerId, ticketId).update();
		}
	}

	private Ticket open(@Nullable UUID customerId, @Nullable UUID contactId, Opening request) {
		return open(customerId, contactId, null, request, null);
	}

	/**
	 * A ticket a member of staff opens for a customer (on the phone, say): what the
	 * customer needs goes on it as the staff member's internal note, not in the
	 * customer's name.
	 */
	@Transactional
	public Ticket openForCustomer(UUID customerId, Caller staff, Opening request) {
		identity.requireStaffReach(staff.id(), customerId); // an unknown customer is not
															// found
		return open(customerId, null, null, request, staff.id());
	}

	private Ticket open(@Nullable UUID customerId, @Nullable UUID contactId,
			com.tpwallet.walletdesk.support.@Nullable StatedContact visitor, Opening request,
			@Nullable UUID openedByStaff) {
		String subject = plainText(request.subject());
		String message = plainText(request.message());
		if (subject.isEmpty() || message.isEmpty()) {
			throw Refusal.unprocessable("ticket_empty");
		}
		String language = request.language() != null
				? Languages.match(request.language())
					.map(Languages::tagOf)
					.orElseThrow(() -> Refusal.unprocessable("unsupported_language"))
				: customerId == null ? "en" : identity.customer(customerId).map(c -> c.language()).orElse("en");
		String topic = request.topic() != null ? request.topic() : routing.topicOf(subject + " " + message);
		if (!Routing.TOPICS.contains(topic)) {
			throw Refusal.unprocessable("ticket_topic_invalid", String.join(", ", Routing.TOPICS));
		}
		String priority = request.priority() == null ? "normal" : request.priority();
		if (!Ticket.PRIORITIES.contains(priority)) {
			throw Refusal.unprocessable("ticket_priority_invalid", String.join(", ", Ticket.PRIORITIES));
		}
		Instant now = clock.instant();
		Ticket ticket = new Ticket(UUID.randomUUID(), customerId, subject, request.channel(), language, priority,
				Routing.queue(topic, language), now);
		ticket.contactId = contactId;
		ticket.stated = visitor;
		ticket.transactionId = customerId == null ? null : ownTransaction(customerId, request.transactionId());
		ticket.startSla(policy(priority), hours);
		if (openedByStaff != null) {
			ticket.assignee = openedByStaff; // whoever opens it for the customer follows
												// it up
		}
		else {
			routing.assign(language).ifPresent(agent -> ticket.assignee = agent);
		}
		tickets.insert(ticket);
		if (openedByStaff != null) {
			tickets.addEntry(ticket, EntryKind.NOTE, openedByStaff, message, now);
		}
		else {
			tickets.addEntry(ticket, EntryKind.CUSTOMER, customerId != null ? customerId : contactId, message, now);
		}
		events.publishEvent(new TicketCreated(ticket.id, ticket.number, customerId, ticket.queue, language));
		if (ticket.assignee != null) {
			events.publishEvent(new TicketAssigned(ticket.id, ticket.assignee));
		}
		return ticket;
	}

	Ticket.SlaPolicy policy(String priority) {
		return jdbc.sql("SELECT first_response_mins, resolution_mins FROM sla_policy WHERE priority = ?")
			.param(priority)
			.query((rs, n) -> new Ticket.SlaPolicy(rs.getLong(1), rs.getLong(2)))
			.single();
	}

	// ---- customers
	// -----------------------------------------------------------------------------

	/** The customer's own ticket; anyone else's answers 404, as if it did not exist. */
	Ticket own(UUID ticketId, UUID customerId) {
		return tickets.find(ticketId)
			.filter(t -> customerId.equals(t.customerId))
			.orElseThrow(() -> Refusal.notFound("ticket_not_found"));
	}

	@Transactional(readOnly = true)
	public CustomerTicketDetail customerView(UUID ticketId, UUID customerId) {
		Ticket t = own(ticketId, customerId);
		return new CustomerTicketDetail(CustomerTicket.of(t),
				translations.view(tickets.entries(t.id, false), t.language, t.language, false));
	}

	@Transactional(readOnly = true)
	public CursorPage<CustomerTicket> customerTickets(UUID customerId, @Nullable String cursor, int limit) {
		long before = cursor == null ? Long.MAX_VALUE : parse(cursor);
		List<Ticket> rows = jdbc
			.sql("SELECT * FROM ticket WHERE customer_id = ? AND number < ? ORDER BY number DESC LIMIT ?")
			.params(customerId, before, limit + 1)
			.query(TicketRepository::map)
			.list();
		return CursorPage.of(rows, limit, t -> Long.toString(t.number)).map(CustomerTicket::of);
	}

	@Transactional
	public EntryView customerWrites(UUID ticketId, UUID customerId, String body) {
		Ticket t = tickets.lock(ticketId)
			.filter(x -> customerId.equals(x.customerId))
			.orElseThrow(() -> Refusal.notFound("ticket_not_found"));
		String text = requireText(body);
		Instant now = clock.instant();
		t.customerWrote(now, hours);
		return EntryView
			.of(tickets.updateWithEntry(new TicketRepository.Written(t, EntryKind.CUSTOMER, customerId, text, now)));
	}

	@Transactional
	public CustomerTicket rate(UUID ticketId, UUID customerId, int score, @Nullable String comment) {
		Ticket t = tickets.lock(ticketId)
			.filter(x -> customerId.equals(x.customerId))
			.orElseThrow(() -> Refusal.notFound("ticket_not_found"));
		if (t.isOpen()) {
			throw Refusal.conflict("ticket_not_solved");
		}
		if (score < 1 || score > 5) {
			throw Refusal.unprocessable("satisfaction_score_invalid");
		}
		t.csatScore = score;
		t.csatComment = comment == null ? null : plainText(comment);
		tickets.update(t);
		events.publishEvent(new com.tpwallet.walletdesk.support.SupportEvents.SatisfactionGiven(t.id, customerId, score,
				t.csatComment, t.language, t.channel));
		return CustomerTicket.of(t);
	}

	// ---- staff
	// -----------------------------------------------------------------------------------

	/**
	 * A ticket this staff member may work on: agents see the queues of their languages
	 * and their own tickets.
	 */
	Ticket visible(UUID ticketId, Caller staff, boolean lock) {
		Ticket t = (lock ? tickets.lock(ticketId) : tickets.find(ticketId))
			.orElseThrow(() -> Refusal.notFound("ticket_not_found"));
		if (!staff.id().equals(t.assignee) && !routing.languagesOf(staff.id()).contains(t.language)) {
			throw Refusal.notFound("ticket_not_found");
		}
		return t;
	}

	java.util.Set<String> visibleLanguages(Caller staff) {
		return routing.languagesOf(staff.id());
	}

	/**
	 * Every entry, the customer's words also in the reader's language (translated once
	 * and stored) when it is not the ticket's. Read without a transaction around it: a
	 * translation not stored yet is asked of the translator, which may take seconds, and
	 * no pooled connection is held meanwhile.
	 */
	public StaffTicketDetail staffView(UUID ticketId, Caller staff) {
		Ticket t = visible(ticketId, staff, false);
		// a dispute is read in the customer's own words, by a person who speaks them
		return new StaffTicketDetail(staffTicket(t),
				translations.view(tickets.entries(t.id, true), t.language, readingLanguage(staff), !t.isDispute()),
				fallback.waitingFor(t.id).orElse(null));
	}

	/** The language a staff member reads and writes first. */
	private String readingLanguage(Caller staff) {
		return identity.staffMember(staff.id())
			.map(m -> m.languages().isEmpty() ? staff.language() : m.languages().get(0))
			.orElse(staff.language());
	}

	@Transactional
	public EntryView staffWrites(UUID ticketId, Caller staff, String body, boolean internal) {
		return staffWrites(ticketId, staff, body, internal, false);
	}

	/**
	 * A reply, written in the agent's language and, with {@code translate}, sent in the
	 * customer's: both texts are kept. When no translation can be had the reply is
	 * refused ({@code translation_unavailable}) and nothing reaches the customer.
	 *
	 * <p>
	 * The translation is asked for before the ticket is locked: a translator can take
	 * seconds (or its whole time-out), and the ticket's lock and a pooled connection held
	 * meanwhile would stop the customer's own messages and other requests. Should the
	 * ticket's language change in between, the reply is translated again under the lock.
	 */
	public EntryView staffWrites(UUID ticketId, Caller staff, String body, boolean internal, boolean translate) {
		String writerLanguage = readingLanguage(staff);
		Translation ahead = translate && !internal ? translateAhead(ticketId, staff, body, writerLanguage) : null;
		return transactions.execute(tx -> {
			Ticket t = visible(ticketId, staff, true);
			String written = requireText(body);
			boolean translated = translate && !internal && !writerLanguage.equals(t.language);
			String sent = !translated ? written : ahead != null && ahead.language().equals(t.language) ? ahead.text()
					: forCustomer(t, written, writerLanguage);
			return write(t, staff, written, sent, writerLanguage, translated, internal);
		});
	}

	/** A reply in the language the ticket had a moment ago. */
	private record Translation(String text, String language) {
	}

	/** The reply in the customer's language, asked for before the ticket is locked. */
	private @Nullable Translation translateAhead(UUID ticketId, Caller staff, String body, String writerLanguage) {
		Ticket seen = visible(ticketId, staff, false);
		String written = requireText(body);
		return writerLanguage.equals(seen.language) ? null
				: new Translation(forCustomer(seen, written, writerLanguage), seen.language);
	}

	/** The reply in the customer's language; a dispute is never machine translated. */
	private String forCustomer(Ticket t, String written, String writerLanguage) {
		if (t.isDispute()) {
			fallback.needSpeaker(t.id, t.language, HumanFallback.DISPUTE);
			throw Refusal.unprocessable("translation_not_for_disputes");
		}
		try {
			return translations.forCustomer(written, writerLanguage, t.language);
		}
		catch (TranslationUnavailable unavailable) {
			fallback.needSpeaker(t.id, t.language, HumanFallback.of(unavailable));
			throw unavailable;
		}
	}

	private EntryView write(Ticket t, Caller staff, String written, String text, String writerLanguage,
			boolean translated, boolean internal) {
		if (!translated && !internal) {
			fallback.answeredBy(t.id, staff.id());
		}
		Instant now = clock.instant();
		if (!internal) {
			if (!t.isOpen()) {
				t.moveTo(TicketStatus.OPEN, now, hours);
			}
			t.agentReplied(now, hours);
			if (t.assignee == null) {
				t.assignee = staff.id();
			}
		}
		TicketRepository.Entry entry = internal ? tickets.addEntry(t, EntryKind.NOTE, staff.id(), text, now)
				: tickets.updateWithEntry(new TicketRepository.Written(t, EntryKind.AGENT, staff.id(), text, now));
		if (translated) {
			translations.keepOriginal(entry.id(), writerLanguage, written);
		}
		if (!internal) {
			events.publishEvent(new AgentReplied(t.id, entry.id(), staff.id(), text, translated
					? new SupportEvents.MachineTranslated(written, writerLanguage, translations.provider()) : null));
			// a channel that sends the reply (e-mail) has recorded its delivery state
			entry = tickets.entry(entry.id());
		}
		EntryView view = EntryView.of(entry);
		return translated ? view.translatedFrom(written, writerLanguage, translations.provider()) : view;
	}

	record UnclearFlagged(UUID ticketId, long entryId, String needsSpeaker) {
	}

	/**
	 * The customer or an agent says a machine translation on the ticket is unclear: a
	 * person who speaks the customer's language takes the conversation over.
	 */
	@Transactional
	public UnclearFlagged flagUnclear(UUID ticketId, long entryId, Caller caller) {
		Ticket t = caller.isStaff() ? visible(ticketId, caller, false) : own(ticketId, caller.customerId());
		if (!translations.isTranslated(t.id, entryId, caller.isStaff())) {
			throw Refusal.unprocessable("entry_not_translated");
		}
		fallback.needSpeaker(t.id, t.language, HumanFallback.FLAGGED_UNCLEAR);
		return new UnclearFlagged(t.id, entryId, t.language);
	}

	record Change(@Nullable String status, @Nullable String priority, @Nullable String queue, @Nullable UUID assigneeId,
			@Nullable List<String> tags) {
	}

	@Transactional
	public StaffTicket change(UUID ticketId, Caller staff, Change change) {
		Ticket t = visible(ticketId, staff, true);
		apply(t, staff, change);
		return staffTicket(t);
	}

	void apply(Ticket t, Caller staff, Change change) {
		Instant now = clock.instant();
		TicketStatus status = change.status() == null ? null : TicketStatus.find(change.status())
			.orElseThrow(() -> Refusal.unprocessable("ticket_status_invalid", TicketStatus.codes()));
		if (change.priority() != null) {
			if (!Ticket.PRIORITIES.contains(change.priority())) {
				throw Refusal.unprocessable("ticket_priority_invalid", String.join(", ", Ticket.PRIORITIES));
			}
			t.priority = change.priority();
		}
		if (change.queue() != null) {
			if (!routing.isQueue(change.queue())) {
				throw Refusal.unprocessable("ticket_queue_invalid");
			}
			if (!routing.languagesOf(staff.id()).contains(routing.languageOf(change.queue()))) {
				// An agent moves work only into queues they can see.
				throw Refusal.notAllowed("ticket_queue_forbidden");
			}
			t.queue = change.queue();
		}
		if (change.assigneeId() != null && !change.assigneeId().equals(t.assignee)) {
			if (!staff.hasAtLeast(Caller.Role.SUPERVISOR) && !change.assigneeId().equals(staff.id())) {
				throw Refusal.notAllowed("reassign_supervisors_only");
			}
			if (identity.staffMember(change.assigneeId()).isEmpty()) {
				throw Refusal.unprocessable("assignee_unknown");
			}
			t.assignee = change.assigneeId();
			tickets.addEntry(t, EntryKind.SYSTEM, staff.id(), "assigned", now);
			events.publishEvent(new TicketAssigned(t.id, t.assignee));
		}
		if (change.tags() != null) {
			t.tags = change.tags()
				.stream()
				.map(PlainText::of)
				.filter(s -> !s.isEmpty() && s.length() <= 40)
				.distinct()
				.toList();
			t.tags = new java.util.ArrayList<>(t.tags);
		}
		if (status != null && status != t.status) {
			t.moveTo(status, now, hours);
			tickets.addEntry(t, EntryKind.SYSTEM, staff.id(), "status:" + status.code(), now);
			if (status == TicketStatus.SOLVED) {
				events.publishEvent(new TicketSolved(t.id, t.customerId));
			}
		}
		t.updatedAt = now;
		tickets.update(t);
	}

	StaffTicket staffTicket(Ticket t) {
		Instant now = clock.instant();
		Long firstLeft = t.firstRespondedAt == null && t.firstResponseDue != null
				? minutesLeft(now, t.firstResponseDue, t) : null;
		Long resolutionLeft = t.isOpen() && t.resolutionDue != null ? minutesLeft(now, t.resolutionDue, t) : null;
		Sla sla = new Sla(t.firstResponseDue, t.resolutionDue, t.firstRespondedAt, t.isPaused(),
				t.firstResponseBreached, t.resolutionBreached, firstLeft, resolutionLeft);
		return new StaffTicket(t.id, t.number, t.customerId, t.subject, t.status, t.priority, t.channel, t.language,
				t.queue, t.assignee, List.copyOf(t.tags), t.transactionId, sla, t.csatScore, t.csatComment, t.createdAt,
				t.updatedAt, t.stated);
	}

	/**
	 * Working minutes left (negative once overdue); while paused, the clock stands still
	 * at the pause.
	 */
	private long minutesLeft(Instant now, Instant due, Ticket t) {
		Instant at = t.isPaused() ? t.slaPausedAt : now;
		return at.isBefore(due) ? hours.minutesBetween(at, due) : -hours.minutesBetween(due, at);
	}

	private static String requireText(String body) {
		String text = plainText(body == null ? "" : body);
		if (text.isEmpty()) {
			throw Refusal.unprocessable("entry_empty");
		}
		return text;
	}

	static long parse(String cursor) {
		try {
			return Long.parseLong(CursorPage.decode(cursor));
		}
		catch (NumberFormatException e) {
			throw Refusal.badRequest("invalid_cursor");
		}
	}

}
