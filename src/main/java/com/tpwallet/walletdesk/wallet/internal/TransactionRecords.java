package com.tpwallet.walletdesk.wallet.internal;

import com.tpwallet.walletdesk.wallet.TransactionView;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The customer-facing record of every attempt, with its timeline. */
@Repository
class TransactionRecords {

	private static final Map<String, String> PREFIX = Map.of("top_up", "U", "payment", "P", "transfer_out", "T",
			"transfer_in", "T", "withdrawal", "W", "refund", "R");
	private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

	private final JdbcClient jdbc;
	private final Clock clock;
	private final SecureRandom random;

	TransactionRecords(JdbcClient jdbc, Clock clock, SecureRandom random) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.random = random;
	}

	/** What a new record says; the id, reference and times are filled in here. */
	record NewTransaction(UUID id, UUID customerId, String type, String status, long amount, String currency,
			@Nullable String counterparty, @Nullable UUID counterpartyId, @Nullable String note,
			@Nullable String failureReason, @Nullable UUID relatedId, @Nullable String cardLast4,
			@Nullable String holderName, @Nullable LocalDate expectedArrival, @Nullable LocalDate payoutDate) {

		static NewTransaction of(UUID customerId, String type, String status, long amount, String currency) {
			return new NewTransaction(UUID.randomUUID(), customerId, type, status, amount, currency, null, null, null, null,
					null, null, null, null, null);
		}

		NewTransaction counterparty(@Nullable String name, @Nullable UUID customer) {
			return new NewTransaction(id, customerId, type, status, amount, currency, name, customer, note, failureReason,
					relatedId, cardLast4, holderName, expectedArrival, payoutDate);
		}

		NewTransaction note(@Nullable String text) {
			return new NewTransaction(id, customerId, type, status, amount, currency, counterparty, counterpartyId, text,
					failureReason, relatedId, cardLast4, holderName, expectedArrival, payoutDate);
		}

		NewTransaction failed(String reason) {
			return new NewTransaction(id, customerId, type, "failed", amount, currency, counterparty, counterpartyId, note,
					reason, relatedId, cardLast4, holderName, expectedArrival, payoutDate);
		}

		NewTransaction related(@Nullable UUID other) {
			return new NewTransaction(id, customerId, type, status, amount, currency, counterparty, counterpartyId, note,
					failureReason, other, cardLast4, holderName, expectedArrival, payoutDate);
		}

		NewTransaction card(@Nullable String last4, @Nullable String holder) {
			return new NewTransaction(id, customerId, type, status, amount, currency, counterparty, counterpartyId, note,
					failureReason, relatedId, last4, holder, expectedArrival, payoutDate);
		}

		NewTransaction schedule(@Nullable LocalDate payout, @Nullable LocalDate arrival) {
			return new NewTransaction(id, customerId, type, status, amount, currency, counterparty, counterpartyId, note,
					failureReason, relatedId, cardLast4, holderName, arrival, payout);
		}
	}

	/** Inserts one record with its first timeline steps; returns it as stored. */
	TransactionView insert(NewTransaction t) {
		return insert(List.of(t)).get(0);
	}

	/** Inserts records and their first timeline steps in one statement (one round trip, however many). */
	List<TransactionView> insert(List<NewTransaction> transactions) {
		Instant now = clock.instant();
		Timestamp at = Timestamp.from(now);
		String day = DAY.format(LocalDate.ofInstant(now, com.tpwallet.walletdesk.wallet.BusinessCalendar.ZONE));
		List<TransactionView> views = new java.util.ArrayList<>();
		List<Object> params = new java.util.ArrayList<>();
		List<Object> eventParams = new java.util.ArrayList<>();
		for (NewTransaction t : transactions) {
			UUID id = t.id();
			String reference = PREFIX.getOrDefault(t.type(), "X") + day + "%09d".formatted(random.nextInt(1_000_000_000));
			params.addAll(java.util.Arrays.asList(id, reference, t.customerId(), t.type(), t.status(), t.amount(), t.currency(),
					t.counterparty(), t.counterpartyId(), t.note(), t.failureReason(), t.relatedId(), t.cardLast4(), t.holderName(),
					t.expectedArrival(), t.payoutDate(), at, at));
			eventParams.addAll(java.util.Arrays.asList(id, at, "requested", null));
			if (!t.status().equals("requested")) {
				eventParams.addAll(java.util.Arrays.asList(id, at, t.status(), t.failureReason()));
			}
			views.add(new TransactionView(id, reference, t.customerId(), t.type(), t.status(), t.amount(), t.currency(),
					t.counterparty(), t.note(), t.failureReason(), t.relatedId(), t.cardLast4(), t.expectedArrival(), now, now));
		}
		String rows = String.join(", ", java.util.Collections.nCopies(transactions.size(),
				"(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::date, ?::date, ?, ?)"));
		String events = String.join(", ", java.util.Collections.nCopies(eventParams.size() / 4, "(?, ?, ?, ?)"));
		params.addAll(eventParams);
		jdbc.sql("""
				WITH t AS (
				  INSERT INTO wallet_transaction (id, reference, customer_id, type, status, amount, currency, counterparty,
				    counterparty_id, note, failure_reason, related_id, card_last4, holder_name, expected_arrival, payout_date,
				    created_at, updated_at)
				  VALUES %s)
				INSERT INTO transaction_event (transaction_id, at, status, reason) VALUES %s""".formatted(rows, events))
				.params(params).update();
		return views;
	}

	/** Moves a record to a new status; only from {@code expected}, so a callback or job cannot apply twice. */
	boolean transition(UUID id, String expected, String status, @Nullable String reason) {
		int updated = jdbc.sql("""
				UPDATE wallet_transaction SET status = ?, failure_reason = coalesce(?, failure_reason), updated_at = ?
				WHERE id = ? AND status = ?""")
				.params(status, reason, Timestamp.from(clock.instant()), id, expected).update();
		if (updated == 1) {
			event(id, status, reason);
		}
		return updated == 1;
	}

	void event(UUID id, String status, @Nullable String reason) {
		jdbc.sql("INSERT INTO transaction_event (transaction_id, at, status, reason) VALUES (?, ?, ?, ?)")
				.params(id, Timestamp.from(clock.instant()), status, reason).update();
	}

	Optional<TransactionView> find(UUID id) {
		return jdbc.sql("SELECT * FROM wallet_transaction WHERE id = ?").param(id).query(TransactionRecords::map).optional();
	}

	/** Row-locks a record that a job or callback is about to move on. */
	Optional<TransactionView> lock(UUID id) {
		return jdbc.sql("SELECT * FROM wallet_transaction WHERE id = ? FOR UPDATE").param(id)
				.query(TransactionRecords::map).optional();
	}

	record TimelineStep(Instant at, String status, @Nullable String reason) {
	}

	List<TimelineStep> timeline(UUID id) {
		return jdbc.sql("SELECT at, status, reason FROM transaction_event WHERE transaction_id = ? ORDER BY id")
				.param(id)
				.query((rs, n) -> new TimelineStep(rs.getTimestamp("at").toInstant(), rs.getString("status"),
						rs.getString("reason")))
				.list();
	}

	static TransactionView map(ResultSet rs, int row) throws SQLException {
		java.sql.Date arrival = rs.getDate("expected_arrival");
		return new TransactionView(rs.getObject("id", UUID.class), rs.getString("reference"),
				rs.getObject("customer_id", UUID.class), rs.getString("type"), rs.getString("status"), rs.getLong("amount"),
				rs.getString("currency"), rs.getString("counterparty"), rs.getString("note"),
				rs.getString("failure_reason"), rs.getObject("related_id", UUID.class), rs.getString("card_last4"),
				arrival == null ? null : arrival.toLocalDate(), rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("updated_at").toInstant());
	}
}
