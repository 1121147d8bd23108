package com.tpwallet.walletdesk.support.internal;

import com.tpwallet.walletdesk.support.EntryKind;
import com.tpwallet.walletdesk.support.HumanFallback;
import com.tpwallet.walletdesk.identity.IdentityApi;
import com.tpwallet.walletdesk.identity.StaffMember;
import com.tpwallet.walletdesk.platform.Caller;
import com.tpwallet.walletdesk.platform.Refusal;
import com.tpwallet.walletdesk.support.StatedContact;
import com.tpwallet.walletdesk.support.SupportApi;
import com.tpwallet.walletdesk.support.TicketStatus;
import com.tpwallet.walletdesk.support.SupportEvents.TicketAssigned;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.ArrayList;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class SupportFacade implements SupportApi {

	private final TicketDesk desk;

	private final TicketRepository tickets;

	private final BusinessHours hours;

	private final Attachments attachments;

	private final IdentityApi identity;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final String openingHours;

	private final EntryTranslations translations;

	private final SpeakerFallback fallback;

	SupportFacade(TicketDesk desk, TicketRepository tickets, BusinessHours hours, Attachments attachments,
			IdentityApi identity, JdbcClient jdbc, ApplicationEventPublisher events, Clock clock,
			EntryTranslations translations, SpeakerFallback fallback,
			@Value("${walletdesk.support.opens:09:00}") String opens,
			@Value("${walletdesk.support.closes:21:00}") String closes) {
		this.desk = desk;
		this.translations = translations;
		this.fallback = fallback;
		this.tickets = tickets;
		this.hours = hours;
		this.attachments = attachments;
		this.identity = identity;
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
		this.openingHours = opens + "–" + closes;
	}

	@Override
	public OpenedTicket openTicket(UUID customerId, NewTicket request) {
		Ticket ticket = desk.open(customerId, new TicketDesk.Opening(request.subject(), request.message(),
				request.language(), request.transactionId(), request.topic(), request.channel(), request.priority()));
		return new OpenedTicket(ticket.id, ticket.number);
	}

	@Override
	public OpenedTicket openTicketForContact(UUID contactId, NewTicket request) {
		Ticket ticket = desk.openForContact(contactId, new TicketDesk.Opening(request.subject(), request.message(),
				request.language(), null, request.topic(), request.channel(), null));
		return new OpenedTicket(ticket.id, ticket.number);
	}

	@Override
	public OpenedTicket openTicketForVisitor(StatedContact visitor, NewTicket request) {
		Ticket ticket = desk.openForVisitor(visitor, new TicketDesk.Opening(request.subject(), request.message(),
				request.language(), null, request.topic(), request.channel(), null));
		return new OpenedTicket(ticket.id, ticket.number);
	}

	@Override
	public java.util.Optional<StatedContact> statedContact(UUID ticketId) {
		return tickets.find(ticketId).map(t -> t.stated);
	}

	@Override
	public void linkVisitor(UUID ticketId, UUID customerId) {
		desk.linkVisitor(ticketId, customerId);
	}

	@Override
	public java.util.Optional<TicketFacts> ticket(UUID ticketId) {
		return tickets.find(ticketId).map(SupportFacade::facts);
	}

	@Override
	public java.util.Optional<TicketFacts> ticketByNumber(long number) {
		return jdbc.sql("SELECT * FROM ticket WHERE number = ?")
			.param(number)
			.query(TicketRepository::map)
			.optional()
			.map(SupportFacade::facts);
	}

	private static TicketFacts facts(Ticket t) {
		return new TicketFacts(t.id, t.number, t.subject, t.language, t.channel, t.queue, t.status, t.customerId,
				t.contactId, t.firstResponseDue);
	}

	@Override
	public List<TicketFacts> openTickets(UUID customerId) {
		return jdbc
			.sql("SELECT * FROM ticket WHERE customer_id = ? AND status IN " + Ticket.ACTIVE_SQL
					+ " ORDER BY number DESC LIMIT 10")
			.param(customerId)
			.query(TicketRepository::map)
			.list()
			.stream()
			.map(SupportFacade::facts)
			.toList();
	}

	@Override
	public void requireSeenBy(UUID ticketId, Caller staff) {
		desk.visible(ticketId, staff, false);
	}

	@Override
	@Transactional
	public int linkContact(UUID contactId, UUID customerId) {
		return jdbc.sql("UPDATE ticket SET customer_id = ? WHERE contact_id = ? AND customer_id IS NULL")
			.params(customerId, contactId)
			.update();
	}

	@Override
	public void recordDelivery(long entryId, String state, @Nullable String detail) {
		tickets.recordDelivery(entryId, state, detail);
	}

	@Override
	public long ticketNumber(UUID ticketId) {
		return jdbc.sql("SELECT number FROM ticket WHERE id = ?").param(ticketId).query(Long.class).single();
	}

	/**
	 * A copy from another channel (chat) counts as a reply on the ticket would: the
	 * agent's first one meets the first-response target, and the customer writing moves a
	 * pending or solved ticket back to open. A ticket closed for good keeps the copy and
	 * its status.
	 */
	@Override
	@Transactional
	public long addEntry(UUID ticketId, EntryKind kind, @Nullable UUID authorId, String text) {
		Ticket t = tickets.lock(ticketId).orElseThrow(() -> Refusal.notFound("ticket_not_found"));
		Instant now = clock.instant();
		return tickets.updateWithEntry(copied(t, kind, authorId, text, now)).id();
	}

	@Override
	@Transactional
	public void addEntries(List<NewEntry> entries) {
		Map<UUID, Ticket> locked = tickets.lockAll(entries.stream().map(NewEntry::ticketId).toList());
		Instant now = clock.instant();
		List<TicketRepository.Written> written = new ArrayList<>(entries.size());
		for (NewEntry e : entries) {
			Ticket t = locked.get(e.ticketId());
			if (t == null) {
				throw Refusal.notFound("ticket_not_found");
			}
			written.add(copied(t, e.kind(), e.authorId(), e.text(), now));
		}
		tickets.updateWithEntries(written);
	}

	/** The ticket after a copy from another channel, and the entry to write. */
	private TicketRepository.Written copied(Ticket t, EntryKind kind, @Nullable UUID authorId, String text,
			Instant now) {
		if (kind == EntryKind.CUSTOMER && t.reopensOnCustomerReply(now)) {
			t.customerWrote(now, hours);
		}
		else if (kind == EntryKind.AGENT) {
			t.agentReplied(now, hours);
		}
		t.updatedAt = now;
		return new TicketRepository.Written(t, kind, authorId,
				kind == EntryKind.CUSTOMER ? TicketDesk.plainText(text) : text, now);
	}

	@Override
	@Transactional
	public long addTranslatedReply(UUID ticketId, UUID agentId, String text, String original, String originalLanguage) {
		long entry = addEntry(ticketId, EntryKind.AGENT, agentId, text);
		translations.keepOriginal(entry, originalLanguage, original);
		return entry;
	}

	@Override
	@Transactional
	public void solveAfterChat(UUID ticketId) {
		Ticket t = tickets.lock(ticketId).orElseThrow(() -> Refusal.notFound("ticket_not_found"));
		if (!t.isOpen()) {
			return;
		}
		Instant now = clock.instant();
		t.moveTo(TicketStatus.SOLVED, now, hours);
		t.updatedAt = now;
		tickets.update(t);
		tickets.addEntry(t, EntryKind.SYSTEM, null, "status:" + TicketStatus.SOLVED.code(), now);
	}

	@Override
	@Transactional
	public void rateAfterChat(UUID ticketId, UUID customerId, int score) {
		desk.rate(ticketId, customerId, score, null);
	}

	@Override
	public void needSpeaker(UUID ticketId, String language, HumanFallback reason) {
		fallback.needSpeaker(ticketId, language, reason);
	}

	@Override
	public boolean isDispute(UUID ticketId) {
		return tickets.find(ticketId).map(Ticket::isDispute).orElse(false);
	}

	@Override
	@Transactional
	public void assign(UUID ticketId, UUID agentId) {
		Ticket t = tickets.lock(ticketId).orElseThrow(() -> Refusal.notFound("ticket_not_found"));
		if (t.giveTo(agentId, clock.instant(), hours)) {
			tickets.update(t);
			events.publishEvent(new TicketAssigned(ticketId, agentId));
		}
	}

	@Override
	public boolean isOpen(Instant at) {
		return hours.isOpen(at);
	}

	@Override
	public String openingHours() {
		return openingHours;
	}

	@Override
	public List<UUID> availableAgents(String language) {
		List<UUID> speakers = identity.staffMembers()
			.stream()
			.filter(m -> m.role() == Caller.Role.AGENT && m.languages().contains(language))
			.map(StaffMember::id)
			.toList();
		if (speakers.isEmpty()) {
			return List.of();
		}
		// An agent who never set a presence counts as available, as in ticket routing.
		return jdbc.sql("""
				SELECT s.id FROM unnest(?::uuid[]) AS s(id) LEFT JOIN agent_presence p ON p.staff_id = s.id
				WHERE coalesce(p.available, TRUE)""").param(speakers.toArray(UUID[]::new)).query(UUID.class).list();
	}

	@Override
	public StoredFile attach(UUID ticketId, Caller uploader, String fileName, byte[] bytes) {
		Attachments.Attachment stored = attachments.upload(ticketId, uploader, fileName, bytes);
		return new StoredFile(stored.id(), stored.fileName(), stored.mediaType(), stored.size());
	}

	@Override
	public List<String> requesterMessages(UUID ticketId) {
		return jdbc.sql("SELECT body FROM ticket_entry WHERE ticket_id = ? AND kind = ? ORDER BY id")
			.params(ticketId, EntryKind.CUSTOMER.code())
			.query(String.class)
			.list();
	}

	@Override
	public java.util.Optional<FileContent> file(UUID attachmentId) {
		return jdbc.sql("SELECT file_name, media_type, content FROM ticket_attachment WHERE id = ?")
			.param(attachmentId)
			.query((rs, n) -> new FileContent(rs.getString(1), rs.getString(2), rs.getBytes(3)))
			.optional();
	}

	@Override
	public StoredFile attachFromRequester(UUID ticketId, String fileName, byte[] bytes) {
		Attachments.Attachment stored = attachments.fromRequester(ticketId, fileName, bytes);
		return new StoredFile(stored.id(), stored.fileName(), stored.mediaType(), stored.size());
	}

}
