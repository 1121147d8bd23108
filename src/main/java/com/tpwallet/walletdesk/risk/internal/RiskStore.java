package com.tpwallet.walletdesk.risk.internal;

import com.tpwallet.walletdesk.wallet.OutgoingScreening.Decision;
import com.tpwallet.walletdesk.wallet.OutgoingScreening.Party;
import java.sql.Array;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The risk monitor's memory in PostgreSQL: every decision (the history the features are
 * read from), whom each customer has paid, and their long-run profile. Read and written a
 * batch at a time, so that screening a batch of transfers costs a few statements, not a
 * few per transfer.
 */
@Component
class RiskStore {

	/** A decision to store. Amounts in CNY fen. */
	record DecisionRow(UUID id, UUID customerId, String kind, String direction, @Nullable UUID transactionId,
			@Nullable String counterparty, boolean newPayee, long amount, long amountFen, @Nullable String currency,
			@Nullable String ip, Decision decision, double score, List<String> rules, List<String> topFeatures,
			Instant at, double @Nullable [] features) {

		/** Without the model's features (kept only for refusals, which reviews label). */
		DecisionRow(UUID id, UUID customerId, String kind, String direction, @Nullable UUID transactionId,
				@Nullable String counterparty, boolean newPayee, long amount, long amountFen, @Nullable String currency,
				@Nullable String ip, Decision decision, double score, List<String> rules, List<String> topFeatures,
				Instant at) {
			this(id, customerId, kind, direction, transactionId, counterparty, newPayee, amount, amountFen, currency,
					ip, decision, score, rules, topFeatures, at, null);
		}

		/** Money that left the customer: out, and allowed. */
		boolean wentOut() {
			return direction.equals("out") && decision == Decision.ALLOW;
		}

	}

	/**
	 * How stale a sender's time may be: a day's senders are counted to within the hour at
	 * the day's far end (see {@link #insert}).
	 */
	static final Duration SENDER_TIME_STEP = Duration.ofHours(1);

	/** How many old rows {@link #forgetBefore} deletes in one transaction. */
	private static final int FORGET_SLICE = 10_000;

	/** {@link #SENDER_TIME_STEP} as a PostgreSQL interval. */
	private static final String SENDER_TIME_STEP_INTERVAL = SENDER_TIME_STEP.toSeconds() + " seconds";

	/**
	 * The histories and known payees of a batch's customers ({@link #known}). Every risk
	 * row is looked up per customer or per pair ({@code LATERAL ... LIMIT 1}, or a
	 * correlated subquery), whatever plan PostgreSQL caches: a join can be planned as a
	 * hash join that reads the whole table on every batch, and a generic plan made while
	 * a table was small keeps doing that as it grows. The day's senders are a sum of the
	 * minute counts (see {@link #insert}), not a count of {@code risk_sender}'s rows.
	 */
	static final String HISTORY_READ = """
			SELECT c.id, p.out_count, p.out_sum_fen, p.last_new_device, p.last_security_change, w.*,
			  (SELECT array_agg(r.counterparty) FROM unnest(?::uuid[], ?::text[]) AS q(customer_id, payee)
			     CROSS JOIN LATERAL (SELECT r.counterparty FROM risk_payee r
			       WHERE r.customer_id = q.customer_id AND r.counterparty = q.payee LIMIT 1) r
			     WHERE q.customer_id = c.id) AS paid
			FROM unnest(?::uuid[]) AS c(id)
			LEFT JOIN LATERAL (SELECT * FROM risk_profile p WHERE p.customer_id = c.id LIMIT 1) p ON true
			CROSS JOIN LATERAL (
			  SELECT coalesce(sum(a.attempts) FILTER (WHERE a.minute >= ?), 0) AS attempts_1h,
			         coalesce(sum(a.attempts), 0) AS attempts_24h,
			         coalesce(sum(a.out_sum_fen), 0) AS out_sum_24h,
			         coalesce(sum(a.new_payees) FILTER (WHERE a.minute >= ?), 0) AS new_payees_1h,
			         coalesce(sum(a.refusals) FILTER (WHERE a.minute >= ?), 0) AS risk_refusals_1h,
			         coalesce(sum(a.in_sum_fen), 0) AS in_sum_24h,
			         coalesce(sum(a.senders), 0) AS in_senders_24h,
			         coalesce(sum(a.declined) FILTER (WHERE a.minute >= ?), 0) AS declined_1h
			  FROM risk_activity a WHERE a.customer_id = c.id AND a.minute >= ?) w""";

