package com.tpwallet.walletdesk.support.internal;

import com.tpwallet.walletdesk.platform.Refusal;

import com.tpwallet.walletdesk.identity.IdentityApi;
import com.tpwallet.walletdesk.identity.StaffMember;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a supervisor watches, over the last 30 days: open tickets per queue, SLA breaches,
 * first-response and resolution times, satisfaction, each agent's load, the latest
 * tickets, and how many conversations needed a person who speaks the customer's language,
 * by reason (no translator, translator failed, over quota, check failed, flagged unclear,
 * dispute). Typed rows, one query each; agents' names come from one read of the staff
 * list, not one per row.
 */
@Service
class SupervisorDashboard {

	static final Duration PERIOD = Duration.ofDays(30);

	record QueueLoad(String queue, long open) {
	}

	record Breaches(long firstResponse, long resolution, long openBreached) {
	}

	record Times(@Nullable Double median, @Nullable Double p90) {
	}

	record Satisfaction(BigDecimal average, long count, List<Long> distribution) {
	}

	record AgentLoad(UUID agentId, long open, boolean available, int capacity, String name) {
	}

	record RecentTicket(long number, String subject, String queue, String status, String priority, boolean breached,
			Instant createdAt) {
	}

	/**
	 * One day of the range (Beijing dates): tickets opened, solved, those of the day that
	 * missed a target, and the day's average satisfaction.
	 */
	record Day(java.time.LocalDate day, long created, long solved, long breached, @Nullable BigDecimal csat) {
	}

	record Figures(java.time.LocalDate from, java.time.LocalDate to, List<QueueLoad> openPerQueue, Breaches breaches,
			Times firstResponseMinutes, Times resolutionMinutes, Satisfaction satisfaction, List<AgentLoad> agentLoad,
			List<RecentTicket> recentTickets, Map<String, Long> humanFallbacks, List<Day> trend) {
	}

	/** At most a year at once: the trend has a point per day. */
	static final int MAX_DAYS = 366;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final IdentityApi identity;

	private final SpeakerFallback fallback;

	SupervisorDashboard(JdbcClient jdbc, Clock clock, IdentityApi identity, SpeakerFallback fallback) {
		this.jdbc = jdbc;
		this.fallback = fallback;
		this.clock = clock;
		this.identity = identity;
	}

	/**
	 * The figures of tickets opened from {@code from} to {@code to} (Beijing dates,
	 * inclusive; by default the last 30 days); what is open now is now.
	 */
	@Transactional(readOnly = true)
	public Figures figures(java.time.@Nullable LocalDate from, java.time.@Nullable LocalDate to) {
		java.time.ZoneId zone = com.tpwallet.walletdesk.wallet.BusinessCalendar.ZONE;
		java.time.LocalDate last = to != null ? to : java.time.LocalDate.ofInstant(clock.instant(), zone);
		java.time.LocalDate first = from != null ? from : last.minusDays(PERIOD.toDays() - 1);
		if (first.isAfter(last) || first.plusDays(MAX_DAYS).isBefore(last)) {
			throw Refusal.unprocessable("dashboard_range_invalid", String.valueOf(MAX_DAYS));
		}
		Timestamp since = Timestamp.from(first.atStartOfDay(zone).toInstant());
		Timestamp until = Timestamp.from(last.plusDays(1).atStartOfDay(zone).toInstant());
		return new Figures(first, last, openPerQueue(), breaches(since, until),
				times("EXTRACT(EPOCH FROM first_responded_at - created_at) / 60", "first_responded_at IS NOT NULL",
						since, until),
				times("EXTRACT(EPOCH FROM solved_at - created_at) / 60", "solved_at IS NOT NULL", since, until),
				satisfaction(since, until), agentLoad(), recentTickets(),
				fallback.countsBetween(since.toInstant(), until.toInstant()), trend(since, until));
	}

	private List<Day> trend(Timestamp since, Timestamp until) {
		return jdbc.sql("""
				SELECT d::date AS day,
				       count(t.id) AS created,
				       count(t.id) FILTER (WHERE t.solved_at IS NOT NULL) AS solved,
				       count(t.id) FILTER (WHERE t.first_response_breached OR t.resolution_breached) AS breached,
				       round(avg(t.csat_score)::numeric, 2) AS csat
				FROM generate_series((?::timestamptz AT TIME ZONE 'Asia/Shanghai')::date,
				                     (?::timestamptz AT TIME ZONE 'Asia/Shanghai')::date - 1, interval '1 day') AS d
				LEFT JOIN ticket t ON t.created_at >= (d::date)::timestamp AT TIME ZONE 'Asia/Shanghai'
				  AND t.created_at < (d::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'
				GROUP BY d ORDER BY d""")
			.params(since, until)
			.query((rs, n) -> new Day(rs.getObject("day", java.time.LocalDate.class), rs.getLong("created"),
					rs.getLong("solved"), rs.getLong("breached"), rs.getBigDecimal("csat")))
			.list();
	}

