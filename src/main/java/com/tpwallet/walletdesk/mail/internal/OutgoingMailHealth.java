package com.tpwallet.walletdesk.mail.internal;

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
 * {@code /actuator/health} says DOWN when mail the outbox could not send has waited for
 * ten minutes and no mail has left since: answers are then not reaching customers. Read
 * from the outbox, not by opening a session with the mail server on every health check
 * (Spring Boot's own mail indicator, switched off): that cost a connection and a login at
 * the provider per check, and told nothing of the mail actually waiting.
 */
@Component("outgoingMail")
class OutgoingMailHealth extends AbstractHealthIndicator {

	private final JdbcClient jdbc;

	private final Clock clock;

	OutgoingMailHealth(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * The queued mails, of them those that have failed at least once, and whether any
	 * mail was sent after the oldest of those was written.
	 */
	record Waiting(long mails, long failing, @Nullable Instant oldestFailing, @Nullable String lastError,
			boolean sentSince) {
	}

	/** A failure to answer (the database away) is DOWN, as the framework reports it. */
	@Override
	protected void doHealthCheck(Health.Builder health) {
		Waiting waiting = jdbc.sql("""
				WITH queued AS (
				  SELECT count(*) AS mails, count(*) FILTER (WHERE attempts > 0) AS failing,
				    min(created_at) FILTER (WHERE attempts > 0) AS oldest_failing,
				    (array_agg(last_error ORDER BY next_attempt_at DESC) FILTER (WHERE attempts > 0))[1] AS last_error
				  FROM mail_outbox WHERE status = 'queued')
				SELECT q.*, EXISTS (SELECT FROM mail_outbox m WHERE m.status = 'sent' AND m.sent_at > q.oldest_failing
				                      AND m.sent_at <= ?) AS sent_since
				FROM queued q""")
			.param(Timestamp.from(clock.instant()))
			.query((rs, n) -> new Waiting(rs.getLong("mails"), rs.getLong("failing"),
					SqlTime.instant(rs, "oldest_failing"), rs.getString("last_error"), rs.getBoolean("sent_since")))
			.single();
		health.up().withDetail("waiting", waiting.mails());
		Instant oldest = waiting.oldestFailing();
		if (oldest == null) {
			return;
		}
		health.withDetail("failing", waiting.failing())
			.withDetail("oldestFailingSince", oldest.toString())
			.withDetail("lastError", Objects.toString(waiting.lastError(), ""));
		// one address the server keeps putting off (greylisting) while the rest leaves
		// is not an outage
		if (DeliveryOutage.isOutage(oldest, waiting.sentSince(), clock.instant())) {
			health.down();
		}
	}

}
