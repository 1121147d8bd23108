package com.tpwallet.walletdesk.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tpwallet.walletdesk.Api;
import com.tpwallet.walletdesk.Api.Response;
import com.tpwallet.walletdesk.HttpTestBase;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Feedback through the API: customers' words are labelled from the fixed vocabularies,
 * the same complaint in several languages is one group, the product team reads the report
 * and the CSV, corrects labels, and ships a group (its customers are told); satisfaction
 * comments and tickets agents mark become feedback too.
 */
class FeedbackIntegrationTest extends HttpTestBase {

	String product;

	@BeforeEach
	void productTeam() {
		String username = "product." + ThreadLocalRandom.current().nextLong(1_000_000_000L);
		Response created = api.post("/api/v1/admin/staff", Map.of("username", username, "displayName", "Li Na",
				"password", Api.PASSWORD, "role", "PRODUCT", "languages", List.of("en", "zh-CN")), api.adminToken());
		assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
		product = api.login(username, Api.PASSWORD);
	}

	String customer(String language) {
		return api.login(api.registerCustomer(language), Api.PASSWORD);
	}

	Response give(String token, String text) {
		return api.post("/api/v1/feedback", Map.of("text", text, "appVersion", "3.2.1"), token);
	}

	JsonNode report(String query) {
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		Response r = api.get(
				"/api/v1/product/feedback/report?from=" + today.minusDays(7) + "&to=" + today.plusDays(1) + query,
				product);
		assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
		return r.body();
	}

	@Test
	void feedbackIsLabelledFromTheFixedVocabulariesInEachLanguage() {
		Response fr = give(customer("fr"), "L'appli plante des que j'ouvre l'historique depuis la derniere version");
		assertThat(fr.status()).isEqualTo(201);
		assertThat(fr.text("area")).isEqualTo("app_stability");
		assertThat(fr.text("kind")).isEqualTo("bug");
		assertThat(fr.text("sentiment")).isEqualTo("negative");
		assertThat(fr.text("areaText")).as("in the customer's words").isEqualTo("Stabilité de l’app");
		Response zh = give(customer("zh-CN"), "希望提现能支持支付宝");
		assertThat(zh.text("area")).isEqualTo("withdrawal");
		assertThat(zh.text("kind")).isEqualTo("feature_request");
		assertThat(zh.text("language")).isEqualTo("zh-CN");
		Response de = give(customer("de"), "Vielen Dank, der Support war super freundlich");
		assertThat(de.text("kind")).isEqualTo("praise");
		assertThat(de.text("sentiment")).isEqualTo("positive");

		Response digits = give(customer("en"), "12345");
		assertThat(digits.status()).as("words the classifier never saw are still feedback").isEqualTo(201);
		assertThat(digits.text("language")).as("no words to tell: the customer's own").isEqualTo("en");

		Response empty = give(customer("en"), "   ");
		assertThat(empty.status()).isEqualTo(400);
		assertThat(empty.code()).isEqualTo("feedback_text_required");
	}

	@Test
	void theSameComplaintInFourLanguagesIsOneGroupWithItsLanguagesAndQuotes() {
		give(customer("en"), "Withdrawals during the public holiday take days, really too slow");
		give(customer("en"), "my withdrawal over the holiday took forever");
		give(customer("fr"), "Retrait pendant les jours feries, beaucoup trop lent");
		give(customer("de"), "Auszahlung an Feiertagen dauert viel zu lange");
		give(customer("zh-CN"), "节假日提现太慢了，等了好几天");
		JsonNode groups = report("").path("groups");
		JsonNode holiday = null;
		for (JsonNode g : groups) {
			if (g.path("themes").toString().contains("holiday") && g.path("area").asString().equals("withdrawal")) {
				holiday = g;
			}
		}
		assertThat(holiday).as(groups.toString()).isNotNull();
		assertThat(holiday.path("size").asLong()).isGreaterThanOrEqualTo(5);
		assertThat(holiday.path("label").asString()).isEqualTo("Withdrawals: public holidays, takes too long");
		assertThat(holiday.path("languages").toString()).contains("zh-CN", "en", "fr", "de");
		assertThat(holiday.path("samples")).hasSize(3);
	}

	@Test
	void theProductTeamReadsCountsAndCsvAndCustomersCannot() throws Exception {
		String customer = customer("en");
		give(customer, "please add dark mode to the app");
		JsonNode report = report("&appVersion=3.2.1");
		assertThat(report.path("byKind").findValuesAsString("code")).containsExactly("bug", "feature_request",
				"complaint", "praise", "question");
		assertThat(report.path("byArea").findValuesAsString("code")).contains("withdrawal", "app_stability");
		assertThat(report.path("total").asLong()).isPositive();
		assertThat(api.get("/api/v1/product/feedback/report", customer).status()).isEqualTo(403);
		assertThat(api.get("/api/v1/product/feedback/report", api.staffToken("AGENT")).status()).isEqualTo(403);
		Response csv = api.get("/api/v1/product/feedback.csv", product, "Accept", "text/csv");
		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.raw().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
			.startsWith("created_at,source,channel")
			.contains("please add dark mode to the app");
		assertThat(api.get("/api/v1/product/feedback/report?from=2026-12-01&to=2026-11-01", product).code())
			.isEqualTo("feedback_period_invalid");
	}

