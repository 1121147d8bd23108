package com.tpwallet.walletdesk.risk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.tpwallet.walletdesk.HttpTestBase;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The screening's two statements run on every batch of transfers, as prepared statements
 * whose generic plan PostgreSQL makes once per connection, often while the risk tables
 * are still small. A join planned then as a hash (or merge) join reads a whole risk table
 * on every batch, and goes on doing so as the table grows: the senders' filter did, in
 * {@code bench/run}. So every risk row is looked up per customer or per pair, through a
 * correlated subquery or {@code LATERAL}, which PostgreSQL can only run as a nested loop.
 * (Inside such a lookup a table of a page or two may be scanned whole; that is cheap
 * while it is that small, and a plan lasts only as long as its pooled connection, 30
 * minutes at most.) The plans here are the generic ones, made on the test's small tables.
 */
class RiskStatementPlansIntegrationTest extends HttpTestBase {

	private static final String JOIN_OF_WHOLE_TABLES = "(Hash|Merge)[A-Za-z ]*Join";

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void theHistoryReadLooksRiskRowsUpPerCustomerAndNeverJoinsWholeTables() {
		assertThat(genericPlan(RiskStore.HISTORY_READ)).contains("risk_activity")
			.contains("risk_payee")
			.doesNotContainPattern(JOIN_OF_WHOLE_TABLES);
	}

	@Test
	void theDecisionsWriteLooksSendersUpPerPairAndNeverJoinsWholeTables() {
		assertThat(genericPlan(RiskStore.DECISIONS_WRITE)).contains("risk_sender")
			.doesNotContainPattern(JOIN_OF_WHOLE_TABLES);
	}

	/**
	 * The plan PostgreSQL caches for the statement after its first runs, whatever the
	 * parameters: prepared (JDBC's {@code ?} numbered as {@code $n}) and explained with a
	 * generic plan forced, on one connection.
	 */
	private String genericPlan(String sql) {
		StringBuilder numbered = new StringBuilder();
		int n = 0;
		for (char c : sql.toCharArray()) {
			numbered.append(c == '?' ? "$" + (++n) : String.valueOf(c));
		}
		String nulls = String.join(", ", Collections.nCopies(n, "NULL"));
		return jdbc.execute((ConnectionCallback<String>) connection -> {
			try (Statement statement = connection.createStatement()) {
				statement.execute("PREPARE risk_statement AS " + numbered);
				statement.execute("SET plan_cache_mode = force_generic_plan");
				StringBuilder plan = new StringBuilder();
				try (ResultSet rows = statement.executeQuery("EXPLAIN EXECUTE risk_statement(" + nulls + ")")) {
					while (rows.next()) {
						plan.append(rows.getString(1)).append('\n');
					}
				}
				finally {
					statement.execute("DEALLOCATE risk_statement");
					statement.execute("RESET plan_cache_mode");
				}
				return plan.toString();
			}
		});
	}

}
