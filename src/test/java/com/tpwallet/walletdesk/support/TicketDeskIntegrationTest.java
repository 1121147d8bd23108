package com.tpwallet.walletdesk.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.tpwallet.walletdesk.Api;
import com.tpwallet.walletdesk.Api.Response;
import com.tpwallet.walletdesk.HttpTestBase;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

class TicketDeskIntegrationTest extends HttpTestBase {

	record Staff(String id, String token) {
	}

	Staff staff(String role, List<String> languages) {
		String username = role.toLowerCase() + ".desk." + ThreadLocalRandom.current().nextLong(1_000_000_000_000L);
		Response created = api.post("/api/v1/admin/staff", Map.of("username", username, "displayName", username,
				"password", Api.PASSWORD, "role", role, "languages", languages), api.adminToken());
		return new Staff(created.text("id"), api.login(username, Api.PASSWORD));
	}

	String customer(String language) {
		return api.login(api.registerCustomer(language), Api.PASSWORD);
	}

	Response open(String token, String subject, String message, String language) {
		return api.post("/api/v1/tickets", Map.of("subject", subject, "message", message, "language", language), token);
	}

	@Test
	void customersSeeOnlyTheirOwnTicketsAndNeverInternalNotes() {
		String alice = customer("fr");
		String bob = customer("zh-CN");
		Response t = open(alice, "Retrait non reçu", "Mon retrait <b>n'est pas</b> arrivé <script>alert(1)</script>",
				"fr");
		assertThat(t.status()).isEqualTo(201);
		assertThat(t.body().path("number").asLong()).isPositive();
		String id = t.text("id");
		assertThat(api.get("/api/v1/tickets/" + id, bob).status()).isEqualTo(404);
		assertThat(api.get("/api/v1/tickets", bob).body().toString()).doesNotContain(id);
		assertThat(api.post("/api/v1/tickets/" + id + "/entries", Map.of("body", "hello"), bob).status())
			.isEqualTo(404);
		assertThat(api.post("/api/v1/tickets/" + id + "/entries", Map.of("body", "x", "internal", true), alice).code())
			.isEqualTo("internal_notes_staff_only");
		Staff agent = staff("AGENT", List.of("fr"));
		api.post("/api/v1/tickets/" + id + "/entries", Map.of("body", "note: check the bank", "internal", true),
				agent.token());
		api.post("/api/v1/tickets/" + id + "/entries", Map.of("body", "Votre retrait arrive demain."), agent.token());
		String seen = api.get("/api/v1/tickets/" + id, alice).body().toString();
		assertThat(seen).contains("arrive demain").doesNotContain("check the bank");
		assertThat(seen).as("customer HTML is kept as text, script removed")
			.contains("n'est pas")
			.doesNotContain("<b>", "<script", "alert(1)");
		assertThat(api.get("/api/v1/staff/tickets/" + id, agent.token()).body().toString()).contains("check the bank");
		assertThat(api.get("/api/v1/staff/tickets", alice).status()).isEqualTo(403);
	}

	@Test
	void ticketsGoToTheQueueOfTheirTopicAndLanguageAndAgentsOnlySeeTheirLanguages() {
		String customer = customer("zh-CN");
		Response t = open(customer, "提现没有到账", "我昨天提现了500元，银行卡还没收到", "zh-CN");
		Staff german = staff("AGENT", List.of("de"));
		Staff chinese = staff("AGENT", List.of("zh-CN"));
		String id = t.text("id");
		assertThat(
				api.get("/api/v1/staff/tickets/" + id, chinese.token()).body().path("ticket").path("queue").asString())
			.isEqualTo("withdrawals-zh-cn");
		assertThat(api.get("/api/v1/staff/tickets/" + id, german.token()).status()).isEqualTo(404);
		Response found = api.get(
				"/api/v1/staff/tickets?q=" + java.net.URLEncoder.encode("银行卡", java.nio.charset.StandardCharsets.UTF_8),
				chinese.token());
		assertThat(found.body().path("items").findValuesAsString("id")).contains(id);
		assertThat(api.get("/api/v1/staff/tickets?language=zh-CN", german.token()).body().path("items")).isEmpty();
		assertThat(api.get("/api/v1/staff/tickets?status=lost", chinese.token()).code())
			.isEqualTo("ticket_status_invalid");
	}