	@Test
	void aScreenshotMustBeAnImageAndOnlyItsOwnerAddsIt() throws Exception {
		String owner = customer("en");
		String id = give(owner, "the transfer screen cuts off the amount").text("id");
		byte[] png = java.util.Base64.getDecoder()
			.decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
		assertThat(upload(owner, id, "fake.png", "MZ not an image".getBytes())).isEqualTo(422);
		assertThat(upload(customer("en"), id, "screen.png", png)).isEqualTo(404);
		assertThat(upload(owner, id, "screen.png", png)).isEqualTo(201);
		Response shot = api.get("/api/v1/product/feedback/" + id + "/screenshot", product, "Accept", "image/png");
		assertThat(shot.status()).isEqualTo(200);
		assertThat(shot.raw().getResponse().getContentAsByteArray()).isEqualTo(png);
	}

	int upload(String token, String id, String name, byte[] bytes) throws Exception {
		return mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
				.multipart("/api/v1/feedback/" + id + "/screenshot")
				.file(new org.springframework.mock.web.MockMultipartFile("file", name, "image/png", bytes))
				.header("Authorization", "Bearer " + token))
			.andReturn()
			.getResponse()
			.getStatus();
	}

	@Test
	void aCorrectedLabelIsKeptAndTrainsTheNextModel() {
		Response given = give(customer("en"), "the colours of the new icons are a bit odd");
		String id = given.text("id");
		// a label the classifier did not give, so that this is a correction
		String kind = given.text("kind").equals("praise") ? "complaint" : "praise";
		Response corrected = api.call("PATCH", "/api/v1/product/feedback/" + id,
				Map.of("kind", kind, "area", "app_stability"), product);
		assertThat(corrected.status()).as(corrected.body().toString()).isEqualTo(200);
		assertThat(corrected.text("kind")).isEqualTo(kind);
		assertThat(corrected.body().path("corrected").asBoolean()).isTrue();
		assertThat(jdbc.sql("SELECT count(*) FROM feedback_correction WHERE feedback_id = ?::uuid")
			.param(id)
			.query(Integer.class)
			.single()).isPositive();
		assertThat(
				api.call("PATCH", "/api/v1/staff/feedback/" + id, Map.of("kind", "wizardry"), api.staffToken("AGENT"))
					.code())
			.isEqualTo("feedback_label_invalid");
		assertThat(jdbc.sql("SELECT count(*) FROM feedback WHERE corrected AND id = ?::uuid")
			.param(id)
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void shippingAGroupTellsItsCustomersInTheirLanguage() {
		String french = customer("fr");
		String groupless = give(french, "svp ajoutez le mode sombre, mes yeux piquent le soir").text("id");
		String group = jdbc.sql("SELECT group_id::text FROM feedback WHERE id = ?::uuid")
			.param(groupless)
			.query(String.class)
			.single();
		Response shipped = api.post("/api/v1/product/feedback/groups/" + group + "/status",
				Map.of("status", "shipped", "announcement", "Version 3.3"), product);
		assertThat(shipped.status()).as(shipped.body().toString()).isEqualTo(200);
		assertThat(shipped.body().path("customersTold").asInt()).isPositive();
		assertThat(api.get("/api/v1/inbox", french).body().toString()).contains("Merci pour votre avis")
			.contains("mode sombre")
			.contains("Version 3.3");
		assertThat(api.post("/api/v1/product/feedback/groups/" + group + "/status", Map.of("status", "done"), product)
			.code()).isEqualTo("feedback_group_status_invalid");
	}

	@Test
	void aSatisfactionCommentAndATicketAnAgentMarksBecomeFeedback() {
		String customer = customer("en");
		String ticket = api
			.post("/api/v1/tickets",
					Map.of("subject", "Idea", "message", "It would be great to pay with the wallet in online shops"),
					customer)
			.text("id");
		String agent = api.staffToken("SUPERVISOR");
		// the classifier flags it for the agent to confirm
		await().atMost(Duration.ofSeconds(10))
			.until(() -> api.get("/api/v1/staff/tickets/" + ticket + "/feedback", agent)
				.text("state")
				.equals("suggested"));
		Response marked = api.post("/api/v1/staff/tickets/" + ticket + "/feedback", Map.of(), agent);
		assertThat(marked.status()).as(marked.body().toString()).isEqualTo(200);
		assertThat(marked.text("kind")).isEqualTo("feature_request");
		assertThat(api.get("/api/v1/staff/tickets/" + ticket + "/feedback", agent).text("state")).isEqualTo("given");
		api.call("PATCH", "/api/v1/staff/tickets/" + ticket, Map.of("status", "solved"), agent);
		api.post("/api/v1/tickets/" + ticket + "/satisfaction",
				Map.of("score", 2, "comment", "the agent took three days to answer, too slow"), customer);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> jdbc.sql("SELECT count(*) FROM feedback WHERE source = 'csat' AND text LIKE 'the agent took%'")
				.query(Integer.class)
				.single() == 1);
		assertThat(jdbc.sql("SELECT area FROM feedback WHERE source = 'csat' AND text LIKE 'the agent took%'")
			.query(String.class)
			.single()).isEqualTo("service_quality");
	}

}