	private List<QueueLoad> openPerQueue() {
		return jdbc.sql("""
				SELECT queue_id, count(*) AS open FROM ticket WHERE status IN %s
				GROUP BY queue_id ORDER BY count(*) DESC, queue_id""".formatted(Ticket.ACTIVE_SQL))
			.query((rs, n) -> new QueueLoad(rs.getString("queue_id"), rs.getLong("open")))
			.list();
	}

	private Breaches breaches(Timestamp since, Timestamp until) {
		return jdbc
			.sql("""
					SELECT count(*) FILTER (WHERE first_response_breached) AS first_response,
					       count(*) FILTER (WHERE resolution_breached) AS resolution,
					       count(*) FILTER (WHERE status IN %s AND (first_response_breached OR resolution_breached)) AS open_breached
					FROM ticket WHERE created_at >= ? AND created_at < ?"""
				.formatted(Ticket.WAITING_ON_US_SQL))
			.params(since, until)
			.query((rs, n) -> new Breaches(rs.getLong("first_response"), rs.getLong("resolution"),
					rs.getLong("open_breached")))
			.single();
	}

	private Times times(String minutes, String condition, Timestamp since, Timestamp until) {
		return jdbc
			.sql("SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY " + minutes + ") AS median, "
					+ "percentile_cont(0.9) WITHIN GROUP (ORDER BY " + minutes + ") AS p90 FROM ticket WHERE "
					+ condition + " AND created_at >= ? AND created_at < ?")
			.params(since, until)
			.query((rs, n) -> new Times(rounded(rs.getDouble("median"), rs.wasNull()),
					rounded(rs.getDouble("p90"), rs.wasNull())))
			.single();
	}

	private Satisfaction satisfaction(Timestamp since, Timestamp until) {
		return jdbc.sql("""
				SELECT round(avg(csat_score)::numeric, 2) AS average, count(csat_score) AS count,
				       array[count(*) FILTER (WHERE csat_score = 1), count(*) FILTER (WHERE csat_score = 2),
				             count(*) FILTER (WHERE csat_score = 3), count(*) FILTER (WHERE csat_score = 4),
				             count(*) FILTER (WHERE csat_score = 5)] AS distribution
				FROM ticket WHERE created_at >= ? AND created_at < ?""")
			.params(since, until)
			.query((rs, n) -> new Satisfaction(
					rs.getBigDecimal("average") == null ? BigDecimal.ZERO : rs.getBigDecimal("average"),
					rs.getLong("count"), Arrays.stream((Long[]) rs.getArray("distribution").getArray()).toList()))
			.single();
	}

	private List<AgentLoad> agentLoad() {
		Map<UUID, String> names = identity.staffMembers()
			.stream()
			.collect(Collectors.toMap(StaffMember::id, StaffMember::displayName, (a, b) -> a));
		return jdbc.sql("""
				SELECT t.assignee_id, count(*) AS open, coalesce(p.available, TRUE) AS available,
				       coalesce(p.capacity, 10) AS capacity
				FROM ticket t LEFT JOIN agent_presence p ON p.staff_id = t.assignee_id
				WHERE t.assignee_id IS NOT NULL AND t.status IN %s
				GROUP BY t.assignee_id, p.available, p.capacity ORDER BY count(*) DESC""".formatted(Ticket.ACTIVE_SQL))
			.query((rs, n) -> {
				UUID agent = rs.getObject("assignee_id", UUID.class);
				return new AgentLoad(agent, rs.getLong("open"), rs.getBoolean("available"), rs.getInt("capacity"),
						names.getOrDefault(agent, "?"));
			})
			.list();
	}

	private List<RecentTicket> recentTickets() {
		return jdbc
			.sql("""
					SELECT number, subject, queue_id, status, priority, (first_response_breached OR resolution_breached) AS breached,
					       created_at
					FROM ticket ORDER BY number DESC LIMIT 15""")
			.query((rs, n) -> new RecentTicket(rs.getLong("number"), rs.getString("subject"), rs.getString("queue_id"),
					rs.getString("status"), rs.getString("priority"), rs.getBoolean("breached"),
					rs.getTimestamp("created_at").toInstant()))
			.list();
	}

	private static @Nullable Double rounded(double value, boolean wasNull) {
		return wasNull ? null : Math.round(value * 10) / 10.0;
	}

}