	@Test
	void assignmentGoesRoundRobinToAvailableAgentsWithCapacityWhoSpeakTheLanguage() {
		String language = "de";
		// Only this test's agents take new tickets: everyone else is away.
		jdbc.sql("""
				INSERT INTO agent_presence (staff_id, available) SELECT id, FALSE FROM staff_user
				ON CONFLICT (staff_id) DO UPDATE SET available = FALSE""").update();
		Staff a = staff("AGENT", List.of(language));
		Staff b = staff("AGENT", List.of(language));
		api.call("PUT", "/api/v1/staff/me/presence", Map.of("available", true, "capacity", 1), a.token());
		api.call("PUT", "/api/v1/staff/me/presence", Map.of("available", true, "capacity", 5), b.token());
		String customer = customer(language);
		List<String> assignees = new java.util.ArrayList<>();
		for (int i = 0; i < 3; i++) {
			String id = open(customer, "Frage " + i, "Wie lade ich mein Wallet auf?", language).text("id");
			assignees.add(api.get("/api/v1/staff/tickets/" + id, api.adminToken())
				.body()
				.path("ticket")
				.path("assigneeId")
				.asString());
		}
		assertThat(assignees).containsExactlyInAnyOrder(a.id(), b.id(), b.id()).as("a is full after one");
		api.call("PUT", "/api/v1/staff/me/presence", Map.of("available", false, "capacity", 5), b.token());
		String id = open(customer, "Frage 4", "Noch eine", language).text("id");
		assertThat(api.get("/api/v1/staff/tickets/" + id, api.adminToken())
			.body()
			.path("ticket")
			.path("assigneeId")
			.isNull()
				|| api.get("/api/v1/staff/tickets/" + id, api.adminToken())
					.body()
					.path("ticket")
					.path("assigneeId")
					.isMissingNode())
			.as("nobody available with capacity: the ticket waits in the queue")
			.isTrue();
		assertThat(api.call("PATCH", "/api/v1/staff/tickets/" + id, Map.of("assigneeId", b.id()), a.token()).code())
			.isEqualTo("reassign_supervisors_only");
		Staff supervisor = staff("SUPERVISOR", List.of("en"));
		assertThat(api.call("PATCH", "/api/v1/staff/tickets/" + id, Map.of("assigneeId", b.id()), supervisor.token())
			.text("assigneeId")).isEqualTo(b.id());
		jdbc.sql("UPDATE agent_presence SET available = TRUE").update();
	}

	@Test
	void aMacroRepliesInTheTicketsLanguageAndSetsItsStatusAndTags() {
		String customer = customer("fr");
		String id = open(customer, "Mot de passe oublié", "Je n'arrive plus à me connecter", "fr").text("id");
		Staff agent = staff("AGENT", List.of("fr"));
		Response applied = api.post("/api/v1/staff/tickets/" + id + "/macros/password-reset-steps", null,
				agent.token());
		assertThat(applied.status()).isEqualTo(200);
		assertThat(applied.body().path("ticket").path("status").asString()).isEqualTo("pending");
		assertThat(applied.body().path("ticket").path("tags").toString()).contains("password");
		assertThat(api.get("/api/v1/tickets/" + id, customer).body().toString()).contains("Mot de passe oublié",
				"code à 6 chiffres");
		assertThat(api.post("/api/v1/staff/tickets/" + id + "/macros/no-such-macro", null, agent.token()).status())
			.isEqualTo(404);
		assertThat(api.get("/api/v1/staff/macros?language=de", agent.token()).body()).hasSize(9);
	}

	@Test
	void slaBreachesEscalateAndPendingPausesTheClock() {
		String customer = customer("en");
		String breaching = open(customer, "Payment failed", "My payment failed twice", "en").text("id");
		String waiting = open(customer, "Top-up question", "Where is my top-up?", "en").text("id");
		Staff agent = staff("AGENT", List.of("en"));
		api.call("PATCH", "/api/v1/staff/tickets/" + waiting, Map.of("status", "pending"), agent.token());
		clock.advance(Duration.ofDays(5));
		// tokens expire after a day
		String token = api.login(api.registerCustomer("en"), Api.PASSWORD);
		Staff later = staff("AGENT", List.of("en"));
		assertThat(slaMonitor().run()).isPositive();
		Response breached = api.get("/api/v1/staff/tickets/" + breaching, later.token());
		assertThat(breached.body().path("ticket").path("sla").path("firstResponseBreached").asBoolean()).isTrue();
		assertThat(breached.body().path("ticket").path("priority").asString()).isEqualTo("high");
		assertThat(breached.body().path("entries").toString()).contains("sla_breached:first_response");
		Response paused = api.get("/api/v1/staff/tickets/" + waiting, later.token());
		assertThat(paused.body().path("ticket").path("sla").path("firstResponseBreached").asBoolean()).isFalse();
		assertThat(paused.body().path("ticket").path("sla").path("paused").asBoolean()).isTrue();
		assertThat(api.get("/api/v1/staff/tickets?sla=breached", later.token())
			.body()
			.path("items")
			.findValuesAsString("id")).contains(breaching);
		assertThat(token).isNotBlank();
	}

	@org.springframework.beans.factory.annotation.Autowired
	com.tpwallet.walletdesk.support.internal.SlaMonitorProbe slaMonitorProbe;

	com.tpwallet.walletdesk.support.internal.SlaMonitorProbe slaMonitor() {
		return slaMonitorProbe;
	}

