package com.tpwallet.walletdesk.audit.internal;

import com.tpwallet.walletdesk.audit.AuditEntry;
import com.tpwallet.walletdesk.audit.AuditLog;
import com.tpwallet.walletdesk.platform.AuditedAction;
import com.tpwallet.walletdesk.platform.CursorPage;
import com.tpwallet.walletdesk.platform.Refusal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Service
class JdbcAuditLog implements AuditLog {

	private final JdbcClient jdbc;

	private final Clock clock;

	JdbcAuditLog(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Synchronous and in the caller's transaction: an action and its audit entry commit
	 * together.
	 */
	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(AuditedAction action) {
		record(action);
	}

	@Override
	@Transactional
	public void record(AuditedAction action) {
		jdbc.sql("""
				INSERT INTO audit_entry (at, actor_kind, actor_id, action, subject_kind, subject_id, ip, details)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(Timestamp.from(clock.instant()), action.actor().kind(), action.actor().id(), action.action(),
					action.subjectKind(), action.subjectId(), action.actor().ip(), action.details())
			.update();
	}

	@Override
	@Transactional(readOnly = true)
	public CursorPage<AuditEntry> find(Query query, @Nullable String cursor, int limit) {
		StringBuilder sql = new StringBuilder("SELECT * FROM audit_entry WHERE TRUE");
		List<Object> params = new ArrayList<>();
		if (query.subjectId() != null) {
			sql.append(" AND subject_id = ?");
			params.add(query.subjectId());
		}
		if (query.actorId() != null) {
			sql.append(" AND actor_id = ?");
			params.add(query.actorId());
		}
		if (query.action() != null) {
			sql.append(" AND action = ?");
			params.add(query.action());
		}
		if (cursor != null) {
			sql.append(" AND id < ?");
			params.add(parse(cursor));
		}
		sql.append(" ORDER BY id DESC LIMIT ?");
		params.add(limit + 1);
		List<AuditEntry> rows = jdbc.sql(sql.toString())
			.params(params)
			.query((rs, n) -> new AuditEntry(rs.getLong("id"), rs.getTimestamp("at").toInstant(),
					rs.getString("actor_kind"), rs.getObject("actor_id", UUID.class), rs.getString("action"),
					rs.getString("subject_kind"), rs.getObject("subject_id", UUID.class), rs.getString("ip"),
					rs.getString("details")))
			.list();
		return CursorPage.of(rows, limit, e -> Long.toString(e.id()));
	}

	private static long parse(String cursor) {
		try {
			return Long.parseLong(CursorPage.decode(cursor));
		}
		catch (NumberFormatException e) {
			throw Refusal.badRequest("invalid_cursor");
		}
	}

}
