package com.tpwallet.walletdesk.telephony.internal;

import com.tpwallet.walletdesk.platform.CursorPage;
import com.tpwallet.walletdesk.platform.Refusal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Calls in PostgreSQL; a call's row is locked while an event moves it on. */
@Repository
class CallLog {

	private final JdbcClient jdbc;

	CallLog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Stores a new call; false when the phone system sent its newCall again. */
	boolean insert(Call c) {
		return jdbc.sql("""
				INSERT INTO phone_call (call_id, direction, from_number, to_number, caller, customer_id, queue, state,
				  started_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (call_id) DO NOTHING""")
			.params(c.callId(), c.direction(), c.from(), c.to(), c.caller(), c.customerId(), c.queue(),
					c.state().code(), Timestamp.from(c.startedAt()))
			.update() == 1;
	}

	Optional<Call> lock(String callId) {
		return jdbc.sql("SELECT * FROM phone_call WHERE call_id = ? FOR UPDATE")
			.param(callId)
			.query(CallLog::map)
			.optional();
	}

	void update(Call c) {
		jdbc.sql("""
				UPDATE phone_call SET state = ?, agent = ?, transfers = ?, cause = ?, ticket_id = ?, answered_at = ?,
				  ended_at = ? WHERE call_id = ?""")
			.params(c.state().code(), c.agent(), c.transfers(), c.cause(), c.ticketId(), ts(c.answeredAt()),
					ts(c.endedAt()), c.callId())
			.update();
	}

	/** Newest first, keyset-paged by (start, id). */
	CursorPage<Call> page(@Nullable UUID customerId, @Nullable String agent, @Nullable String cursor, int limit) {
		StringBuilder sql = new StringBuilder("SELECT * FROM phone_call WHERE TRUE");
		List<Object> params = new ArrayList<>();
		if (customerId != null) {
			sql.append(" AND customer_id = ?");
			params.add(customerId);
		}
		if (agent != null) {
			sql.append(" AND agent = ?");
			params.add(agent);
		}
		if (cursor != null) {
			String[] at = CursorPage.decode(cursor).split("\\|", 2);
			sql.append(" AND (started_at, call_id) < (?, ?)");
			try {
				params.add(Timestamp.from(Instant.parse(at[0])));
				params.add(at[1]);
			}
			catch (RuntimeException unreadable) {
				throw Refusal.badRequest("invalid_cursor");
			}
		}
		sql.append(" ORDER BY started_at DESC, call_id DESC LIMIT ?");
		params.add(limit + 1);
		List<Call> rows = jdbc.sql(sql.toString()).params(params).query(CallLog::map).list();
		return CursorPage.of(rows, limit, c -> c.startedAt() + "|" + c.callId());
	}

	void note(String callId, UUID author, String body, Instant at) {
		jdbc.sql("INSERT INTO phone_call_note (call_id, author_id, body, created_at) VALUES (?, ?, ?, ?)")
			.params(callId, author, body, Timestamp.from(at))
			.update();
	}

	record Note(UUID authorId, String body, Instant at) {
	}

	List<Note> notes(String callId) {
		return jdbc.sql("SELECT author_id, body, created_at FROM phone_call_note WHERE call_id = ? ORDER BY id")
			.param(callId)
			.query((rs, n) -> new Note(rs.getObject(1, UUID.class), rs.getString(2), rs.getTimestamp(3).toInstant()))
			.list();
	}

	private static @Nullable Timestamp ts(@Nullable Instant at) {
		return at == null ? null : Timestamp.from(at);
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}

	static Call map(ResultSet rs, int row) throws SQLException {
		return new Call(rs.getString("call_id"), rs.getString("direction"), rs.getString("from_number"),
				rs.getString("to_number"), rs.getString("caller"), rs.getObject("customer_id", UUID.class),
				rs.getString("queue"), CallState.of(rs.getString("state")), rs.getString("agent"),
				rs.getInt("transfers"), rs.getString("cause"), rs.getObject("ticket_id", UUID.class),
				rs.getTimestamp("started_at").toInstant(), instant(rs, "answered_at"), instant(rs, "ended_at"));
	}

}
