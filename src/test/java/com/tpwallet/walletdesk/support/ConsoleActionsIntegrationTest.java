package com.tpwallet.walletdesk.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.tpwallet.walletdesk.Api;
import com.tpwallet.walletdesk.HttpTestBase;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * What an agent does from the console besides replying: merge a customer's duplicate
 * tickets, open a ticket for a customer on the phone, and come back to saved views.
 */
class ConsoleActionsIntegrationTest extends HttpTestBase {

	private JsonNode open(String token, String subject, String message) {
		return api.post("/api/v1/tickets", Map.of("subject", subject, "message", message, "language", "en"), token)
			.body();
	}

	@Test
	void aDuplicateIsMergedIntoTheTicketThatStaysAndClosedWithAPointer() {
		String token = api.login(api.registerCustomer("en"), Api.PASSWORD);
		JsonNode kept = open(token, "Card refused", "My card is refused at the shop");
		JsonNode duplicate = open(token, "Card still refused", "Tried again, still refused");
		String supervisor = api.staffToken("SUPERVISOR");

		Api.Response merged = api.post("/api/v1/staff/tickets/" + duplicate.path("id").asString() + "/merge",
				Map.of("into", kept.path("number").asLong()), supervisor);
		assertThat(merged.status()).isEqualTo(200);
		assertThat(merged.text("id")).isEqualTo(kept.path("id").asString());

		List<String> keptBodies = api.get("/api/v1/staff/tickets/" + kept.path("id").asString(), supervisor)
			.body()
			.path("entries")
			.findValuesAsString("body");
		assertThat(keptBodies).containsExactly("My card is refused at the shop", "Tried again, still refused",
				"merged_from:" + duplicate.path("number").asLong());
		JsonNode closed = api.get("/api/v1/staff/tickets/" + duplicate.path("id").asString(), supervisor).body();
		assertThat(closed.path("ticket").path("status").asString()).isEqualTo("closed");
		assertThat(closed.path("entries").findValuesAsString("body"))
			.endsWith("merged_into:" + kept.path("number").asLong());
		// the customer sees the conversation whole on the ticket that stays
		assertThat(api.get("/api/v1/tickets/" + kept.path("id").asString(), token).body().toString())
			.contains("Tried again, still refused");
	}

	@Test
	void ticketsOfAnotherCustomerOrTheTicketItselfAreNotMerged() {
		String token = api.login(api.registerCustomer("en"), Api.PASSWORD);
		String other = api.login(api.registerCustomer("en"), Api.PASSWORD);
		JsonNode mine = open(token, "Top-up failed", "My top-up failed");
		JsonNode theirs = open(other, "Top-up failed", "Mine too");
		String supervisor = api.staffToken("SUPERVISOR");
		String path = "/api/v1/staff/tickets/" + mine.path("id").asString() + "/merge";
		assertThat(api.post(path, Map.of("into", theirs.path("number").asLong()), supervisor).code())
			.isEqualTo("ticket_merge_other_requester");
		assertThat(api.post(path, Map.of("into", mine.path("number").asLong()), supervisor).code())
			.isEqualTo("ticket_merge_same");
		assertThat(api.post(path, Map.of("into", 0), supervisor).status()).isEqualTo(400);
		assertThat(api.get("/api/v1/staff/tickets/" + mine.path("id").asString(), supervisor)
			.body()
			.path("ticket")
			.path("status")
			.asString()).isEqualTo("new");
	}

	@Test
	void anAgentOpensATicketForACustomerOnThePhoneAndItIsTheirsWithTheirNote() {
		String phone = api.registerCustomer("en");
		String token = api.login(phone, Api.PASSWORD);
		String customerId = api.get("/api/v1/me", token).text("id");
		String agent = api.staffToken("AGENT");
		Api.Response opened = api.post("/api/v1/staff/customers/" + customerId + "/tickets", Map.of("subject",
				"Withdrawal not arrived", "message", "Called: withdrawal of 300 CNY on Monday", "topic", "withdrawals"),
				agent);
		assertThat(opened.status()).isEqualTo(201);
		assertThat(opened.text("channel")).isEqualTo("phone");
		assertThat(opened.text("queue")).isEqualTo("withdrawals-en");
		assertThat(opened.text("customerId")).isEqualTo(customerId);
		JsonNode detail = api.get("/api/v1/staff/tickets/" + opened.text("id"), agent).body();
		assertThat(detail.path("entries").get(0).path("kind").asString()).isEqualTo("note");
		assertThat(api.get("/api/v1/tickets", token).body().path("items").findValuesAsString("subject"))
			.contains("Withdrawal not arrived");
		assertThat(api.get("/api/v1/tickets/" + opened.text("id"), token).body().toString())
			.doesNotContain("Called: withdrawal");
	}

	@Test
	void savedViewsFindMyOpenTicketsAndThoseWaitingOverAnHour() {
		clock.setTo(clock.instant().minus(Duration.ofHours(2)));
		String token = api.login(api.registerCustomer("en"), Api.PASSWORD);
		JsonNode waiting = open(token, "Waiting since a while", "Still nobody answered");
		clock.reset();
		JsonNode fresh = open(token, "Just now", "A new question");
		String name = "views." + java.util.concurrent.ThreadLocalRandom.current().nextInt(1_000_000);
		String me = api
			.post("/api/v1/admin/staff",
					Map.of("username", name, "displayName", name, "password", Api.PASSWORD, "role", "AGENT",
							"languages", List.of("en")),
					api.adminToken())
			.text("id");
		String agent = api.login(name, Api.PASSWORD);
		// an agent takes a ticket for themself
		assertThat(api
			.call("PATCH", "/api/v1/staff/tickets/" + fresh.path("id").asString(), Map.of("assigneeId", me), agent)
			.status()).isEqualTo(200);

		List<String> waitingLong = api.get("/api/v1/staff/tickets?sla=waiting_long&limit=200", agent)
			.body()
			.path("items")
			.findValuesAsString("id");
		assertThat(waitingLong).contains(waiting.path("id").asString()).doesNotContain(fresh.path("id").asString());
		JsonNode myOpen = api.get("/api/v1/staff/tickets?mine=true&limit=200", agent).body().path("items");
		assertThat(myOpen.findValuesAsString("id")).containsExactly(fresh.path("id").asString());
		assertThat(myOpen.findValuesAsString("assigneeId")).containsOnly(me);
	}

}
