package com.tpwallet.walletdesk.risk.internal;

import com.tpwallet.walletdesk.wallet.OutgoingScreening.Decision;
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

	}

	private final JdbcTemplate jdbc;

	RiskStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * What is known of each customer at {@code now}: the last day's decisions, counted in
	 * one statement, and the long-run profile.
	 */
	Map<UUID, History> histories(Collection<UUID> customers, Map<UUID, Instant> since, Instant now) {
		Map<UUID, History> found = new HashMap<>();
		UUID[] ids = customers.stream().distinct().toArray(UUID[]::new);
		// minute buckets: the hour is the last 60 (the current one counts whole), the day
		// 1,440
		Instant hour = now.minus(Duration.ofHours(1)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
		Instant day = now.minus(Duration.ofDays(1)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
		jdbc.query("""
				SELECT c.id, p.out_count, p.out_sum_fen, p.last_new_device, p.last_security_change, w.*,
				  (SELECT count(*) FROM (SELECT FROM risk_sender s WHERE s.customer_id = c.id AND s.last_at >= ?
				     LIMIT 100) n) AS in_senders_24h
				FROM unnest(?::uuid[]) AS c(id)
				LEFT JOIN risk_profile p ON p.customer_id = c.id
				CROSS JOIN LATERAL (
				  SELECT coalesce(sum(a.attempts) FILTER (WHERE a.minute >= ?), 0) AS attempts_1h,
				         coalesce(sum(a.attempts), 0) AS attempts_24h,
				         coalesce(sum(a.out_sum_fen), 0) AS out_sum_24h,
				         coalesce(sum(a.new_payees) FILTER (WHERE a.minute >= ?), 0) AS new_payees_1h,
				         coalesce(sum(a.refusals) FILTER (WHERE a.minute >= ?), 0) AS risk_refusals_1h,
				         coalesce(sum(a.in_sum_fen), 0) AS in_sum_24h,
				         coalesce(sum(a.declined) FILTER (WHERE a.minute >= ?), 0) AS declined_1h
				  FROM risk_activity a WHERE a.customer_id = c.id AND a.minute >= ?) w""", rs -> {
			UUID id = rs.getObject("id", UUID.class);
			found.put(id,
					new History(rs.getInt("attempts_1h"), rs.getInt("attempts_24h"), rs.getLong("out_sum_24h"),
							rs.getInt("new_payees_1h"), rs.getInt("risk_refusals_1h"), rs.getLong("out_count"),
							rs.getLong("out_sum_fen"), rs.getInt("in_senders_24h"), rs.getLong("in_sum_24h"),
							rs.getInt("declined_1h"), instant(rs.getTimestamp("last_new_device")),
							instant(rs.getTimestamp("last_security_change")), since.getOrDefault(id, now)));
		}, Timestamp.from(now.minus(Duration.ofDays(1))), ids, Timestamp.from(hour), Timestamp.from(hour),
				Timestamp.from(hour), Timestamp.from(hour), Timestamp.from(day));
		return found;
	}

	/**
	 * Of these customer-and-payee pairs, the ones already paid: {@code customer|payee}.
	 */
	Set<String> knownPayees(Collection<UUID> customers, Collection<String> payees) {
		Set<String> known = new HashSet<>();
		jdbc.query("""
				SELECT r.customer_id, r.counterparty FROM risk_payee r
				JOIN unnest(?::uuid[], ?::text[]) AS q(customer_id, counterparty)
				  ON r.customer_id = q.customer_id AND r.counterparty = q.counterparty""", rs -> {
			known.add(rs.getString(1) + "|" + rs.getString(2));
		}, customers.toArray(UUID[]::new), payees.toArray(String[]::new));
		return known;
	}

	/**
	 * Stores decisions, and counts them in their customers' minute (and who sent money to
	 * whom), which is what {@link #histories} reads. The recipient's side of a transfer
	 * is counted, not stored: it is the sender's decision, stored once.
	 */
	void insert(List<DecisionRow> rows) {
		if (rows.isEmpty()) {
			return;
		}
		count(rows);
		List<DecisionRow> stored = rows.stream().filter(r -> !r.kind().equals("transfer_in")).toList();
		if (stored.isEmpty()) {
			return;
		}
		// one statement for the whole batch, as the transfer pipeline writes its rows
		jdbc.update("""
				INSERT INTO risk_decision (id, customer_id, kind, direction, transaction_id, counterparty, new_payee,
				  amount, amount_fen, currency, ip, decision, score, rules, top_features, decided_at, features)
				SELECT id, customer_id, kind, direction, transaction_id, counterparty, new_payee, amount, amount_fen,
				  currency, ip, decision, score, rules::text[], top_features::text[], decided_at::timestamptz,
				  features::real[]
				FROM unnest(?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::uuid[], ?::text[], ?::boolean[], ?::bigint[],
				  ?::bigint[], ?::text[], ?::text[], ?::text[], ?::real[], ?::text[], ?::text[], ?::text[], ?::text[])
				  AS r(id, customer_id, kind, direction, transaction_id, counterparty, new_payee, amount, amount_fen,
				  currency, ip, decision, score, rules, top_features, decided_at, features)""",
				column(stored, DecisionRow::id, UUID[]::new), column(stored, DecisionRow::customerId, UUID[]::new),
				column(stored, DecisionRow::kind, String[]::new), column(stored, DecisionRow::direction, String[]::new),
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

	/** A customer's minute, and what it adds to it. */
	private record Minute(UUID customer, Instant minute) {
	}

	private void count(List<DecisionRow> rows) {
		Map<Minute, long[]> minutes = new java.util.TreeMap<>(
				java.util.Comparator.comparing((Minute m) -> m.customer()).thenComparing(Minute::minute));
		Map<String, Object[]> senders = new java.util.TreeMap<>();
		for (DecisionRow r : rows) {
			// attempts, sum out, new payees, refusals, sum in, declined top-ups
			long[] c = minutes.computeIfAbsent(
					new Minute(r.customerId(), r.at().truncatedTo(java.time.temporal.ChronoUnit.MINUTES)),
					k -> new long[6]);
			boolean out = r.direction().equals("out");
			c[0] += out ? 1 : 0;
			c[1] += out && r.decision() == Decision.ALLOW ? r.amountFen() : 0;
			c[2] += out && r.newPayee() && !r.kind().equals("payment") ? 1 : 0;
			c[3] += out && (r.decision() == Decision.STEP_UP || r.decision() == Decision.HOLD) ? 1 : 0;
			c[4] += r.kind().equals("transfer_in") ? r.amountFen() : 0;
			c[5] += r.kind().equals("top_up_declined") ? 1 : 0;
			if (r.kind().equals("transfer_in") && r.counterparty() != null) {
				senders.put(r.customerId() + "|" + r.counterparty(),
						new Object[] { r.customerId(), r.counterparty(), Timestamp.from(r.at()) });
			}
		}
		// in key order, so that concurrent writers never wait on each other in a circle
		List<Map.Entry<Minute, long[]>> ordered = List.copyOf(minutes.entrySet());
		jdbc.batchUpdate("""
				INSERT INTO risk_activity (customer_id, minute, attempts, out_sum_fen, new_payees, refusals, in_sum_fen,
				  declined) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT (customer_id, minute) DO UPDATE SET attempts = risk_activity.attempts + excluded.attempts,
				  out_sum_fen = risk_activity.out_sum_fen + excluded.out_sum_fen,
				  new_payees = risk_activity.new_payees + excluded.new_payees,
				  refusals = risk_activity.refusals + excluded.refusals,
				  in_sum_fen = risk_activity.in_sum_fen + excluded.in_sum_fen,
				  declined = risk_activity.declined + excluded.declined""", ordered, ordered.size(), (ps, e) -> {
			ps.setObject(1, e.getKey().customer());
			ps.setTimestamp(2, Timestamp.from(e.getKey().minute()));
			long[] c = e.getValue();
			ps.setInt(3, (int) c[0]);
			ps.setLong(4, c[1]);
			ps.setInt(5, (int) c[2]);
			ps.setInt(6, (int) c[3]);
			ps.setLong(7, c[4]);
			ps.setInt(8, (int) c[5]);
		});
		if (!senders.isEmpty()) {
			List<Object[]> sent = List.copyOf(senders.values());
			jdbc.batchUpdate(
					"""
							INSERT INTO risk_sender (customer_id, sender, last_at) VALUES (?, ?, ?)
							ON CONFLICT (customer_id, sender) DO UPDATE SET last_at = greatest(risk_sender.last_at, excluded.last_at)""",
					sent);
		}
	}

	/**
	 * Movements that went out: their payees become known, and the customers' long-run
	 * counts grow.
	 */
	void rememberAllowed(List<DecisionRow> allowed) {
		List<DecisionRow> firstPaid = allowed.stream().filter(DecisionRow::newPayee).toList();
		if (!firstPaid.isEmpty()) {
			jdbc.batchUpdate("""
					INSERT INTO risk_payee (customer_id, counterparty, first_paid_at) VALUES (?, ?, ?)
					ON CONFLICT DO NOTHING""", firstPaid, firstPaid.size(), (ps, r) -> {
				ps.setObject(1, r.customerId());
				ps.setString(2, r.counterparty());
				ps.setTimestamp(3, Timestamp.from(r.at()));
			});
		}
		Map<UUID, long[]> totals = new HashMap<>();
		allowed.forEach(r -> {
			long[] t = totals.computeIfAbsent(r.customerId(), k -> new long[2]);
			t[0]++;
			t[1] = Math.addExact(t[1], r.amountFen());
		});
		// in id order, so that concurrent batches never wait on each other in a circle
		List<Map.Entry<UUID, long[]>> ordered = totals.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList();
		jdbc.batchUpdate("""
				INSERT INTO risk_profile (customer_id, out_count, out_sum_fen) VALUES (?, ?, ?)
				ON CONFLICT (customer_id) DO UPDATE SET out_count = risk_profile.out_count + excluded.out_count,
				  out_sum_fen = risk_profile.out_sum_fen + excluded.out_sum_fen""", ordered, ordered.size(),
				(ps, e) -> {
					ps.setObject(1, e.getKey());
					ps.setLong(2, e.getValue()[0]);
					ps.setLong(3, e.getValue()[1]);
				});
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
