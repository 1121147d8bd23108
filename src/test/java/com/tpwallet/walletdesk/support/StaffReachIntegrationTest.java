package com.tpwallet.walletdesk.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.tpwallet.walletdesk.Api;
import com.tpwallet.walletdesk.Api.Response;
import com.tpwallet.walletdesk.HttpTestBase;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One rule for staff reading a customer: agents reach the customers, tickets and queues
 * of their languages.
 */
class StaffReachIntegrationTest extends HttpTestBase {

	String germanPhone;

	String germanId;

	String customerToken;

	String staff(String role, String... languages) {
		String username = "reach." + ThreadLocalRandom.current().nextInt(1_000_000);
		api.post("/api/v1/admin/staff", Map.of("username", username, "displayName", username, "password", Api.PASSWORD,
				"role", role, "languages", List.of(languages)), api.adminToken());
		return api.login(username, Api.PASSWORD);
	}

	@BeforeEach
	void aGermanCustomer() {
		germanPhone = api.registerCustomer("de");
		customerToken = api.login(germanPhone, Api.PASSWORD);
		germanId = api.get("/api/v1/me", customerToken).text("id");
	}

	@Test
	void anAgentReachesOnlyCustomersOfTheLanguagesTheyServe() {
		String english = staff("AGENT", "en");
		String german = staff("AGENT", "de", "en");
		String supervisor = staff("SUPERVISOR", "en");
		for (String path : List.of("/api/v1/staff/customers/" + germanId,
				"/api/v1/staff/customers/" + germanId + "/wallet")) {
			Response refused = api.get(path, english);
			assertThat(refused.status()).as(path).isEqualTo(404);
			assertThat(refused.code()).isEqualTo("customer_not_found");
			assertThat(api.get(path, german).status()).as(path).isEqualTo(200);
			assertThat(api.get(path, supervisor).status()).as(path).isEqualTo(200);
		}
		assertThat(api.get("/api/v1/staff/customers?q=" + germanPhone.replace("+", "%2B"), english).body()).isEmpty();
		assertThat(api.get("/api/v1/staff/customers?q=" + germanPhone.replace("+", "%2B"), german).body()).hasSize(1);
		assertThat(
				api.post("/api/v1/staff/customers/" + germanId + "/password-reset", Map.of("channel", "sms"), english)
					.status())
			.isEqualTo(404);
		assertThat(api
			.post("/api/v1/staff/customers/" + germanId + "/unlock", Map.of("checks", List.of("sms_code")), english)
			.status()).isEqualTo(404);
	}

	@Test
	void theCustomer360ListsOnlyTheOtherTicketsInTheAgentsLanguages() {
		String englishTicket = api
			.post("/api/v1/tickets", Map.of("subject", "Card question", "message", "How do I add a card?", "language",
					"en", "topic", "payments"), customerToken)
			.text("id");
		api.post("/api/v1/tickets", Map.of("subject", "Geheime Auszahlungsfrage", "message", "Wo ist meine Auszahlung?",
				"language", "de", "topic", "withdrawals"), customerToken);
		api.post("/api/v1/tickets", Map.of("subject", "Another English matter", "message", "Where is my top-up?",
				"language", "en", "topic", "payments"), customerToken);
		Response view = api.get("/api/v1/staff/tickets/" + englishTicket + "/customer", staff("AGENT", "en"));
		assertThat(view.status()).isEqualTo(200);
		assertThat(view.body().toString()).doesNotContain("Geheime Auszahlungsfrage");
		assertThat(view.body().path("pastTickets").findValuesAsString("subject"))
			.containsExactly("Another English matter");
	}

	@Test
	void anAgentCannotMoveATicketIntoAQueueTheyCannotSee() {
		String ticket = api
			.post("/api/v1/tickets", Map.of("subject", "Card question", "message", "How do I add a card?", "language",
					"en", "topic", "payments"), customerToken)
			.text("id");
		Response moved = api.call("PATCH", "/api/v1/staff/tickets/" + ticket, Map.of("queue", "payments-de"),
				staff("AGENT", "en"));
		assertThat(moved.status()).isEqualTo(403);
		assertThat(moved.code()).isEqualTo("ticket_queue_forbidden");
		assertThat(api
			.call("PATCH", "/api/v1/staff/tickets/" + ticket, Map.of("queue", "general-en"), staff("AGENT", "en"))
			.status()).isEqualTo(200);
		assertThat(api
			.call("PATCH", "/api/v1/staff/tickets/" + ticket, Map.of("queue", "payments-de"), staff("SUPERVISOR", "en"))
			.status()).isEqualTo(200);
	}

}