	@Test
	void solvedTicketsCanBeRatedAndTheCustomer360IsAudited() {
		String customerPhone = api.registerCustomer("en");
		String customer = api.login(customerPhone, Api.PASSWORD);
		String id = open(customer, "General question", "How do I change my language?", "en").text("id");
		Staff agent = staff("AGENT", List.of("en"));
		assertThat(api.post("/api/v1/tickets/" + id + "/satisfaction", Map.of("score", 5), customer).code())
			.isEqualTo("ticket_not_solved");
		api.post("/api/v1/tickets/" + id + "/entries", Map.of("body", "Settings > Language."), agent.token());
		api.call("PATCH", "/api/v1/staff/tickets/" + id, Map.of("status", "solved"), agent.token());
		assertThat(api.post("/api/v1/tickets/" + id + "/satisfaction", Map.of("score", 9), customer).code())
			.isEqualTo("satisfaction_score_invalid");
		assertThat(api.post("/api/v1/tickets/" + id + "/satisfaction", Map.of("score", 4, "comment", "quick"), customer)
			.body()
			.path("satisfaction")
			.asInt()).isEqualTo(4);
		api.post("/api/v1/tickets/" + id + "/entries", Map.of("body", "One more thing"), customer);
		assertThat(api.get("/api/v1/tickets/" + id, customer).body().path("ticket").path("status").asString())
			.as("reopened")
			.isEqualTo("open");

		Response view = api.get("/api/v1/staff/tickets/" + id + "/customer", agent.token());
		assertThat(view.body().path("profile").path("phone").asString()).isEqualTo(customerPhone);
		assertThat(view.body().path("balances")).isNotEmpty();
		assertThat(view.body().path("recentLogins")).isNotEmpty();
		assertThat(jdbc
			.sql("SELECT count(*) FROM audit_entry WHERE action = 'staff.customer_360_viewed' AND actor_id = ?::uuid")
			.param(agent.id())
			.query(Integer.class)
			.single()).isEqualTo(1);
		Response dashboard = api.get("/api/v1/staff/dashboard", staff("SUPERVISOR", List.of("en")).token());
		assertThat(dashboard.body().path("satisfaction").path("count").asLong()).isPositive();
		assertThat(dashboard.body().path("satisfaction").path("distribution")).hasSize(5);
		assertThat(dashboard.body().path("openPerQueue").get(0).path("queue").asString()).matches("[a-z]+-[a-z-]+");
		assertThat(dashboard.body().path("recentTickets").get(0).path("createdAt").asString()).as("ISO-8601 UTC")
			.matches("\\d{4}-\\d{2}-\\d{2}T.*Z");
		assertThat(dashboard.body().path("agentLoad").findValuesAsString("name")).doesNotContain("?");
		assertThat(api.get("/api/v1/staff/dashboard", agent.token()).status()).isEqualTo(403);
	}

	@Test
	void aTicketsTimesInTheReplyToItsCreationAreTheTimesReadBackLater() {
		String customer = customer("en");
		Response created = open(customer, "Card declined", "My card was declined twice", "en");
		Response mine = api.get("/api/v1/tickets", customer);
		assertThat(mine.body().path("items").get(0).path("id").asString()).isEqualTo(created.text("id"));
		assertThat(mine.body().path("items").get(0).path("createdAt").asString()).isEqualTo(created.text("createdAt"));
		assertThat(mine.body().path("items").get(0).path("updatedAt").asString()).isEqualTo(created.text("updatedAt"));
	}

	@Test
	void emptyTicketsAreRefusedWithACode() {
		String customer = customer("en");
		Response r = api.post("/api/v1/tickets", Map.of("subject", "", "message", ""), customer);
		assertThat(r.status()).isEqualTo(400);
		assertThat(r.code()).isEqualTo("invalid_request");
		assertThat(api.post("/api/v1/tickets", Map.of("subject", "<b></b>", "message", "<script>x</script>"), customer)
			.code()).isEqualTo("ticket_empty");
	}

	@Test
	void aTicketCannotNameAnotherCustomersTransaction() {
		com.tpwallet.walletdesk.wallet.WalletFixture wallet = new com.tpwallet.walletdesk.wallet.WalletFixture(api,
				jdbc);
		com.tpwallet.walletdesk.wallet.WalletFixture.Customer victim = wallet.funded(5_000);
		String theirs = wallet.pay(victim, "m-books", 1_000, com.tpwallet.walletdesk.wallet.WalletFixture.PIN)
			.text("id");
		com.tpwallet.walletdesk.wallet.WalletFixture.Customer me = wallet.funded(5_000);
		String mine = wallet.pay(me, "m-books", 1_200, com.tpwallet.walletdesk.wallet.WalletFixture.PIN).text("id");
		Response refused = api.post("/api/v1/tickets",
				Map.of("subject", "About this payment", "message", "Please check it", "transactionId", theirs),
				me.token());
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.code()).isEqualTo("ticket_transaction_unknown");
		assertThat(jdbc.sql("SELECT count(*) FROM ticket WHERE transaction_id = ?::uuid")
			.param(theirs)
			.query(Integer.class)
			.single()).isZero();
		Response accepted = api.post("/api/v1/tickets",
				Map.of("subject", "About this payment", "message", "Please check it", "transactionId", mine),
				me.token());
		assertThat(accepted.status()).isEqualTo(201);
		assertThat(accepted.text("transactionId")).isEqualTo(mine);
	}

}
