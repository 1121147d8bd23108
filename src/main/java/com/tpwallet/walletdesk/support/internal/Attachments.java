package com.tpwallet.walletdesk.support.internal;

import com.tpwallet.walletdesk.support.EntryKind;
import com.tpwallet.walletdesk.support.SupportEvents;
import com.tpwallet.walletdesk.platform.Caller;
import com.tpwallet.walletdesk.platform.PdfActiveContent;
import com.tpwallet.walletdesk.platform.PlainText;
import com.tpwallet.walletdesk.platform.Refusal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.apache.tika.Tika;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Files on a ticket: the type is sniffed from the bytes (the name and the claimed type
 * are not trusted), only images, PDF and plain text are kept, at most {@code max-bytes},
 * after the virus scan; stored in PostgreSQL and served only to those who may see the
 * ticket.
 */
@Service
class Attachments {

	static final Set<String> ALLOWED = Set.of("image/png", "image/jpeg", "image/gif", "image/webp", "application/pdf",
			"text/plain");

	record Attachment(UUID id, long entryId, String fileName, String mediaType, int size, Instant createdAt) {
	}

	record Content(String fileName, String mediaType, byte[] bytes) {
	}

	private final JdbcClient jdbc;

	private final TicketDesk desk;

	private final TicketRepository tickets;

	private final VirusScanner scanner;

	private final Clock clock;

	private final int maxBytes;

	private final org.springframework.context.ApplicationEventPublisher events;

	private final Tika tika = new Tika();

	Attachments(JdbcClient jdbc, TicketDesk desk, TicketRepository tickets, VirusScanner scanner, Clock clock,
			@Value("${walletdesk.support.attachments.max-bytes:10485760}") int maxBytes,
			org.springframework.context.ApplicationEventPublisher events) {
		this.events = events;
		this.jdbc = jdbc;
		this.desk = desk;
		this.tickets = tickets;
		this.scanner = scanner;
		this.clock = clock;
		this.maxBytes = maxBytes;
	}

	/**
	 * The ticket if the caller may see it: their own (customers), or one they may work on
	 * (staff).
	 */
	private Ticket accessible(UUID ticketId, Caller caller) {
		return caller.isStaff() ? desk.visible(ticketId, caller, false) : desk.own(ticketId, caller.customerId());
	}

	@Transactional
	public Attachment upload(UUID ticketId, Caller caller, String fileName, byte[] bytes) {
		Ticket ticket = accessible(ticketId, caller);
		Attachment stored = store(ticket, caller.isStaff() ? EntryKind.AGENT : EntryKind.CUSTOMER, caller.id(),
				fileName, bytes);
		if (caller.isStaff()) {
			events.publishEvent(new SupportEvents.AgentAttached(ticket.id, stored.entryId(), caller.id(), stored.id(),
					stored.fileName()));
		}
		return stored;
	}

	/**
	 * A file the requester sent by e-mail: the same checks, on their behalf. A refusal
	 * writes nothing and leaves the caller's transaction usable (the mail is kept).
	 */
	@Transactional(noRollbackFor = Refusal.class)
	public Attachment fromRequester(UUID ticketId, String fileName, byte[] bytes) {
		Ticket ticket = tickets.find(ticketId).orElseThrow(() -> Refusal.notFound("ticket_not_found"));
		UUID requester = ticket.customerId != null ? ticket.customerId
				: java.util.Objects.requireNonNull(ticket.contactId);
		return store(ticket, EntryKind.CUSTOMER, requester, fileName, bytes);
	}

	private Attachment store(Ticket ticket, EntryKind kind, UUID uploader, String fileName, byte[] bytes) {
		if (bytes.length == 0) {
			throw Refusal.unprocessable("attachment_empty");
		}
		if (bytes.length > maxBytes) {
			throw new Refusal(Refusal.Kind.TOO_LARGE, "attachment_too_large", String.valueOf(maxBytes / 1024 / 1024));
		}
		String type = tika.detect(bytes);
		if (!ALLOWED.contains(type)) {
			throw Refusal.unprocessable("attachment_type_refused", type);
		}
		if (type.equals("application/pdf") && PdfActiveContent.in(bytes)) {
			throw Refusal.unprocessable("attachment_active_content");
		}
		Optional<String> threat = scanner.scan(bytes);
		if (threat.isPresent()) {
			throw Refusal.unprocessable("attachment_infected", threat.get());
		}
		String name = safeName(fileName);
		Instant now = clock.instant();
		TicketRepository.Entry entry = tickets.addEntry(ticket, kind, uploader, "📎 " + name, now);
		UUID id = UUID.randomUUID();
		jdbc.sql(
				"""
						INSERT INTO ticket_attachment (id, ticket_id, entry_id, uploader_id, file_name, media_type, size_bytes, sha256, content, created_at)
						VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, ticket.id, entry.id(), uploader, name, type, bytes.length, sha256(bytes), bytes,
					Timestamp.from(now))
			.update();
		return new Attachment(id, entry.id(), name, type, bytes.length, now);
	}

	@Transactional(readOnly = true)
	public List<Attachment> list(UUID ticketId, Caller caller) {
		Ticket ticket = accessible(ticketId, caller);
		return jdbc.sql(
				"SELECT id, entry_id, file_name, media_type, size_bytes, created_at FROM ticket_attachment WHERE ticket_id = ? ORDER BY created_at")
			.param(ticket.id)
			.query((rs, n) -> new Attachment(rs.getObject("id", UUID.class), rs.getLong("entry_id"),
					rs.getString("file_name"), rs.getString("media_type"), rs.getInt("size_bytes"),
					rs.getTimestamp("created_at").toInstant()))
			.list();
	}

	@Transactional(readOnly = true)
	public Content download(UUID ticketId, UUID attachmentId, Caller caller) {
		Ticket ticket = accessible(ticketId, caller);
		return jdbc.sql("SELECT file_name, media_type, content FROM ticket_attachment WHERE id = ? AND ticket_id = ?")
			.params(attachmentId, ticket.id)
			.query((rs, n) -> new Content(rs.getString("file_name"), rs.getString("media_type"),
					rs.getBytes("content")))
			.optional()
			.orElseThrow(() -> Refusal.notFound("attachment_not_found"));
	}

	/**
	 * Only the last path segment, as plain text, no control characters, at most 200
	 * characters.
	 */
	static String safeName(String fileName) {
		String base = fileName == null ? "" : PlainText.of(fileName).replace('\\', '/');
		base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"<>]", "").strip();
		if (base.isEmpty()) {
			base = "attachment";
		}
		return base.length() > 200 ? base.substring(base.length() - 200) : base;
	}

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

}
