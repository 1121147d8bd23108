package com.tpwallet.walletdesk.risk.internal;

import com.tpwallet.walletdesk.identity.IdentityApi;
import com.tpwallet.walletdesk.platform.Actor;
import com.tpwallet.walletdesk.platform.CursorPage;
import com.tpwallet.walletdesk.platform.Refusal;
import com.tpwallet.walletdesk.risk.RiskEvents.AlertRaised;
import com.tpwallet.walletdesk.risk.internal.RiskStore.DecisionRow;
import com.tpwallet.walletdesk.wallet.OutgoingScreening.Decision;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Alerts: every freeze or hold, for people to review. At most one open alert per customer
 * and measure: a burst of refused attempts adds evidence (its decisions) to the open one.
 */
@Component
class RiskAlerts {

	/** An alert as staff read it. */
	record Alert(UUID id, UUID customerId, String action, String status, double score, List<String> reasons,
			List<String> topFeatures, @Nullable UUID ticketId, @Nullable UUID reviewedBy, @Nullable String reviewNote,
			@Nullable Instant reviewedAt, Instant createdAt) {
	}

	private final JdbcClient jdbc;

	private final RiskStore store;

	private final IdentityApi identity;

	private final ApplicationEventPublisher events;

	RiskAlerts(JdbcClient jdbc, RiskStore store, IdentityApi identity, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.store = store;
		this.identity = identity;
		this.events = events;
	}

	/**
	 * Movements the monitor refused, written in a transaction of their own (the
	 * movement's rolls back): each decision is stored, a step-up sends its code, a hold
	 * or a freeze raises an alert.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void recordRefusals(List<DecisionRow> refused) {
		store.insert(refused);
		Set<UUID> codesSent = new LinkedHashSet<>();
		for (DecisionRow row : refused) {
			switch (row.decision()) {
				case STEP_UP -> {
					if (codesSent.add(row.customerId())) {
						identity.sendStepUpCode(row.customerId());
					}
				}
				case HOLD, FREEZE -> raise(row);
				case ALLOW -> {
				}
			}
		}
	}

	/**
	 * Raises an alert for a hold or a freeze, unless one is open already for the customer
	 * and measure.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	void raise(DecisionRow decision) {
		UUID id = UUID.randomUUID();
		int added = jdbc.sql("""
				INSERT INTO risk_alert (id, customer_id, decision_id, action, status, score, reasons, top_features,
				  created_at)
				VALUES (?, ?, ?, ?, 'open', ?, ?::text[], ?::text[], ?)
				ON CONFLICT (customer_id, action) WHERE status = 'open' DO NOTHING""")
			.params(id, decision.customerId(), decision.id(), decision.decision().code(), (float) decision.score(),
					RiskStore.textArray(decision.rules()), RiskStore.textArray(decision.topFeatures()),
					Timestamp.from(decision.at()))
			.update();
		if (added == 1) {
			events.publishEvent(new AlertRaised(id, decision.customerId(), decision.decision().code(), decision.score(),
					decision.rules(), Actor.system()));
		}
	}

	/**
	 * Refused movements that people have since judged, as training examples: each with
	 * the model's features and whether it was fraud (the alert confirmed) or not
	 * (released). The decisions counted are the customer's refusals from an hour before
	 * the alert to its review.
	 */
	String reviewedAsCsv() {
		StringBuilder csv = new StringBuilder("label,decided_at," + String.join(",", RiskFeatures.NAMES) + "\n");
		jdbc.sql("""
				SELECT a.status, d.decided_at, d.features FROM risk_alert a
				JOIN risk_decision d ON d.customer_id = a.customer_id AND d.features IS NOT NULL
				  AND d.decided_at BETWEEN a.created_at - interval '1 hour' AND a.reviewed_at
				WHERE a.status IN ('confirmed', 'released')
				ORDER BY d.decided_at, d.id""").query(rs -> {
			csv.append(rs.getString("status").equals("confirmed") ? RiskModel.FRAUD : RiskModel.LEGIT)
				.append(',')
				.append(rs.getTimestamp("decided_at").toInstant());
			for (Float value : (Float[]) rs.getArray("features").getArray()) {
				csv.append(',').append(value);
			}
			csv.append('\n');
		});
		return csv.toString();
	}

	/** The customer's latest freeze alert, open or reviewed. */
	Optional<Alert> latestFreeze(UUID customerId) {
		return jdbc
			.sql("""
					SELECT * FROM risk_alert WHERE customer_id = ? AND action = 'freeze' ORDER BY created_at DESC LIMIT 1""")
			.param(customerId)
			.query(RiskAlerts::map)
			.optional();
	}

	void linkTicket(UUID alertId, UUID ticketId) {
		jdbc.sql("UPDATE risk_alert SET ticket_id = ? WHERE id = ?").params(ticketId, alertId).update();
	}

