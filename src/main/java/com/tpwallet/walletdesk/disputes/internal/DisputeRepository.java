package com.tpwallet.walletdesk.disputes.internal;

import com.tpwallet.walletdesk.platform.SqlTime;
import com.tpwallet.walletdesk.wallet.TransactionType;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Disputes, their evidence and their timeline in PostgreSQL. */
@Repository
class DisputeRepository {

	record Evidence(UUID id, UUID attachmentId, String fileName, String mediaType, int size, String addedBy,
			Instant addedAt) {
	}

	record Event(String kind, String actor, @Nullable String detail, Instant at) {
	}

	private final JdbcClient jdbc;

	DisputeRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Stores a new dispute; false when the movement is disputed already. */
	boolean insert(Dispute d) {
		int inserted = jdbc.sql("""
				INSERT INTO dispute (id, customer_id, transaction_id, transaction_type, amount, currency, counterparty,
				  reason, description, language, status, acknowledge_due, decide_due, created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (transaction_id) DO NOTHING""")
			.params(d.id, d.customerId, d.transactionId, d.transactionType.code(), d.amount, d.currency, d.counterparty,
					d.reason.code(), d.description, d.language, d.status.code(), Date.valueOf(d.acknowledgeDue),
					Date.valueOf(d.decideDue), Timestamp.from(d.createdAt), Timestamp.from(d.createdAt))
			.update();
		if (inserted == 1) {
			d.number = jdbc.sql("SELECT number FROM dispute WHERE id = ?").param(d.id).query(Long.class).single();
		}
		return inserted == 1;
	}

	void update(Dispute d, Instant now) {
		jdbc.sql(
				"""
						UPDATE dispute SET status = ?, ticket_id = ?, acknowledge_due = ?, decide_due = ?, acknowledged_at = ?,
						  escalated_at = ?, merchant_due = ?, merchant_answer = ?, merchant_statement = ?, question = ?,
						  outcome = ?, refunded = ?, decision_reason = ?, decided_by = ?, decided_at = ?, reopened_at = ?,
						  closed_at = ?, provisional_credit = ?, provisional_amount = ?, provisional_outstanding = ?, updated_at = ?
						WHERE id = ?""")
			.params(d.status.code(), d.ticketId, Date.valueOf(d.acknowledgeDue), Date.valueOf(d.decideDue),
					SqlTime.ts(d.acknowledgedAt), SqlTime.ts(d.escalatedAt),
					d.merchantDue == null ? null : Date.valueOf(d.merchantDue),
					d.merchantAnswer == null ? null : d.merchantAnswer.code(), d.merchantStatement, d.question,
					d.outcome == null ? null : d.outcome.code(), d.refunded, d.decisionReason, d.decidedBy,
					SqlTime.ts(d.decidedAt), SqlTime.ts(d.reopenedAt), SqlTime.ts(d.closedAt), d.provisionalCredit,
					d.provisionalAmount, d.provisionalOutstanding, Timestamp.from(now), d.id)
			.update();
	}

	Optional<Dispute> find(UUID id) {
		return jdbc.sql("SELECT * FROM dispute WHERE id = ?").param(id).query(DisputeRepository::map).optional();
	}

	/** The dispute, its row locked until the transaction ends: one move at a time. */
	Optional<Dispute> lock(UUID id) {
		return jdbc.sql("SELECT * FROM dispute WHERE id = ? FOR UPDATE")
			.param(id)
			.query(DisputeRepository::map)
			.optional();
	}

	Optional<Dispute> findByTransaction(UUID transactionId) {
		return jdbc.sql("SELECT * FROM dispute WHERE transaction_id = ?")
			.param(transactionId)
			.query(DisputeRepository::map)
			.optional();
	}

	/**
	 * Disputes newest first after the cursor position ({@code created_at|id}); filtered
	 * by owner, statuses and languages where given.
	 */
	List<Dispute> page(@Nullable UUID customerId, @Nullable List<String> statuses, @Nullable List<String> languages,
			@Nullable Instant beforeAt, @Nullable UUID beforeId, int limit) {
		return jdbc.sql("""
				SELECT * FROM dispute
				WHERE (?::uuid IS NULL OR customer_id = ?)
				  AND (?::text[] IS NULL OR status = ANY(?::text[]))
				  AND (?::text[] IS NULL OR language = ANY(?::text[]))
				  AND (?::timestamptz IS NULL OR (created_at, id) < (?::timestamptz, ?::uuid))
				ORDER BY created_at DESC, id DESC LIMIT ?""")
			.params(customerId, customerId, array(statuses), array(statuses), array(languages), array(languages),
					SqlTime.ts(beforeAt), SqlTime.ts(beforeAt), beforeId, limit)
			.query(DisputeRepository::map)
			.list();
	}

