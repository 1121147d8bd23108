package com.tpwallet.walletdesk.platform.internal;

import com.tpwallet.walletdesk.platform.TransactionWrites;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * {@link TransactionWrites} on PostgreSQL's JDBC driver, which sends the statements of
 * one prepared statement separated by semicolons in a single round trip (each parsed,
 * bound and executed in order, one sync at the end) and hands back one result per
 * statement.
 */
@Component
class PostgresTransactionWrites implements TransactionWrites {

	private final JdbcTemplate jdbc;

	PostgresTransactionWrites(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void add(String sql, Object... args) {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			jdbc.update(sql, args);
			return;
		}
		Waiting waiting = waiting();
		if (waiting == null) {
			waiting = new Waiting();
			TransactionSynchronizationManager.registerSynchronization(waiting);
		}
		waiting.writes.add(new Write(sql, args));
	}

	@Override
	public <T> T runWith(String sql, Object[] args, ResultSetExtractor<T> result) {
		Waiting waiting = TransactionSynchronizationManager.isActualTransactionActive() ? waiting() : null;
		List<Write> before = waiting == null ? List.of() : List.copyOf(waiting.writes);
		if (waiting != null) {
			waiting.writes.clear();
		}
		T value = run(before, new Write(sql, args), result);
		if (value == null) {
			throw new InvalidDataAccessApiUsageException("The statement's rows gave no result: " + sql);
		}
		return value;
	}

	/**
	 * The writes before {@code last} and {@code last} itself in one round trip; the
	 * result of {@code last}'s rows, or null when {@code last} is null.
	 */
	private <T> @Nullable T run(List<Write> before, @Nullable Write last, @Nullable ResultSetExtractor<T> result) {
		List<Write> all = new ArrayList<>(before);
		if (last != null) {
			all.add(last);
		}
		if (all.isEmpty()) {
			return null;
		}
		String sql = String.join(";\n", all.stream().map(Write::sql).toList());
		Object[] args = all.stream().flatMap(w -> java.util.Arrays.stream(w.args())).toArray();
		return jdbc.execute(sql, (PreparedStatement ps) -> {
			new ArgumentPreparedStatementSetter(args).setValues(ps);
			ps.execute();
			for (int i = 0; i < before.size(); i++) {
				ps.getMoreResults();
			}
			return last == null || result == null ? null : rows(ps, result);
		});
	}

	private static <T> @Nullable T rows(PreparedStatement ps, ResultSetExtractor<T> result) throws SQLException {
		try (ResultSet rs = ps.getResultSet()) {
			if (rs == null) {
				throw new InvalidDataAccessApiUsageException("The last statement returns no rows");
			}
			return result.extractData(rs);
		}
	}

	/**
	 * This transaction's writes not yet sent (a suspended transaction's are not here).
	 */
	private @Nullable Waiting waiting() {
		for (TransactionSynchronization s : TransactionSynchronizationManager.getSynchronizations()) {
			if (s instanceof Waiting w && w.owner() == this) {
				return w;
			}
		}
		return null;
	}

	private record Write(String sql, Object[] args) {
	}

	/** The writes one transaction has not sent yet; sent just before it commits. */
	private final class Waiting implements TransactionSynchronization {

		final List<Write> writes = new ArrayList<>();

		PostgresTransactionWrites owner() {
			return PostgresTransactionWrites.this;
		}

		@Override
		public void beforeCommit(boolean readOnly) {
			List<Write> now = List.copyOf(writes);
			writes.clear();
			run(now, null, null);
		}

	}

}
