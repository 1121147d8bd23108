package com.tpwallet.walletdesk.telephony.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Inbound calls per queue and hour for supervisors: offered, answered, missed (abandoned
 * included), average wait, average handle time and the service level (answered within 20
 * seconds, of those offered).
 */
@Component
class CallStatistics {

	static final int SERVICE_LEVEL_SECONDS = 20;

	private final JdbcClient jdbc;

	private final Clock clock;

	CallStatistics(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	record Hour(String queue, Instant hour, long offered, long answered, long missed,
			@Nullable Double averageWaitSeconds, @Nullable Double averageHandleSeconds, @Nullable Double serviceLevel) {
	}

	private static @Nullable Double number(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
		double value = rs.getDouble(column);
		return rs.wasNull() ? null : value;
	}

	/** The last {@code hours} hours, newest first. */
	List<Hour> lastHours(int hours) {
		Instant since = clock.instant().minus(Duration.ofHours(hours));
		return jdbc
			.sql("""
					SELECT coalesce(queue, '') AS queue, date_trunc('hour', started_at) AS hour, count(*) AS offered,
					  count(answered_at) AS answered,
					  count(*) FILTER (WHERE state IN ('missed', 'abandoned')) AS missed,
					  avg(extract(epoch FROM coalesce(answered_at, ended_at) - started_at)) AS wait,
					  avg(extract(epoch FROM ended_at - answered_at)) FILTER (WHERE answered_at IS NOT NULL) AS handle,
					  count(*) FILTER (WHERE answered_at - started_at <= make_interval(secs => ?))::float / count(*) AS level
					FROM phone_call WHERE direction = 'in' AND state <> 'rejected' AND started_at >= ?
					GROUP BY 1, 2 ORDER BY 2 DESC, 1""")
			.params(SERVICE_LEVEL_SECONDS, Timestamp.from(since))
			.query((rs, n) -> new Hour(rs.getString("queue"), rs.getTimestamp("hour").toInstant(),
					rs.getLong("offered"), rs.getLong("answered"), rs.getLong("missed"), number(rs, "wait"),
					number(rs, "handle"), number(rs, "level")))
			.list();
	}

}
