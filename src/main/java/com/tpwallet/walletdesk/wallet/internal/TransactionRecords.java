package com.tpwallet.walletdesk.wallet.internal;

import com.tpwallet.walletdesk.wallet.TransactionStatus;
import com.tpwallet.walletdesk.wallet.TransactionType;
import com.tpwallet.walletdesk.wallet.TransactionView;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The customer-facing record of every attempt, with its timeline. */
@Repository
class TransactionRecords {

	/**
	 * Records of any number in one statement; parameters are named r_..., so that a
	 * caller's statement around this one can name its own without a clash.
	 */
	static final String INSERT_SQL = """
			INSERT INTO wallet_transaction (id, reference, customer_id, type, status, created_status, amount, currency,
			  counterparty, counterparty_id, note, failure_reason, related_id, card_last4, holder_name, expected_arrival,
			  payout_date, created_at, updated_at)
			SELECT id, reference, customer, type, status, status, amount, currency, counterparty, counterparty_id, note, reason,
			  related, last4, holder, arrival, payout, :r_at::timestamptz, :r_at::timestamptz
			FROM unnest(:r_ids::uuid[], :r_references::varchar[], :r_customers::uuid[], :r_types::varchar[],
			  :r_statuses::varchar[], :r_amounts::bigint[], :r_currencies::varchar[], :r_counterparties::varchar[],
			  :r_counterparty_ids::uuid[], :r_notes::varchar[], :r_reasons::varchar[], :r_related::uuid[],
			  :r_last4::varchar[], :r_holders::varchar[], :r_arrivals::date[], :r_payouts::date[])
			  AS r(id, reference, customer, type, status, amount, currency, counterparty, counterparty_id, note, reason,
			  related, last4, holder, arrival, payout)""";

	private static final NamedStatement INSERT = new NamedStatement(INSERT_SQL);

	private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ReferenceNumbers numbers;

