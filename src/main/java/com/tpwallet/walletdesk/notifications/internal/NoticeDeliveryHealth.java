package com.tpwallet.walletdesk.notifications.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} says DOWN when a text message or e-mail notice (a reset code,
 * a freeze notice) has waited ten minutes to be delivered: the gateway or the mail server
 * is then not taking them, and customers are not told. Read from the notices themselves.
 */
@Component("noticeDelivery")
class NoticeDeliveryHealth extends AbstractHealthIndicator {

	static final Duration WAITING_FOR = Duration.ofMinutes(10);

	private final JdbcClient jdbc;

	private final Clock clock;

	NoticeDeliveryHealth(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The notices not delivered yet. */
	record Waiting(long notices, @Nullable Instant oldest, @Nullable String lastFailure) {
	}

	/** A failure to answer (the database away) is DOWN, as the framework reports it. */
	@Override
	protected void doHealthCheck(Health.Builder health) {
		Waiting waiting = jdbc
			.sql("""
					SELECT count(*) AS notices, min(created_at) AS oldest,
					       (array_agg(failure ORDER BY created_at DESC) FILTER (WHERE failure IS NOT NULL))[1] AS last_failure
					FROM notification WHERE status = 'PENDING'""")
			.query((rs, n) -> new Waiting(rs.getLong("notices"),
					Optional.ofNullable(rs.getTimestamp("oldest")).map(Timestamp::toInstant).orElse(null),
					rs.getString("last_failure")))
			.single();
		health.up().withDetail("waiting", waiting.notices());
		Instant oldest = waiting.oldest();
		if (oldest == null) {
			return;
		}
		health.withDetail("oldestWaitingSince", oldest.toString())
			.withDetail("lastFailure", Objects.toString(waiting.lastFailure(), ""));
		if (oldest.isBefore(clock.instant().minus(WAITING_FOR))) {
			health.down();
		}
	}

}