	private static String @Nullable [] array(@Nullable List<String> values) {
		return values == null ? null : values.toArray(String[]::new);
	}

	/** Disputes that still await a decision or sit decided: what the watch looks at. */
	List<UUID> claimForWatch(int limit) {
		return jdbc
			.sql("""
					SELECT id FROM dispute WHERE status <> 'closed' ORDER BY decide_due, id LIMIT ? FOR UPDATE SKIP LOCKED""")
			.param(limit)
			.query(UUID.class)
			.list();
	}

	void addEvidence(UUID disputeId, Evidence e) {
		jdbc.sql(
				"""
						INSERT INTO dispute_evidence (id, dispute_id, attachment_id, file_name, media_type, size, added_by, added_at)
						VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(e.id(), disputeId, e.attachmentId(), e.fileName(), e.mediaType(), e.size(), e.addedBy(),
					Timestamp.from(e.addedAt()))
			.update();
	}

	List<Evidence> evidence(UUID disputeId) {
		return jdbc.sql("SELECT * FROM dispute_evidence WHERE dispute_id = ? ORDER BY added_at, id")
			.param(disputeId)
			.query((rs, n) -> new Evidence(rs.getObject("id", UUID.class), rs.getObject("attachment_id", UUID.class),
					rs.getString("file_name"), rs.getString("media_type"), rs.getInt("size"), rs.getString("added_by"),
					rs.getTimestamp("added_at").toInstant()))
			.list();
	}

	boolean customerEvidenceSince(UUID disputeId, Instant since) {
		return jdbc
			.sql("""
					SELECT EXISTS (SELECT FROM dispute_evidence WHERE dispute_id = ? AND added_by = 'customer' AND added_at > ?)""")
			.params(disputeId, Timestamp.from(since))
			.query(Boolean.class)
			.single();
	}

	void addEvent(UUID disputeId, String kind, String actor, @Nullable String detail, Instant at) {
		jdbc.sql("INSERT INTO dispute_event (dispute_id, kind, actor, detail, at) VALUES (?, ?, ?, ?, ?)")
			.params(disputeId, kind, actor, detail, Timestamp.from(at))
			.update();
	}

	List<Event> events(UUID disputeId) {
		return jdbc.sql("SELECT kind, actor, detail, at FROM dispute_event WHERE dispute_id = ? ORDER BY id")
			.param(disputeId)
			.query((rs, n) -> new Event(rs.getString(1), rs.getString(2), rs.getString(3),
					rs.getTimestamp(4).toInstant()))
			.list();
	}

	private static Dispute map(ResultSet rs, int n) throws SQLException {
		Dispute d = new Dispute(rs.getObject("id", UUID.class), rs.getObject("customer_id", UUID.class),
				rs.getObject("transaction_id", UUID.class), TransactionType.of(rs.getString("transaction_type")),
				rs.getLong("amount"), rs.getString("currency"), rs.getString("counterparty"),
				DisputeReason.find(rs.getString("reason")).orElseThrow(), rs.getString("description"),
				rs.getString("language"), rs.getDate("acknowledge_due").toLocalDate(),
				rs.getDate("decide_due").toLocalDate(), rs.getTimestamp("created_at").toInstant());
		d.number = rs.getLong("number");
		d.status = DisputeStatus.of(rs.getString("status"));
		d.ticketId = rs.getObject("ticket_id", UUID.class);
		d.acknowledgedAt = SqlTime.instant(rs, "acknowledged_at");
		d.escalatedAt = SqlTime.instant(rs, "escalated_at");
		Date merchantDue = rs.getDate("merchant_due");
		d.merchantDue = merchantDue == null ? null : merchantDue.toLocalDate();
		String answer = rs.getString("merchant_answer");
		d.merchantAnswer = answer == null ? null
				: Dispute.MerchantAnswer.valueOf(answer.toUpperCase(java.util.Locale.ROOT));
		d.merchantStatement = rs.getString("merchant_statement");
		d.question = rs.getString("question");
		String outcome = rs.getString("outcome");
		d.outcome = outcome == null ? null : Outcome.find(outcome).orElseThrow();
		d.refunded = rs.getLong("refunded");
		d.decisionReason = rs.getString("decision_reason");
		d.decidedBy = rs.getObject("decided_by", UUID.class);
		d.decidedAt = SqlTime.instant(rs, "decided_at");
		d.reopenedAt = SqlTime.instant(rs, "reopened_at");
		d.closedAt = SqlTime.instant(rs, "closed_at");
		d.provisionalCredit = rs.getObject("provisional_credit", UUID.class);
		d.provisionalAmount = rs.getLong("provisional_amount");
		d.provisionalOutstanding = rs.getLong("provisional_outstanding");
		return d;
	}

}
