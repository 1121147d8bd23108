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
 * whose generic plan PostgreSQL makes once, often while the risk tables are still small.
 * A plan that reads a whole risk table then grows slower with every transfer; the plans
 * here are those generic ones, made on the test's small tables.
 */
class RiskStatementPlansIntegrationTest extends HttpTestBase {

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void theHistoryReadReachesEveryRiskTableThroughAnIndex() {
		assertThat(genericPlan(RiskStore.HISTORY_READ)).contains("risk_sender")
			.contains("risk_payee")
			.doesNotContain("Seq Scan on risk_");
	}

	@Test
	void theDecisionsWriteReachesEveryRiskTableThroughAnIndex() {
		assertThat(genericPlan(RiskStore.DECISIONS_WRITE)).contains("risk_sender").doesNotContain("Seq Scan on risk_");
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
