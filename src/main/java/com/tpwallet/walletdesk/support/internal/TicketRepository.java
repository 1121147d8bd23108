package com.tpwallet.walletdesk.support.internal;

import com.tpwallet.walletdesk.support.EntryKind;
import com.tpwallet.walletdesk.support.TicketStatus;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import static com.tpwallet.walletdesk.platform.SqlTime.instant;
import static com.tpwallet.walletdesk.platform.SqlTime.ts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import com.tpwallet.walletdesk.support.SupportEvents.TicketChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class TicketRepository {

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	private final ApplicationEventPublisher events;

	TicketRepository(JdbcClient jdbc, JdbcTemplate batch, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.events = events;
	}

	Optional<Ticket> find(UUID id) {
		return jdbc.sql("SELECT * FROM ticket WHERE id = ?").param(id).query(TicketRepository::map).optional();
	}

	Optional<Ticket> lock(UUID id) {
		return jdbc.sql("SELECT * FROM ticket WHERE id = ? FOR UPDATE")
			.param(id)
			.query(TicketRepository::map)
			.optional();
	}

	void insert(Ticket t) {
		t.number = jdbc.sql("""
				INSERT INTO ticket (id, customer_id, contact_id, subject, channel, language, status, priority, queue_id,
				  assignee_id, tags, transaction_id, first_response_due, resolution_due, created_at, updated_at,
				  stated_name, stated_phone, stated_email)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING number""")
			.params(t.id, t.customerId, t.contactId, t.subject, t.channel, t.language, t.status.code(), t.priority,
					t.queue, t.assignee, t.tags.toArray(String[]::new), t.transactionId, ts(t.firstResponseDue),
					ts(t.resolutionDue), ts(t.createdAt), ts(t.updatedAt), t.stated == null ? null : t.stated.name(),
					t.stated == null ? null : t.stated.phone(), t.stated == null ? null : t.stated.email())
			.query(Long.class)
			.single();
	}

	private static final String UPDATE = """
			UPDATE ticket SET subject = ?, language = ?, status = ?, priority = ?, queue_id = ?, assignee_id = ?, tags = ?,
			  first_response_due = ?, resolution_due = ?, first_responded_at = ?, sla_paused_at = ?,
			  first_response_breached = ?, resolution_breached = ?, solved_at = ?, closed_at = ?, csat_score = ?,
			  csat_comment = ?, updated_at = ?
			WHERE id = ?""";

	void update(Ticket t) {
		jdbc.sql(UPDATE).params(updated(t)).update();
		events.publishEvent(new TicketChanged(t.id, t.number, t.customerId));
	}

	/** The tickets, locked in the order of their ids, by id. */
	Map<UUID, Ticket> lockAll(Collection<UUID> ids) {
		Map<UUID, Ticket> locked = new HashMap<>();
		jdbc.sql("SELECT * FROM ticket WHERE id = ANY(?) ORDER BY id FOR UPDATE")
			.param(ids.stream().distinct().toArray(UUID[]::new))
			.query(TicketRepository::map)
			.list()
			.forEach(t -> locked.put(t.id, t));
		return locked;
	}

	/** A ticket as changed and the entry to add to it. */
	record Written(Ticket ticket, EntryKind kind, @Nullable UUID author, String body, Instant at) {

		Object[] params() {
			List<Object> params = new ArrayList<>(updated(ticket));
			params.addAll(Arrays.asList(ticket.id, kind.code(), author, body, Timestamp.from(at)));
			return params.toArray();
		}

	}

	private static final String UPDATE_WITH_ENTRY = "WITH changed AS (" + UPDATE + " RETURNING 1) "
			+ "INSERT INTO ticket_entry (ticket_id, kind, author_id, body, created_at) VALUES (?, ?, ?, ?, ?)";

	/**
	 * The ticket as changed and an entry on it, in one statement: a chat message costs
	 * its ticket one round trip here, not two.
	 */
	Entry updateWithEntry(Written w) {
		long id = jdbc.sql(UPDATE_WITH_ENTRY + " RETURNING id").params(w.params()).query(Long.class).single();
		events.publishEvent(new TicketChanged(w.ticket().id, w.ticket().number, w.ticket().customerId));
		return new Entry(id, w.kind(), w.author(), w.body(), w.at());
	}

	/** Several of {@link #updateWithEntry}, sent in one round trip. */
	void updateWithEntries(List<Written> written) {
		batch.batchUpdate(UPDATE_WITH_ENTRY, written.stream().map(Written::params).toList());
		written.forEach(
				w -> events.publishEvent(new TicketChanged(w.ticket().id, w.ticket().number, w.ticket().customerId)));
	}

	private static List<Object> updated(Ticket t) {
		return Arrays.asList(t.subject, t.language, t.status.code(), t.priority, t.queue, t.assignee,
				t.tags.toArray(String[]::new), ts(t.firstResponseDue), ts(t.resolutionDue), ts(t.firstRespondedAt),
				ts(t.slaPausedAt), t.firstResponseBreached, t.resolutionBreached, ts(t.solvedAt), ts(t.closedAt),
				t.csatScore, t.csatComment, ts(t.updatedAt), t.id);
	}

	static Ticket map(ResultSet rs, int row) throws SQLException {
		Ticket t = new Ticket(rs.getObject("id", UUID.class), rs.getObject("customer_id", UUID.class),
				rs.getString("subject"), rs.getString("channel"), rs.getString("language"), rs.getString("priority"),
				rs.getString("queue_id"), instant(rs, "created_at"));
		t.number = rs.getLong("number");
		t.contactId = rs.getObject("contact_id", UUID.class);
		String statedName = rs.getString("stated_name");
		t.stated = statedName == null ? null : new com.tpwallet.walletdesk.support.StatedContact(statedName,
				rs.getString("stated_phone"), rs.getString("stated_email"));
		t.status = TicketStatus.of(rs.getString("status"));
		t.assignee = rs.getObject("assignee_id", UUID.class);
		Array tags = rs.getArray("tags");
		t.tags = tags == null ? new ArrayList<>() : new ArrayList<>(Arrays.asList((String[]) tags.getArray()));
		t.transactionId = rs.getObject("transaction_id", UUID.class);
		t.firstResponseDue = instant(rs, "first_response_due");
		t.resolutionDue = instant(rs, "resolution_due");
		t.firstRespondedAt = instant(rs, "first_responded_at");
		t.slaPausedAt = instant(rs, "sla_paused_at");
		t.firstResponseBreached = rs.getBoolean("first_response_breached");
		t.resolutionBreached = rs.getBoolean("resolution_breached");
		t.solvedAt = instant(rs, "solved_at");
		t.closedAt = instant(rs, "closed_at");
		int score = rs.getInt("csat_score");
		t.csatScore = rs.wasNull() ? null : score;
		t.csatComment = rs.getString("csat_comment");
		t.updatedAt = instant(rs, "updated_at");
		return t;
	}

	record Entry(long id, EntryKind kind, @Nullable UUID authorId, String body, Instant createdAt,
			@Nullable String deliveryState, @Nullable String deliveryDetail) {

		Entry(long id, EntryKind kind, @Nullable UUID authorId, String body, Instant createdAt) {
			this(id, kind, authorId, body, createdAt, null, null);
		}
	}

	/** How an entry that went out by e-mail fared. */
	void recordDelivery(long entryId, String state, @Nullable String detail) {
		jdbc.sql("UPDATE ticket_entry SET delivery_state = ?, delivery_detail = ? WHERE id = ?")
			.params(state, detail, entryId)
			.update();
	}

	Entry addEntry(Ticket t, EntryKind kind, @Nullable UUID author, String body, Instant at) {
		long id = jdbc.sql(
				"INSERT INTO ticket_entry (ticket_id, kind, author_id, body, created_at) VALUES (?, ?, ?, ?, ?) RETURNING id")
			.params(t.id, kind.code(), author, body, Timestamp.from(at))
			.query(Long.class)
			.single();
		events.publishEvent(new TicketChanged(t.id, t.number, t.customerId));
		return new Entry(id, kind, author, body, at);
	}

	Entry entry(long id) {
		return jdbc.sql("SELECT * FROM ticket_entry WHERE id = ?").param(id).query(TicketRepository::entry).single();
	}

	private static Entry entry(ResultSet rs, int row) throws SQLException {
		return new Entry(rs.getLong("id"), EntryKind.of(rs.getString("kind")), rs.getObject("author_id", UUID.class),
				rs.getString("body"), instant(rs, "created_at"), rs.getString("delivery_state"),
				rs.getString("delivery_detail"));
	}

	/** The conversation; customers never get internal notes. */
	List<Entry> entries(UUID ticketId, boolean withNotes) {
		return jdbc.sql("SELECT * FROM ticket_entry WHERE ticket_id = ? AND (? OR kind <> ?) ORDER BY id")
			.params(ticketId, withNotes, EntryKind.NOTE.code())
			.query(TicketRepository::entry)
			.list();
	}

}
