package com.tpwallet.walletdesk.support.internal;

import com.tpwallet.walletdesk.platform.ProblemCodes;
import com.tpwallet.walletdesk.platform.Refusal;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.RequestParam;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
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

	private final SupervisorDashboard dashboard;

	DashboardController(SupervisorDashboard dashboard) {
		this.dashboard = dashboard;
	}

	@GetMapping("/api/v1/staff/dashboard")
	@PreAuthorize("hasRole('SUPERVISOR')")
	@Operation(
			summary = "Supervisor dashboard: open tickets per queue, SLA breaches, first-response and resolution times (median, p90), CSAT, agent load, conversations that needed a person speaking the customer's language by reason, and a trend per day (opened, solved, breached, CSAT) — for tickets opened from {from} to {to} (Beijing dates, inclusive; default the last 30 days; at most 366 days)")
	@ProblemCodes(kind = Refusal.Kind.RULE, value = "dashboard_range_invalid")
	SupervisorDashboard.Figures dashboard(
			@RequestParam(required = false) @org.springframework.format.annotation.DateTimeFormat(
					iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE) java.time.@Nullable LocalDate from,
			@RequestParam(required = false) @org.springframework.format.annotation.DateTimeFormat(
					iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE) java.time.@Nullable LocalDate to) {
		return dashboard.figures(from, to);
	}

}
