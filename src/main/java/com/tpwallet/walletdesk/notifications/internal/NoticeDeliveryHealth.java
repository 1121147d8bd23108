package com.tpwallet.walletdesk.notifications.internal;

import com.tpwallet.walletdesk.platform.DeliveryOutage;
import com.tpwallet.walletdesk.platform.SqlTime;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} says DOWN when a text message or e-mail notice (a reset code,
 * a freeze notice) has waited ten minutes and none written after it has been delivered
 * either: the gateway or the mail server is then not taking them, and customers are not
 * told. One notice the gateway keeps refusing (a number that does not exist) while the
 * others leave is not an outage; nor is one older than a day, which is given up by then
 * ({@link NotificationService#TRIED_FOR}). Read from the notices themselves.
 */
@Component("noticeDelivery")
class NoticeDeliveryHealth extends AbstractHealthIndicator {

	private final JdbcClient jdbc;

	private final Clock clock;

	NoticeDeliveryHealth(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * The notices of the last day not delivered yet, and whether any written after the
	 * oldest of them was.
	 */
	record Waiting(long notices, @Nullable Instant oldest, @Nullable String lastFailure, boolean deliveredSince) {
	}

	/** A failure to answer (the database away) is DOWN, as the framework reports it. */
	@Override
	protected void doHealthCheck(Health.Builder health) {
		Waiting waiting = jdbc.sql("""
				WITH waiting AS (
				  SELECT count(*) AS notices, min(created_at) AS oldest,
				    (array_agg(failure ORDER BY created_at DESC) FILTER (WHERE failure IS NOT NULL))[1] AS last_failure
				  FROM notification WHERE status = 'PENDING' AND created_at > ?)
				SELECT w.*, EXISTS (SELECT FROM notification n WHERE n.status = 'DELIVERED' AND n.channel <> 'INAPP'
				                      AND n.created_at > w.oldest AND n.created_at <= ?) AS delivered_since
				FROM waiting w""")
			.params(Timestamp.from(clock.instant().minus(NotificationService.TRIED_FOR)),
					Timestamp.from(clock.instant()))
			.query((rs, n) -> new Waiting(rs.getLong("notices"), SqlTime.instant(rs, "oldest"),
					rs.getString("last_failure"), rs.getBoolean("delivered_since")))
			.single();
		health.up().withDetail("waiting", waiting.notices());
		Instant oldest = waiting.oldest();
		if (oldest == null) {
			return;
		}
		health.withDetail("oldestWaitingSince", oldest.toString())
			.withDetail("lastFailure", Objects.toString(waiting.lastFailure(), ""));
		if (DeliveryOutage.isOutage(oldest, waiting.deliveredSince(), clock.instant())) {
			health.down();
		}
	}

}
