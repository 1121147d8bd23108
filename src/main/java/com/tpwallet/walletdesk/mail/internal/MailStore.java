package com.tpwallet.walletdesk.mail.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The mail module's tables: messages, contacts and reading positions. */
@Repository
class MailStore {

	private final JdbcClient jdbc;

	private final Clock clock;

	MailStore(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Where reading a mailbox stopped; the row is locked until the transaction ends. */
	record Position(long uidValidity, long lastUid) {
	}

	Position lockPosition(String mailbox) {
		jdbc.sql("INSERT INTO mail_mailbox (name) VALUES (?) ON CONFLICT DO NOTHING").param(mailbox).update();
		return jdbc.sql("SELECT uid_validity, last_uid FROM mail_mailbox WHERE name = ? FOR UPDATE")
			.param(mailbox)
			.query((rs, n) -> new Position(rs.getLong(1), rs.getLong(2)))
			.single();
	}

	Position position(String mailbox) {
		return jdbc.sql("SELECT uid_validity, last_uid FROM mail_mailbox WHERE name = ?")
			.param(mailbox)
			.query((rs, n) -> new Position(rs.getLong(1), rs.getLong(2)))
			.optional()
			.orElse(new Position(0, 0));
	}

	void advance(String mailbox, long uidValidity, long uid) {
		jdbc.sql("""
				UPDATE mail_mailbox SET uid_validity = ?, last_uid = ?, last_read_at = ?, failing_since = NULL,
				  last_error = NULL WHERE name = ?""")
			.params(uidValidity, uid, Timestamp.from(clock.instant()), mailbox)
			.update();
	}

	/**
	 * A new UIDVALIDITY: the server renumbered; reading restarts, duplicates stop at the
	 * Message-ID.
	 */
	void renumbered(String mailbox, long uidValidity) {
		jdbc.sql("INSERT INTO mail_mailbox (name) VALUES (?) ON CONFLICT DO NOTHING").param(mailbox).update();
		jdbc.sql("UPDATE mail_mailbox SET uid_validity = ?, last_uid = 0 WHERE name = ?")
			.params(uidValidity, mailbox)
			.update();
	}

	void read(String mailbox) {
		jdbc.sql("UPDATE mail_mailbox SET last_read_at = ?, failing_since = NULL, last_error = NULL WHERE name = ?")
			.params(Timestamp.from(clock.instant()), mailbox)
			.update();
	}

	void failing(String mailbox, String error) {
		jdbc.sql("INSERT INTO mail_mailbox (name) VALUES (?) ON CONFLICT DO NOTHING").param(mailbox).update();
		jdbc.sql("""
				UPDATE mail_mailbox SET failing_since = coalesce(failing_since, ?), last_error = ? WHERE name = ?""")
			.params(Timestamp.from(clock.instant()), error.length() > 1000 ? error.substring(0, 1000) : error, mailbox)
			.update();
	}

	record MailboxState(String name, @Nullable Instant lastReadAt, @Nullable Instant failingSince,
			@Nullable String lastError) {
	}

	List<MailboxState> mailboxes() {
		return jdbc.sql("SELECT * FROM mail_mailbox ORDER BY name")
			.query((rs, n) -> new MailboxState(rs.getString("name"), instant(rs.getTimestamp("last_read_at")),
					instant(rs.getTimestamp("failing_since")), rs.getString("last_error")))
			.list();
	}

	private static @Nullable Instant instant(@Nullable Timestamp t) {
		return t == null ? null : t.toInstant();
	}

	boolean known(String messageId) {
		return jdbc.sql("SELECT count(*) FROM mail_message WHERE message_id = ?")
			.param(messageId)
			.query(Long.class)
			.single() > 0;
	}

	/** The ticket of the first of these Message-IDs that we sent or received. */
	Optional<UUID> ticketOf(List<String> messageIds) {
		if (messageIds.isEmpty()) {
			return Optional.empty();
		}
		return jdbc.sql("""
				SELECT ticket_id FROM mail_message WHERE message_id = ANY(?) AND ticket_id IS NOT NULL
				ORDER BY created_at DESC LIMIT 1""")
			.param(messageIds.toArray(String[]::new))
			.query(UUID.class)
			.optional();
	}

	/** Whether this address wrote to, or was written to on, the ticket by e-mail. */
	boolean tookPart(UUID ticketId, String address) {
		return jdbc.sql("SELECT count(*) FROM mail_message WHERE ticket_id = ? AND sender = ?")
			.params(ticketId, address)
			.query(Long.class)
			.single() > 0
				|| jdbc.sql("SELECT count(*) FROM mail_outbox WHERE ticket_id = ? AND recipient = ?")
					.params(ticketId, address)
					.query(Long.class)
					.single() > 0;
	}

	void message(String messageId, String direction, @Nullable UUID ticketId, @Nullable Long entryId,
			@Nullable String mailbox, @Nullable String sender, @Nullable String subject, @Nullable String automated,
			byte @Nullable [] raw) {
		jdbc.sql(
				"""
						INSERT INTO mail_message (id, message_id, direction, ticket_id, entry_id, mailbox, sender, subject, automated,
						  raw, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(UUID.randomUUID(), messageId, direction, ticketId, entryId, mailbox, sender,
					subject == null ? null : cut(subject, 998), automated, raw, Timestamp.from(clock.instant()))
			.update();
	}

	private static String cut(String s, int max) {
		return s.length() > max ? s.substring(0, max) : s;
	}

	/**
	 * The Message-IDs of a ticket's thread, oldest first: the References of our next
	 * mail.
	 */
	List<String> thread(UUID ticketId) {
		return jdbc.sql("SELECT message_id FROM mail_message WHERE ticket_id = ? ORDER BY created_at, id")
			.param(ticketId)
			.query(String.class)
			.list();
	}

	/** The last message the requester sent on the ticket: whom and what we answer. */
	record LastReceived(String messageId, String sender, String subject) {
	}

	Optional<LastReceived> lastReceived(UUID ticketId) {
		return jdbc.sql("""
				SELECT message_id, sender, subject FROM mail_message
				WHERE ticket_id = ? AND direction = 'in' AND sender IS NOT NULL
				  AND coalesce(automated, '') NOT IN ('bounce', 'no-sender-or-ours')
				ORDER BY created_at DESC, id DESC LIMIT 1""")
			.param(ticketId)
			.query((rs, n) -> new LastReceived(rs.getString(1), rs.getString(2), rs.getString(3)))
			.optional();
	}

	// ---- contacts

	record Contact(UUID id, String address, @Nullable UUID customerId, boolean bouncing) {
	}

	Contact contact(String address, @Nullable String name) {
		jdbc.sql("""
				INSERT INTO mail_contact (id, address, display_name, created_at) VALUES (?, ?, ?, ?)
				ON CONFLICT (address) DO NOTHING""")
			.params(UUID.randomUUID(), address, name == null ? null : cut(name, 200), Timestamp.from(clock.instant()))
			.update();
		return findContact(address).orElseThrow();
	}

	Optional<Contact> findContact(String address) {
		return jdbc.sql("SELECT id, address, customer_id, bouncing FROM mail_contact WHERE address = ?")
			.param(address)
			.query((rs, n) -> new Contact(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class),
					rs.getBoolean(4)))
			.optional();
	}

	Optional<Contact> contactById(UUID id) {
		return jdbc.sql("SELECT id, address, customer_id, bouncing FROM mail_contact WHERE id = ?")
			.param(id)
			.query((rs, n) -> new Contact(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class),
					rs.getBoolean(4)))
			.optional();
	}

	void link(UUID contactId, UUID customerId) {
		jdbc.sql("UPDATE mail_contact SET customer_id = ? WHERE id = ?").params(customerId, contactId).update();
	}

	void bouncing(String address, String reason) {
		jdbc.sql("""
				INSERT INTO mail_contact (id, address, created_at) VALUES (?, ?, ?) ON CONFLICT (address) DO NOTHING""")
			.params(UUID.randomUUID(), address, Timestamp.from(clock.instant()))
			.update();
		jdbc.sql("UPDATE mail_contact SET bouncing = TRUE, bounce_reason = ?, bounced_at = ? WHERE address = ?")
			.params(cut(reason, 500), Timestamp.from(clock.instant()), address)
			.update();
	}

	/** Received and sent messages of a ticket, for staff. */
	record Stored(UUID id, String messageId, String direction, @Nullable String sender, @Nullable String subject,
			@Nullable String automated, boolean hasOriginal, Instant at) {
	}

	List<Stored> messagesOf(UUID ticketId) {
		return jdbc.sql("""
				SELECT id, message_id, direction, sender, subject, automated, raw IS NOT NULL AS has_raw, created_at
				FROM mail_message WHERE ticket_id = ? ORDER BY created_at, id""")
			.param(ticketId)
			.query((rs, n) -> new Stored(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6), rs.getBoolean(7), rs.getTimestamp(8).toInstant()))
			.list();
	}

	record Original(@Nullable UUID ticketId, byte[] raw) {
	}

	Optional<Original> original(UUID id) {
		return jdbc.sql("SELECT ticket_id, raw FROM mail_message WHERE id = ? AND raw IS NOT NULL")
			.param(id)
			.query((rs, n) -> new Original(rs.getObject(1, UUID.class), rs.getBytes(2)))
			.optional();
	}

}