	/**
	 * A batch's decisions and what they add to the counts ({@link #insert}); a sender's
	 * stored time is looked up per pair, for the same reason as in {@link #HISTORY_READ},
	 * and so is what the senders' insert returns: a sender whose time moves on is counted
	 * in the new time's minute and taken off the old one's (while that is within the
	 * day).
	 */
	static final String DECISIONS_WRITE = """
			WITH profiles AS (
			  INSERT INTO risk_profile (customer_id, out_count, out_sum_fen)
			  SELECT * FROM unnest(?::uuid[], ?::bigint[], ?::bigint[]) ORDER BY 1
			  ON CONFLICT (customer_id) DO UPDATE SET out_count = risk_profile.out_count + excluded.out_count,
			    out_sum_fen = risk_profile.out_sum_fen + excluded.out_sum_fen
			  RETURNING 1),
			moving AS (
			  SELECT t.c, t.s, t.l::timestamptz AS l, r.last_at AS was
			  FROM unnest(?::uuid[], ?::text[], ?::text[]) AS t(c, s, l)
			  LEFT JOIN LATERAL (SELECT r.last_at FROM risk_sender r WHERE r.customer_id = t.c AND r.sender = t.s
			    LIMIT 1) r ON true
			  WHERE r.last_at IS NULL OR r.last_at < t.l::timestamptz - ?::interval),
			senders AS (
			  INSERT INTO risk_sender (customer_id, sender, last_at)
			  SELECT c, s, l FROM moving WHERE (SELECT count(*) FROM profiles) >= 0 ORDER BY 1, 2
			  ON CONFLICT (customer_id, sender) DO UPDATE SET last_at = excluded.last_at
			    WHERE risk_sender.last_at < excluded.last_at - ?::interval
			  RETURNING customer_id, sender, last_at),
			minutes AS (
			  INSERT INTO risk_activity (customer_id, minute, attempts, out_sum_fen, new_payees, refusals, in_sum_fen,
			    declined, senders)
			  SELECT c, m, sum(a), sum(o), sum(n), sum(r), sum(i), sum(d), sum(s)
			  FROM (
			    SELECT c, m::timestamptz, a, o, n, r, i, d, 0
			    FROM unnest(?::uuid[], ?::text[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[],
			      ?::bigint[]) AS t(c, m, a, o, n, r, i, d)
			    UNION ALL
			    SELECT w.customer_id, x.m, 0, 0, 0, 0, 0, 0, x.s FROM senders w
			    CROSS JOIN LATERAL (SELECT v.was FROM moving v WHERE v.c = w.customer_id AND v.s = w.sender LIMIT 1) v
			    CROSS JOIN LATERAL (VALUES (date_trunc('minute', w.last_at, 'UTC'), 1),
			      (date_trunc('minute', v.was, 'UTC'), -1)) AS x(m, s)
			    WHERE x.m >= date_trunc('minute', w.last_at - interval '24 hours', 'UTC')
			  ) AS t(c, m, a, o, n, r, i, d, s)
			  GROUP BY c, m ORDER BY 1, 2
			  ON CONFLICT (customer_id, minute) DO UPDATE SET attempts = risk_activity.attempts + excluded.attempts,
			    out_sum_fen = risk_activity.out_sum_fen + excluded.out_sum_fen,
			    new_payees = risk_activity.new_payees + excluded.new_payees,
			    refusals = risk_activity.refusals + excluded.refusals,
			    in_sum_fen = risk_activity.in_sum_fen + excluded.in_sum_fen,
			    declined = risk_activity.declined + excluded.declined,
			    senders = risk_activity.senders + excluded.senders
			  RETURNING 1),
			payees AS (
			  INSERT INTO risk_payee (customer_id, counterparty, first_paid_at)
			  SELECT c, p, f::timestamptz FROM unnest(?::uuid[], ?::text[], ?::text[]) AS t(c, p, f)
			  WHERE (SELECT count(*) FROM minutes) >= 0 ORDER BY 1, 2
			  ON CONFLICT DO NOTHING)
			INSERT INTO risk_decision (id, customer_id, kind, direction, transaction_id, counterparty, new_payee,
			  amount, amount_fen, currency, ip, decision, score, rules, top_features, decided_at, features)
			SELECT id, customer_id, kind, direction, transaction_id, counterparty, new_payee, amount, amount_fen,
			  currency, ip, decision, score, rules::text[], top_features::text[], decided_at::timestamptz,
			  features::real[]
			FROM unnest(?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::uuid[], ?::text[], ?::boolean[], ?::bigint[],
			  ?::bigint[], ?::text[], ?::text[], ?::text[], ?::real[], ?::text[], ?::text[], ?::text[], ?::text[])
			  AS r(id, customer_id, kind, direction, transaction_id, counterparty, new_payee, amount, amount_fen,
			  currency, ip, decision, score, rules, top_features, decided_at, features)""";