	TransactionRecords(JdbcClient jdbc, Clock clock, ReferenceNumbers numbers) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.numbers = numbers;
	}

	/** What a new record says; the id, reference and times are filled in here. */
	record NewTransaction(UUID id, UUID customerId, TransactionType type, TransactionStatus status, long amount,
			String currency, @Nullable String counterparty, @Nullable UUID counterpartyId, @Nullable String note,
			@Nullable String failureReason, @Nullable UUID relatedId, @Nullable String cardLast4,
			@Nullable String holderName, @Nullable LocalDate expectedArrival, @Nullable LocalDate payoutDate) {

		static NewTransaction of(UUID customerId, TransactionType type, TransactionStatus status, long amount,
				String currency) {
			return new NewTransaction(UUID.randomUUID(), customerId, type, status, amount, currency, null, null, null,
					null, null, null, null, null, null);
		}

		NewTransaction counterparty(@Nullable String name, @Nullable UUID customer) {
			return new NewTransaction(id, customerId, type, status, amount, currency, name, customer, note,
					failureReason, relatedId, cardLast4, holderName, expectedArrival, payoutDate);
		}

		NewTransaction note(@Nullable String text) {
			return new NewTransaction(id, customerId, type, status, amount, currency, counterparty, counterpartyId,
					text, failureReason, relatedId, cardLast4, holderName, expectedArrival, payoutDate);
		}

		NewTransaction failed(String reason) {
			return new NewTransaction(id, customerId, type, TransactionStatus.FAILED, amount, currency, counterparty,
					counterpartyId, note, reason, relatedId, cardLast4, holderName, expectedArrival, payoutDate);
		}

		NewTransaction related(@Nullable UUID other) {
			return new NewTransaction(id, customerId, type, status, amount, currency, counterparty, counterpartyId,
					note, failureReason, other, cardLast4, holderName, expectedArrival, payoutDate);
		}

		NewTransaction card(@Nullable String last4, @Nullable String holder) {
			return new NewTransaction(id, customerId, type, status, amount, currency, counterparty, counterpartyId,
					note, failureReason, relatedId, last4, holder, expectedArrival, payoutDate);
		}

		NewTransaction schedule(@Nullable LocalDate payout, @Nullable LocalDate arrival) {
			return new NewTransaction(id, customerId, type, status, amount, currency, counterparty, counterpartyId,
					note, failureReason, relatedId, cardLast4, holderName, arrival, payout);
		}
	}

	/** Inserts one record with its first timeline steps; returns it as stored. */
	TransactionView insert(NewTransaction t) {
		return insert(List.of(t)).get(0);
	}

	/**
	 * Inserts records in one statement; their first timeline steps are the records
	 * themselves.
	 */
	List<TransactionView> insert(List<NewTransaction> rows) {
		Insert insert = insertStatement(rows);
		jdbc.sql(INSERT.sql()).params(INSERT.values(insert.params())).update();
		return insert.views();
	}

	/**
	 * An INSERT of records, for callers that write them together with other rows in one
	 * statement.
	 */
	record Insert(String sql, Map<String, Object> params, List<TransactionView> views) {
	}

	/**
	 * The statement's text is the same however many records (one server-side plan); the
	 * references are numbered here, so the caller has the records as stored before it
	 * runs the statement.
	 */
	Insert insertStatement(List<NewTransaction> rows) {
		Instant now = clock.instant();
		String day = DAY.format(LocalDate.ofInstant(now, com.tpwallet.walletdesk.wallet.BusinessCalendar.ZONE));
		List<TransactionView> views = rows.stream()
			.map(t -> new TransactionView(t.id(), prefix(t.type()) + day + "%010d".formatted(numbers.next()),
					t.customerId(), t.type(), t.status(), t.amount(), t.currency(), t.counterparty(), t.note(),
					t.failureReason(), t.relatedId(), t.cardLast4(), t.expectedArrival(), now, now))
			.toList();
		Map<String, Object> params = new HashMap<>();
		params.put("r_at", Timestamp.from(now));
		params.put("r_ids", column(rows, NewTransaction::id, UUID[]::new));
		params.put("r_references", views.stream().map(TransactionView::reference).toArray(String[]::new));
		params.put("r_customers", column(rows, NewTransaction::customerId, UUID[]::new));
		params.put("r_types", column(rows, t -> t.type().code(), String[]::new));
		params.put("r_statuses", column(rows, t -> t.status().code(), String[]::new));
		params.put("r_amounts", column(rows, NewTransaction::amount, Long[]::new));
		params.put("r_currencies", column(rows, NewTransaction::currency, String[]::new));
		params.put("r_counterparties", column(rows, NewTransaction::counterparty, String[]::new));
		params.put("r_counterparty_ids", column(rows, NewTransaction::counterpartyId, UUID[]::new));
		params.put("r_notes", column(rows, NewTransaction::note, String[]::new));
		params.put("r_reasons", column(rows, NewTransaction::failureReason, String[]::new));
		params.put("r_related", column(rows, NewTransaction::relatedId, UUID[]::new));
		params.put("r_last4", column(rows, NewTransaction::cardLast4, String[]::new));
		params.put("r_holders", column(rows, NewTransaction::holderName, String[]::new));
		params.put("r_arrivals", column(rows, t -> Objects.toString(t.expectedArrival(), null), String[]::new));
		params.put("r_payouts", column(rows, t -> Objects.toString(t.payoutDate(), null), String[]::new));
		return new Insert(INSERT_SQL, params, views);
	}

	/** A reference's first letter says what it is; both sides of a transfer share one. */
	private static String prefix(TransactionType type) {
		return switch (type) {
			case TOP_UP -> "U";
			case PAYMENT -> "P";
			case TRANSFER_OUT, TRANSFER_IN -> "T";
			case WITHDRAWAL -> "W";
			case REFUND -> "R";
			case REVERSAL_IN, REVERSAL_OUT -> "V";
			case PROVISIONAL_CREDIT, PROVISIONAL_REVERSAL -> "D";
		};
	}

	private static <T> T[] column(List<NewTransaction> rows, Function<NewTransaction, T> value,
			IntFunction<T[]> array) {
		return rows.stream().map(value).toArray(array);
	}

	/** A pending top-up the gateway confirmed. */
	boolean succeed(UUID id) {
		return transition(id, TransactionStatus.PENDING, TransactionStatus.SUCCEEDED, null);
	}

	/** A pending top-up the gateway declined, or that never reached it. */
	boolean fail(UUID id, String reason) {
		return transition(id, TransactionStatus.PENDING, TransactionStatus.FAILED, reason);
	}

	/** A held withdrawal handed to the bank on its payout day. */
	boolean sendToBank(UUID id) {
		return transition(id, TransactionStatus.HELD, TransactionStatus.SENT_TO_BANK, null);
	}

	/** A withdrawal the bank paid out. */
	boolean settle(UUID id) {
		return transition(id, TransactionStatus.SENT_TO_BANK, TransactionStatus.SETTLED, null);
	}

	/** A held withdrawal stopped before it left (confirmed fraud): the money is back. */
	boolean stopWithdrawal(UUID id, String reason) {
		return transition(id, TransactionStatus.HELD, TransactionStatus.RETURNED, reason);
	}

	/** A withdrawal the bank sent back, with the bank's reason. */
	boolean returnFromBank(UUID id, String reason) {
		return transition(id, TransactionStatus.SENT_TO_BANK, TransactionStatus.RETURNED, reason);
	}

	/**
	 * Moves a record to a new status; only from {@code expected}, so a callback or job
	 * cannot apply twice.
	 */
	private boolean transition(UUID id, TransactionStatus expected, TransactionStatus status, @Nullable String reason) {
		if (!expected.next().contains(status)) {
			throw new IllegalStateException("A " + expected.code() + " record cannot become " + status.code());
		}
		int updated = jdbc.sql("""
				UPDATE wallet_transaction SET status = ?, failure_reason = coalesce(?, failure_reason), updated_at = ?
				WHERE id = ? AND status = ?""")
			.params(status.code(), reason, Timestamp.from(clock.instant()), id, expected.code())
			.update();
		if (updated == 1) {
			event(id, status, reason);
		}
		return updated == 1;
	}

	/** A step that did not change the status, such as a gateway that did not answer. */
	void event(UUID id, TransactionStatus status, @Nullable String reason) {
		jdbc.sql("INSERT INTO transaction_event (transaction_id, at, status, reason) VALUES (?, ?, ?, ?)")
			.params(id, Timestamp.from(clock.instant()), status.code(), reason)
			.update();
	}

	Optional<TransactionView> find(UUID id) {
		return jdbc.sql("SELECT * FROM wallet_transaction WHERE id = ?")
			.param(id)
			.query(TransactionRecords::map)
			.optional();
	}

	/** Row-locks a record that a job or callback is about to move on. */
	Optional<TransactionView> lock(UUID id) {
		return jdbc.sql("SELECT * FROM wallet_transaction WHERE id = ? FOR UPDATE")
			.param(id)
			.query(TransactionRecords::map)
			.optional();
	}

	record TimelineStep(Instant at, String status, @Nullable String reason) {
	}

	/**
	 * The record's first steps (from the record itself, for records from V12 on), then
	 * every later one.
	 */
	List<TimelineStep> timeline(UUID id) {
		return jdbc.sql("""
				SELECT at, status, reason FROM (
				  SELECT created_at AS at, 'requested' AS status, NULL AS reason, 0 AS step
				  FROM wallet_transaction WHERE id = ? AND created_status IS NOT NULL
				  UNION ALL
				  SELECT created_at, created_status, CASE WHEN created_status = 'failed' THEN failure_reason END, 1
				  FROM wallet_transaction WHERE id = ? AND created_status IS NOT NULL AND created_status <> 'requested'
				  UNION ALL
				  SELECT at, status, reason, 1 + id FROM transaction_event WHERE transaction_id = ?) AS steps
				ORDER BY step""")
			.params(id, id, id)
			.query((rs, n) -> new TimelineStep(rs.getTimestamp("at").toInstant(), rs.getString("status"),
					rs.getString("reason")))
			.list();
	}

	static TransactionView map(ResultSet rs, int row) throws SQLException {
		java.sql.Date arrival = rs.getDate("expected_arrival");
		return new TransactionView(rs.getObject("id", UUID.class), rs.getString("reference"),
				rs.getObject("customer_id", UUID.class), TransactionType.of(rs.getString("type")),
				TransactionStatus.of(rs.getString("status")), rs.getLong("amount"), rs.getString("currency"),
				rs.getString("counterparty"), rs.getString("note"), rs.getString("failure_reason"),
				rs.getObject("related_id", UUID.class), rs.getString("card_last4"),
				arrival == null ? null : arrival.toLocalDate(), rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("updated_at").toInstant());
	}

}
