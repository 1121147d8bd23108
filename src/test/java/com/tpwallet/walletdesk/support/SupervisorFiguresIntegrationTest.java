package com.tpwallet.walletdesk.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.tpwallet.walletdesk.Api;
import com.tpwallet.walletdesk.HttpTestBase;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The supervisor's figures cover a chosen range of days with a point per day, and each
 * drills down to the tickets behind it.
 */
class SupervisorFiguresIntegrationTest extends HttpTestBase {

	@Test
	void theFiguresCoverTheChosenDaysWithATrendAndDrillDownToTheirTickets() {
		// opened on Tuesday 3 March 2026, 10:00 in Beijing, and rated 2 stars
		clock.setTo(Instant.parse("2026-03-03T02:00:00Z"));
		String token = api.login(api.registerCustomer("en"), Api.PASSWORD);
		JsonNode ticket = api
			.post("/api/v1/tickets", Map.of("subject", "Top-up on 3 March", "message", "It failed", "language", "en"),
					token)
			.body();
		String supervisor = api.staffToken("SUPERVISOR");
		api.call("PATCH", "/api/v1/staff/tickets/" + ticket.path("id").asString(), Map.of("status", "solved"),
				supervisor);
		api.post("/api/v1/tickets/" + ticket.path("id").asString() + "/satisfaction", Map.of("score", 2), token);
		clock.reset();
		supervisor = api.staffToken("SUPERVISOR"); // the other one expired in March

		JsonNode figures = api.get("/api/v1/staff/dashboard?from=2026-03-01&to=2026-03-07", supervisor).body();
		assertThat(figures.path("from").asString()).as(figures.toString()).isEqualTo("2026-03-01");
		assertThat(figures.path("trend")).hasSize(7);
		JsonNode tuesday = figures.path("trend").get(2);
		assertThat(tuesday.path("day").asString()).isEqualTo("2026-03-03");
		assertThat(tuesday.path("created").asLong()).isPositive();
		assertThat(tuesday.path("solved").asLong()).isPositive();
		assertThat(figures.path("satisfaction").path("distribution").get(1).asLong()).isPositive();

		// the 2-star bar and the day drill down to this ticket
		assertThat(
				api.get("/api/v1/staff/tickets?csat=2&from=2026-03-01&to=2026-03-07&status=solved,closed", supervisor)
					.body()
					.path("items")
					.findValuesAsString("id"))
			.contains(ticket.path("id").asString());
		assertThat(api.get("/api/v1/staff/tickets?from=2026-03-03&to=2026-03-03&status=solved", supervisor)
			.body()
			.path("items")
			.findValuesAsString("id")).contains(ticket.path("id").asString());
		assertThat(api.get("/api/v1/staff/tickets?from=2026-03-04&to=2026-03-07&status=solved", supervisor)
			.body()
			.path("items")
			.findValuesAsString("id")).doesNotContain(ticket.path("id").asString());
	}

	@Test
	void aRangeThatEndsBeforeItStartsOrSpansMoreThanAYearIsRefused() {
		String supervisor = api.staffToken("SUPERVISOR");
		Api.Response backwards = api.get("/api/v1/staff/dashboard?from=2026-03-07&to=2026-03-01", supervisor);
		assertThat(backwards.status()).isEqualTo(422);
		assertThat(backwards.code()).isEqualTo("dashboard_range_invalid");
		assertThat(api.get("/api/v1/staff/dashboard?from=2024-01-01&to=2026-03-01", supervisor).code())
			.isEqualTo("dashboard_range_invalid");
		assertThat(api.get("/api/v1/staff/dashboard?from=yesterday", supervisor).status()).isEqualTo(400);
		assertThat(api.get("/api/v1/staff/dashboard", supervisor).body().path("trend")).hasSize(30);
	}

}