	private final JdbcTemplate jdbc;

	RiskStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * What is known of the customers about to pay, and which of their payees they paid
	 * before; both modifiable, for a screening to add what it decides.
	 */
	record Known(Map<UUID, History> histories, Set<String> payees) {
	}

	/**
	 * What is known of each customer at {@code now}: the last day's decisions, counted in
	 * one statement, and the long-run profile.
	 */
	Map<UUID, History> histories(Collection<UUID> customers, Map<UUID, Instant> since, Instant now) {
		return known(customers, List.of(), since, now).histories();
	}

	/**
	 * Each customer's history at {@code now} (see {@link #histories}), and which of these
	 * customer-and-payee pairs are known, a payee paid before ({@code customer|payee}),
	 * in one statement ({@link #HISTORY_READ}).
	 */
	Known known(Collection<UUID> customers, Collection<Party> parties, Map<UUID, Instant> since, Instant now) {
		Set<String> known = new HashSet<>();
		Map<UUID, History> found = new HashMap<>();
		UUID[] ids = customers.stream().distinct().toArray(UUID[]::new);
		// minute buckets: the hour is the last 60 (the current one counts whole), the day
		// 1,440
		Instant hour = now.minus(Duration.ofHours(1)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
		Instant day = now.minus(Duration.ofDays(1)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
		jdbc.query(HISTORY_READ, rs -> {
			UUID id = rs.getObject("id", UUID.class);
			Array paid = rs.getArray("paid");
			if (paid != null) {
				for (String payee : (String[]) paid.getArray()) {
					known.add(id + "|" + payee);
				}
			}
			found.put(id,
					new History(rs.getInt("attempts_1h"), rs.getInt("attempts_24h"), rs.getLong("out_sum_24h"),
							rs.getInt("new_payees_1h"), rs.getInt("risk_refusals_1h"), rs.getLong("out_count"),
							rs.getLong("out_sum_fen"), rs.getInt("in_senders_24h"), rs.getLong("in_sum_24h"),
							rs.getInt("declined_1h"), instant(rs.getTimestamp("last_new_device")),
							instant(rs.getTimestamp("last_security_change")), since.getOrDefault(id, now)));
		}, parties.stream().map(Party::customerId).toArray(UUID[]::new),
				parties.stream().map(Party::payee).toArray(String[]::new), ids, Timestamp.from(hour),
				Timestamp.from(hour), Timestamp.from(hour), Timestamp.from(hour), Timestamp.from(day));
		return new Known(found, known);
	}

	/**
	 * Stores decisions, in one statement however many: each is counted in its customer's
	 * minute (and who sent money to whom), which is what {@link #histories} reads; money
	 * that went out makes its payee known and grows the customer's long-run counts. The
	 * recipient's side of a transfer is counted, not stored: it is the sender's decision,
	 * stored once.
	 * <p>
	 * When a sender last sent is kept to within {@link #SENDER_TIME_STEP}: a pair seen
	 * within that time is not written again. Moving the time on every transfer made each
	 * one a new row version (with two index entries while the time was in a b-tree), and
	 * between vacuums the count of a day's senders read its way through all of them.
	 * <p>
	 * Each sender is counted once in the minute counts, in the minute of its stored time:
	 * the day's distinct senders are then the sum of the day's minutes, read with the
	 * other sums. Counting {@code risk_sender}'s rows instead read one row per sender,
	 * and was three quarters of a busy wallet's history read.
	 */
	void insert(List<DecisionRow> rows) {
		if (rows.isEmpty()) {
			return;
		}
		Tally tally = Tally.of(rows);
		List<DecisionRow> stored = rows.stream().filter(r -> !r.kind().equals("transfer_in")).toList();
		List<DecisionRow> firstPaid = rows.stream().filter(r -> r.wentOut() && r.newPayee()).toList();
		// One order of row locks for every writer: profiles (sorted), then senders,
		// then minutes (sorted), as a declined top-up takes its profile first
		// (lockProfile), so that concurrent writers never wait on each other in a
		// circle. Each insert reads what the one before it returned, which makes
		// PostgreSQL write them in that order.
		jdbc.update(DECISIONS_WRITE, tally.profileCustomers(), tally.profileTotals(0), tally.profileTotals(1),
				tally.senderCustomers(), tally.senderIds(), tally.senderTimes(), SENDER_TIME_STEP_INTERVAL,
				SENDER_TIME_STEP_INTERVAL, tally.minuteCustomers(), tally.minuteStarts(), tally.minuteCounts(0),
				tally.minuteCounts(1), tally.minuteCounts(2), tally.minuteCounts(3), tally.minuteCounts(4),
				tally.minuteCounts(5), column(firstPaid, DecisionRow::customerId, UUID[]::new),
				column(firstPaid, DecisionRow::counterparty, String[]::new),
				column(firstPaid, r -> r.at().toString(), String[]::new), column(stored, DecisionRow::id, UUID[]::new),
				column(stored, DecisionRow::customerId, UUID[]::new), column(stored, DecisionRow::kind, String[]::new),
				column(stored, DecisionRow::direction, String[]::new),
				column(stored, DecisionRow::transactionId, UUID[]::new),
				column(stored, DecisionRow::counterparty, String[]::new),
				column(stored, DecisionRow::newPayee, Boolean[]::new), column(stored, DecisionRow::amount, Long[]::new),
				column(stored, DecisionRow::amountFen, Long[]::new),
				column(stored, DecisionRow::currency, String[]::new), column(stored, DecisionRow::ip, String[]::new),
				column(stored, r -> r.decision().code(), String[]::new),
				column(stored, r -> (float) r.score(), Float[]::new),
				column(stored, r -> textArray(r.rules()), String[]::new),
				column(stored, r -> textArray(r.topFeatures()), String[]::new),
				column(stored, r -> r.at().toString(), String[]::new),
				column(stored, r -> realArray(r.features()), String[]::new));
	}

	private static <T> T[] column(List<DecisionRow> rows, java.util.function.Function<DecisionRow, T> value,
			java.util.function.IntFunction<T[]> array) {
		return rows.stream().map(value).toArray(array);
	}

	/** A PostgreSQL text-array literal. */
	static String textArray(List<String> values) {
		StringBuilder literal = new StringBuilder("{");
		for (int i = 0; i < values.size(); i++) {
			literal.append(i == 0 ? "" : ",")
				.append('"')
				.append(values.get(i).replace("\\", "\\\\").replace("\"", "\\\""))
				.append('"');
		}
		return literal.append('}').toString();
	}

	private static @Nullable String realArray(double @Nullable [] values) {
		if (values == null) {
			return null;
		}
		StringBuilder literal = new StringBuilder("{");
		for (int i = 0; i < values.length; i++) {
			literal.append(i == 0 ? "" : ",").append((float) values[i]);
		}
		return literal.append('}').toString();
	}

	/**
	 * Deletes the per-minute counts and the senders' times from before {@code cutoff}:
	 * what no history read reaches any more. A row a screening holds is left for the next
	 * time: the delete never waits for a writer, so a writer that holds one old sender's
	 * row and wants another can never deadlock with it (which would fail the writer's
	 * whole batch of transfers).
	 * @return how many rows were deleted
	 */
	int forgetBefore(Instant cutoff) {
		Timestamp before = Timestamp.from(cutoff);
		return forget("risk_activity", "minute", before) + forget("risk_sender", "last_at", before);
	}

	/**
	 * A slice at a time: the first run after months without one would otherwise lock and
	 * delete millions of rows in one transaction.
	 */
	private int forget(String table, String time, Timestamp before) {
		String delete = "DELETE FROM %1$s WHERE ctid = ANY (ARRAY(SELECT ctid FROM %1$s WHERE %2$s < ? LIMIT %3$d FOR UPDATE SKIP LOCKED))"
			.formatted(table, time, FORGET_SLICE);
		int deleted = 0;
		int slice;
		do {
			slice = jdbc.update(delete, before);
			deleted += slice;
		}
		while (slice == FORGET_SLICE);
		return deleted;
	}

	/**
	 * Takes the customer's profile row for the rest of the transaction: events about one
	 * customer judged one at a time (five declined top-ups at once still count to five).
	 */
	void lockProfile(UUID customerId) {
		jdbc.update("INSERT INTO risk_profile (customer_id) VALUES (?) ON CONFLICT DO NOTHING", customerId);
		jdbc.queryForList("SELECT customer_id FROM risk_profile WHERE customer_id = ? FOR UPDATE", customerId);
	}

	void markNewDevice(UUID customerId, Instant at) {
		jdbc.update("""
				INSERT INTO risk_profile (customer_id, last_new_device) VALUES (?, ?)
				ON CONFLICT (customer_id) DO UPDATE SET last_new_device = excluded.last_new_device""", customerId,
				Timestamp.from(at));
	}

	void markSecurityChange(UUID customerId, Instant at) {
		jdbc.update("""
				INSERT INTO risk_profile (customer_id, last_security_change) VALUES (?, ?)
				ON CONFLICT (customer_id) DO UPDATE SET last_security_change = excluded.last_security_change""",
				customerId, Timestamp.from(at));
	}

	/** Whether the customer signed in before, and never from this address. */
	boolean isNewDevice(UUID customerId, String ip) {
		Boolean[] seen = jdbc.queryForObject("""
				SELECT ARRAY[count(*) > 0, bool_or(ip = ?)] FROM risk_decision
				WHERE customer_id = ? AND kind IN ('login', 'login_new_device')""", (rs, n) -> {
			Array a = rs.getArray(1);
			return (Boolean[]) a.getArray();
		}, ip, customerId);
		return Boolean.TRUE.equals(seen[0]) && !Boolean.TRUE.equals(seen[1]);
	}

	private static @Nullable Instant instant(@Nullable Timestamp t) {
		return t == null ? null : t.toInstant();
	}

}
