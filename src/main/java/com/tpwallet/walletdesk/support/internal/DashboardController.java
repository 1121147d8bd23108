package com.tpwallet.walletdesk.support.internal;

import com.tpwallet.walletdesk.identity.IdentityApi;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The supervisor's numbers over the last 30 days: load, breaches, response and resolution
 * times, CSAT.
 */
@RestController
@Tag(name = "Staff: dashboard")
class DashboardController {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final IdentityApi identity;

	DashboardController(JdbcClient jdbc, Clock clock, IdentityApi identity) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.identity = identity;
	}

	record Times(Double median, Double p90) {
	}

	record Dashboard(List<Map<String, Object>> openPerQueue, Map<String, Object> breaches, Times firstResponseMinutes,
			Times resolutionMinutes, Map<String, Object> satisfaction, List<Map<String, Object>> agentLoad,
			List<Map<String, Object>> recentTickets) {
	}

	@GetMapping("/api/v1/staff/dashboard")
	@PreAuthorize("hasRole('SUPERVISOR')")
	@Operation(
			summary = "Supervisor dashboard: open tickets per queue, SLA breaches, first-response and resolution times (median, p90), CSAT, agent load (last 30 days)")
	Dashboard dashboard() {
		Timestamp since = Timestamp.from(clock.instant().minus(Duration.ofDays(30)));
		List<Map<String, Object>> perQueue = jdbc
			.sql("""
					SELECT queue_id AS queue, count(*) AS open FROM ticket WHERE status IN ('new', 'open', 'pending', 'on_hold')
					GROUP BY queue_id ORDER BY count(*) DESC, queue_id""")
			.query()
			.listOfRows();
		Map<String, Object> breaches = jdbc
			.sql("""
					SELECT count(*) FILTER (WHERE first_response_breached) AS "firstResponse",
					       count(*) FILTER (WHERE resolution_breached) AS resolution,
					       count(*) FILTER (WHERE status IN ('new', 'open') AND (first_response_breached OR resolution_breached)) AS "openBreached"
					FROM ticket WHERE created_at >= ?""")
			.param(since)
			.query()
			.singleRow();
		Times first = times("EXTRACT(EPOCH FROM first_responded_at - created_at) / 60",
				"first_responded_at IS NOT NULL", since);
		Times resolution = times("EXTRACT(EPOCH FROM solved_at - created_at) / 60", "solved_at IS NOT NULL", since);
		Map<String, Object> csat = jdbc.sql("""
				SELECT round(avg(csat_score)::numeric, 2) AS average, count(csat_score) AS count,
				       array[count(*) FILTER (WHERE csat_score = 1), count(*) FILTER (WHERE csat_score = 2),
				             count(*) FILTER (WHERE csat_score = 3), count(*) FILTER (WHERE csat_score = 4),
				             count(*) FILTER (WHERE csat_score = 5)] AS distribution
				FROM ticket WHERE created_at >= ?""")
			.param(since)
			.query((rs, n) -> Map.<String, Object>of("average",
					rs.getBigDecimal("average") == null ? 0 : rs.getBigDecimal("average"), "count", rs.getLong("count"),
					"distribution", rs.getArray("distribution").getArray()))
			.single();
		List<Map<String, Object>> load = jdbc.sql("""
				SELECT t.assignee_id AS "agentId", count(*) AS open, coalesce(p.available, TRUE) AS available,
				       coalesce(p.capacity, 10) AS capacity
				FROM ticket t LEFT JOIN agent_presence p ON p.staff_id = t.assignee_id
				WHERE t.assignee_id IS NOT NULL AND t.status IN ('new', 'open', 'pending', 'on_hold')
				GROUP BY t.assignee_id, p.available, p.capacity ORDER BY count(*) DESC""")
			.query()
			.listOfRows()
			.stream()
			.map(row -> {
				Map<String, Object> named = new java.util.LinkedHashMap<>(row);
				named.put("name",
						identity.staffMember((java.util.UUID) row.get("agentId"))
							.map(m -> m.displayName())
							.orElse("?"));
				return (Map<String, Object>) named;
			})
			.toList();
		List<Map<String, Object>> recent = jdbc
			.sql("""
					SELECT number, subject, queue_id AS queue, status, priority, (first_response_breached OR resolution_breached) AS breached,
					       created_at AS "createdAt"
					FROM ticket ORDER BY number DESC LIMIT 15""")
			.query()
			.listOfRows();
		return new Dashboard(perQueue, breaches, first, resolution, csat, load, recent);
	}

	private Times times(String minutes, String condition, Timestamp since) {
		return jdbc
			.sql("SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY " + minutes + ") AS median, "
					+ "percentile_cont(0.9) WITHIN GROUP (ORDER BY " + minutes + ") AS p90 FROM ticket WHERE "
					+ condition + " AND created_at >= ?")
			.param(since)
			.query((rs, n) -> new Times(nullable(rs.getDouble("median"), rs.wasNull()),
					nullable(rs.getDouble("p90"), rs.wasNull())))
			.single();
	}

	private static Double nullable(double value, boolean wasNull) {
		return wasNull ? null : Math.round(value * 10) / 10.0;
	}

}
