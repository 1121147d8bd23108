package com.tpwallet.walletdesk.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tpwallet.walletdesk.IntegrationTest;
import com.tpwallet.walletdesk.platform.RateLimits;
import com.tpwallet.walletdesk.platform.Refusal;
import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class PostgresRateLimitsIntegrationTest {

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Test
	void refusesTheAttemptOverTheLimitWithRetryAfterAndCountsKeysApart() {
		RateLimits limits = new PostgresRateLimits(dataSource, jdbc, 1.0);
		var limit = new RateLimits.Limit("test-" + UUID.randomUUID(), 3, Duration.ofMinutes(1));
		for (int i = 0; i < 3; i++) {
			limits.consume(limit, "203.0.113.7");
		}
		assertThatThrownBy(() -> limits.consume(limit, "203.0.113.7")).isInstanceOfSatisfying(Refusal.class, r -> {
			assertThat(r.code()).isEqualTo("too_many_attempts");
			assertThat((Long) r.properties().get("retryAfterSeconds")).isBetween(1L, 20L);
		});
		limits.consume(limit, "198.51.100.1");
	}

	@Test
	void anotherInstanceSeesTheSameCounters() {
		var limit = new RateLimits.Limit("test-" + UUID.randomUUID(), 2, Duration.ofMinutes(1));
		new PostgresRateLimits(dataSource, jdbc, 1.0).consume(limit, "k");
		new PostgresRateLimits(dataSource, jdbc, 1.0).consume(limit, "k");
		assertThatThrownBy(() -> new PostgresRateLimits(dataSource, jdbc, 1.0).consume(limit, "k"))
			.isInstanceOf(Refusal.class);
	}

}