	Optional<Alert> find(UUID id) {
		return jdbc.sql("SELECT * FROM risk_alert WHERE id = ?").param(id).query(RiskAlerts::map).optional();
	}

	/** Locks an open alert for a review; a reviewed one is a conflict. */
	Alert lockOpen(UUID id) {
		Alert alert = jdbc.sql("SELECT * FROM risk_alert WHERE id = ? FOR UPDATE")
			.param(id)
			.query(RiskAlerts::map)
			.optional()
			.orElseThrow(() -> Refusal.notFound("risk_alert_not_found"));
		if (!alert.status().equals("open")) {
			throw Refusal.conflict("risk_alert_reviewed");
		}
		return alert;
	}

	void review(UUID id, String status, UUID reviewer, String note, Instant at) {
		jdbc.sql("UPDATE risk_alert SET status = ?, reviewed_by = ?, review_note = ?, reviewed_at = ? WHERE id = ?")
			.params(status, reviewer, note, Timestamp.from(at), id)
			.update();
	}

	/** Newest first; by status and customer when asked. */
	CursorPage<Alert> page(@Nullable String status, @Nullable UUID customerId, @Nullable String cursor, int limit) {
		StringBuilder sql = new StringBuilder("SELECT * FROM risk_alert WHERE TRUE");
		List<Object> params = new ArrayList<>();
		if (status != null) {
			if (!List.of("open", "confirmed", "released").contains(status)) {
				throw Refusal.unprocessable("risk_alert_status_invalid");
			}
			sql.append(" AND status = ?");
			params.add(status);
		}
		if (customerId != null) {
			sql.append(" AND customer_id = ?");
			params.add(customerId);
		}
		if (cursor != null) {
			CursorPage.TimeAndId after = CursorPage.TimeAndId.of(cursor);
			params.add(Timestamp.from(after.at()));
			params.add(after.id());
			sql.append(" AND (created_at, id) < (?, ?)");
		}
		sql.append(" ORDER BY created_at DESC, id DESC LIMIT ?");
		params.add(limit + 1);
		List<Alert> rows = jdbc.sql(sql.toString()).params(params).query(RiskAlerts::map).list();
		return CursorPage.of(rows, limit, a -> CursorPage.TimeAndId.position(a.createdAt(), a.id()));
	}

	/**
	 * The decisions behind an alert: the customer's refused and allowed movements around
	 * it.
	 */
	List<DecisionView> evidence(Alert alert, int limit) {
		return jdbc.sql("""
				SELECT * FROM risk_decision WHERE customer_id = ? AND decided_at >= ?::timestamptz - interval '1 day'
				ORDER BY decided_at DESC LIMIT ?""")
			.params(alert.customerId(), Timestamp.from(alert.createdAt()), limit)
			.query(RiskAlerts::decision)
			.list();
	}

	/** A customer's latest decisions, newest first. */
	List<DecisionView> decisions(UUID customerId, int limit) {
		return jdbc.sql("SELECT * FROM risk_decision WHERE customer_id = ? ORDER BY decided_at DESC LIMIT ?")
			.params(customerId, limit)
			.query(RiskAlerts::decision)
			.list();
	}

	/** A stored decision as staff read it. */
	record DecisionView(UUID id, String kind, String direction, @Nullable UUID transactionId,
			@Nullable String counterparty, long amount, @Nullable String currency, String decision, double score,
			List<String> rules, List<String> topFeatures, Instant decidedAt) {
	}

	private static DecisionView decision(ResultSet rs, int n) throws SQLException {
		return new DecisionView(rs.getObject("id", UUID.class), rs.getString("kind"), rs.getString("direction"),
				rs.getObject("transaction_id", UUID.class), rs.getString("counterparty"), rs.getLong("amount"),
				rs.getString("currency"), rs.getString("decision"), rs.getFloat("score"), texts(rs.getArray("rules")),
				texts(rs.getArray("top_features")), rs.getTimestamp("decided_at").toInstant());
	}

	private static Alert map(ResultSet rs, int n) throws SQLException {
		Timestamp reviewed = rs.getTimestamp("reviewed_at");
		return new Alert(rs.getObject("id", UUID.class), rs.getObject("customer_id", UUID.class),
				rs.getString("action"), rs.getString("status"), rs.getFloat("score"), texts(rs.getArray("reasons")),
				texts(rs.getArray("top_features")), rs.getObject("ticket_id", UUID.class),
				rs.getObject("reviewed_by", UUID.class), rs.getString("review_note"),
				reviewed == null ? null : reviewed.toInstant(), rs.getTimestamp("created_at").toInstant());
	}

	private static List<String> texts(@Nullable Array array) throws SQLException {
		return array == null ? List.of() : List.of((String[]) array.getArray());
	}

}
