package com.tpwallet.walletdesk.translation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tpwallet.walletdesk.Api;
import com.tpwallet.walletdesk.Api.Response;
import com.tpwallet.walletdesk.HttpTestBase;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Tickets through a local server that speaks LibreTranslate's {@code POST /translate}:
 * staff of another language read the customer's words translated (once, then stored),
 * answer in their own language and the customer receives it translated and marked; when
 * the translator fails the answer is refused and nothing reaches the customer.
 */
class MachineTranslationIntegrationTest extends HttpTestBase {

	static final LocalLibreTranslate TRANSLATOR = new LocalLibreTranslate();

	static final List<JsonNode> SEEN = TRANSLATOR.seen;

	@DynamicPropertySource
	static void translator(DynamicPropertyRegistry properties) {
		properties.add("walletdesk.translation.libretranslate.url", TRANSLATOR::url);
	}

	@AfterAll
	static void stop() {
		TRANSLATOR.stop();
	}

	String chineseAgent;

	@BeforeEach
	void reset() {
		TRANSLATOR.reset();
		String username = "agent.zh." + ThreadLocalRandom.current().nextLong(1_000_000_000L);
		api.post("/api/v1/admin/staff", Map.of("username", username, "displayName", "Wang Fang", "password",
				Api.PASSWORD, "role", "SUPERVISOR", "languages", List.of("zh-CN", "de")), api.adminToken());
		chineseAgent = api.login(username, Api.PASSWORD);
	}

	@Test
	void staffReadTheCustomersWordsTranslatedOnceAndAnswerInTheirOwnLanguage() {
		String customer = api.login(api.registerCustomer("de"), Api.PASSWORD);
		String ticket = api
			.post("/api/v1/tickets",
					Map.of("subject", "Auszahlung fehlt", "message", "Meine Auszahlung ist nicht angekommen.",
							"language", "de"),
					customer)
			.text("id");

		JsonNode entry = api.get("/api/v1/staff/tickets/" + ticket, chineseAgent).body().path("entries").get(0);
		assertThat(entry.path("body").asString()).isEqualTo("Meine Auszahlung ist nicht angekommen.");
		assertThat(entry.path("translation").asString()).isEqualTo("[zh] Meine Auszahlung ist nicht angekommen.");
		assertThat(entry.path("translatedBy").asString()).isEqualTo("libretranslate");
		assertThat(SEEN).hasSize(1);
		assertThat(SEEN.get(0).path("source").asString()).isEqualTo("de");
		assertThat(SEEN.get(0).path("format").asString()).isEqualTo("text");
		api.get("/api/v1/staff/tickets/" + ticket, chineseAgent);
		assertThat(SEEN).as("stored with the entry, not translated again").hasSize(1);

		Response reply = api.post("/api/v1/tickets/" + ticket + "/entries",
				Map.of("body", "您的提现明天到账。", "translate", true), chineseAgent);
		assertThat(reply.status()).isEqualTo(201);
		JsonNode seen = api.get("/api/v1/tickets/" + ticket, customer).body().path("entries");
		JsonNode answer = seen.get(seen.size() - 1);
		assertThat(answer.path("body").asString()).isEqualTo("[de] 您的提现明天到账。");
		assertThat(answer.path("machineTranslated").asBoolean()).isTrue();
		assertThat(answer.path("original").asString()).isEqualTo("您的提现明天到账。");
		assertThat(answer.path("originalLanguage").asString()).isEqualTo("zh-CN");
	}

	@Test
	void whenTheTranslatorFailsTheAnswerIsRefusedAndNothingReachesTheCustomer() {
		String customer = api.login(api.registerCustomer("de"), Api.PASSWORD);
		String ticket = api
			.post("/api/v1/tickets", Map.of("subject", "Frage", "message", "Wann kommt mein Geld?", "language", "de"),
					customer)
			.text("id");
		TRANSLATOR.status = 503;
		Response refused = api.post("/api/v1/tickets/" + ticket + "/entries", Map.of("body", "请稍等。", "translate", true),
				chineseAgent);
		assertThat(refused.status()).isEqualTo(503);
		assertThat(refused.code()).isEqualTo("translation_unavailable");
		assertThat(api.get("/api/v1/tickets/" + ticket, customer).body().toString()).doesNotContain("请稍等");
		// the ticket says it needs a German speaker (it sits in the German queue)
		assertThat(api.get("/api/v1/staff/tickets/" + ticket, chineseAgent).body().path("entries").toString())
			.contains("needs_speaker:de");
		// the customer's words stay readable in the original
		JsonNode entry = api.get("/api/v1/staff/tickets/" + ticket, chineseAgent).body().path("entries").get(0);
		assertThat(entry.path("body").asString()).isEqualTo("Wann kommt mein Geld?");
		assertThat(entry.path("translation").isMissingNode()).isTrue();
		JsonNode translation = api.get("/api/v1/translation/status", chineseAgent).body();
		assertThat(translation.path("translator").asString()).isEqualTo("libretranslate");
		assertThat(translation.path("fallbackInUse").asBoolean()).isTrue();
		assertThat(api.get("/api/v1/translation/status", customer).status()).isEqualTo(403);
	}

	@Test
	void aReplyWaitingForItsTranslationLeavesTheTicketOpenToTheCustomer() throws Exception {
		String customer = api.login(api.registerCustomer("de"), Api.PASSWORD);
		String ticket = api
			.post("/api/v1/tickets", Map.of("subject", "Frage", "message", "Wann kommt mein Geld?", "language", "de"),
					customer)
			.text("id");

		Response reply = customerWritesWhileTheTranslatorWaits(ticket, customer, "Noch da?", () -> api
			.post("/api/v1/tickets/" + ticket + "/entries", Map.of("body", "请稍等。", "translate", true), chineseAgent));

		assertThat(reply.status()).isEqualTo(201);
		assertThat(api.get("/api/v1/tickets/" + ticket, customer).body().path("entries").findValuesAsString("body"))
			.containsExactly("Wann kommt mein Geld?", "Noch da?", "[de] 请稍等。");
	}

	@Test
	void aMacroWhoseTicketViewWaitsForTheTranslatorLeavesTheTicketOpenToTheCustomer() throws Exception {
		String customer = api.login(api.registerCustomer("de"), Api.PASSWORD);
		String ticket = api
			.post("/api/v1/tickets",
					Map.of("subject", "Passwort", "message", "Ich habe mein Passwort vergessen.", "language", "de"),
					customer)
			.text("id");

		// the agent reads in Chinese: the ticket it gets back asks for the question's
		// translation
		Response applied = customerWritesWhileTheTranslatorWaits(ticket, customer, "Danke!",
				() -> api.post("/api/v1/staff/tickets/" + ticket + "/macros/password-reset-steps", null, chineseAgent));

		assertThat(applied.status()).isEqualTo(200);
		List<String> bodies = api.get("/api/v1/tickets/" + ticket, customer)
			.body()
			.path("entries")
			.findValuesAsString("body");
		// the question, the macro's reply and its status change, then the customer's
		// thanks
		assertThat(bodies).hasSize(4);
		assertThat(bodies.get(1)).startsWith("Hallo ");
		assertThat(bodies.subList(2, 4)).containsExactly("status:pending", "Danke!");
	}

	/**
	 * Holds the translator while a staff member acts on the ticket; once the action waits
	 * for it, the customer writes on the ticket and must be answered before the
	 * translator is. Returns the staff action's answer, once the translator has answered.
	 */
	private Response customerWritesWhileTheTranslatorWaits(String ticket, String customer, String text,
			Supplier<Response> staffAction) throws Exception {
		CountDownLatch translatorAnswers = new CountDownLatch(1);
		TRANSLATOR.hold = translatorAnswers;
		try {
			CompletableFuture<Response> staff = CompletableFuture.supplyAsync(staffAction);
			await().atMost(Duration.ofSeconds(10)).until(() -> TRANSLATOR.held.get() == 1);

			CompletableFuture<Response> meanwhile = CompletableFuture
				.supplyAsync(() -> api.post("/api/v1/tickets/" + ticket + "/entries", Map.of("body", text), customer));
			await().atMost(Duration.ofSeconds(10)).until(meanwhile::isDone);
			assertThat(meanwhile.join().status()).isEqualTo(201);

			translatorAnswers.countDown();
			return staff.get(30, TimeUnit.SECONDS);
		}
		finally {
			translatorAnswers.countDown();
		}
	}

	@Test
	void theGlossaryTermReplacesAVariantAndABrokenTicketNumberIsRejected() {
		String customer = api.login(api.registerCustomer("de"), Api.PASSWORD);
		String ticket = api
			.post("/api/v1/tickets", Map.of("subject", "Frage", "message", "Wo ist mein Geld?", "language", "de"),
					customer)
			.text("id");
		Response glossed = api.post("/api/v1/tickets/" + ticket + "/entries",
				Map.of("body", "Ihre Abhebung über 120.00 CNY kommt am 2026-12-01.", "translate", true), chineseAgent);
		assertThat(glossed.status()).isEqualTo(201);
		assertThat(glossed.text("body")).isEqualTo("[de] Ihre Auszahlung über 120.00 CNY kommt am 2026-12-01.");
		Response broken = api.post("/api/v1/tickets/" + ticket + "/entries",
				Map.of("body", "工单 #42 已处理。", "translate", true), chineseAgent);
		assertThat(broken.status()).isEqualTo(503);
		assertThat(broken.code()).isEqualTo("translation_unavailable");
		assertThat(api.get("/api/v1/tickets/" + ticket, customer).body().toString()).doesNotContain("#24");
		assertThat(api.get("/api/v1/translation/status", chineseAgent).body().path("lastFailure").asString())
			.contains("#42");
		// admins keep the glossary
		String admin = api.adminToken();
		assertThat(api
			.call("PUT", "/api/v1/admin/translation/glossary/withdrawal/de",
					Map.of("term", "Auszahlung", "variants", List.of("Abhebung", "Entnahme", "Barauszahlung")), admin)
			.status()).isEqualTo(200);
		assertThat(api.get("/api/v1/admin/translation/glossary", admin).body().toString()).contains("Barauszahlung");
	}

	@Test
	void theProductTeamReadsFeedbackQuotesInItsOwnLanguage() {
		String german = api.login(api.registerCustomer("de"), Api.PASSWORD);
		String id = api
			.post("/api/v1/feedback", Map.of("text", "Bitte einen Dunkelmodus in der App, Quote 7731"), german)
			.text("id");
		String username = "product.mt." + ThreadLocalRandom.current().nextLong(1_000_000_000L);
		api.post("/api/v1/admin/staff", Map.of("username", username, "displayName", "Li Na", "password", Api.PASSWORD,
				"role", "PRODUCT", "languages", List.of("en")), api.adminToken());
		String product = api.login(username, Api.PASSWORD);
		JsonNode quote = null;
		for (JsonNode g : api.get("/api/v1/product/feedback/report", product).body().path("groups")) {
			for (JsonNode s : g.path("samples")) {
				if (s.path("id").asString().equals(id)) {
					quote = s;
				}
			}
		}
		assertThat(quote).isNotNull();
		assertThat(quote.path("text").asString()).isEqualTo("Bitte einen Dunkelmodus in der App, Quote 7731");
		assertThat(quote.path("translation").asString())
			.isEqualTo("[en] Bitte einen Dunkelmodus in der App, Quote 7731");
		int asked = SEEN.size();
		api.get("/api/v1/product/feedback/report", product);
		assertThat(SEEN.stream().skip(asked).map(b -> b.path("q").asString())).as("stored, not translated again")
			.doesNotContain("Bitte einen Dunkelmodus in der App, Quote 7731");
	}

	@Test
	void aQuoteWaitingForItsTranslationHoldsNoTransactionOpen() throws Exception {
		String german = api.login(api.registerCustomer("de"), Api.PASSWORD);
		api.post("/api/v1/feedback", Map.of("text", "Bitte schnellere Auszahlungen, Quote 8842"), german);
		String username = "product.mt." + ThreadLocalRandom.current().nextLong(1_000_000_000L);
		api.post("/api/v1/admin/staff", Map.of("username", username, "displayName", "Li Na", "password", Api.PASSWORD,
				"role", "PRODUCT", "languages", List.of("en")), api.adminToken());
		String product = api.login(username, Api.PASSWORD);
		CountDownLatch translatorAnswers = new CountDownLatch(1);
		TRANSLATOR.hold = translatorAnswers;
		try {
			CompletableFuture<Response> report = CompletableFuture
				.supplyAsync(() -> api.get("/api/v1/product/feedback/report", product));
			await().atMost(Duration.ofSeconds(10)).until(() -> TRANSLATOR.held.get() >= 1);

			// a connection held meanwhile would sit idle in its transaction, after the
			// report's read of stored translations
			assertThat(jdbc.sql("""
					SELECT count(*) FROM pg_stat_activity
					WHERE state = 'idle in transaction' AND query LIKE '%feedback%'""").query(Long.class).single())
				.isZero();

			translatorAnswers.countDown();
			assertThat(report.get(30, TimeUnit.SECONDS).status()).isEqualTo(200);
		}
		finally {
			translatorAnswers.countDown();
		}
	}

	@Test
	void aDisputeIsNeverMachineTranslatedAndWaitsForAPersonWhoSpeaksTheLanguage() {
		String customer = api.login(api.registerCustomer("de"), Api.PASSWORD);
		String ticket = api.post("/api/v1/tickets",
				Map.of("subject", "Unbekannte Zahlung", "message",
						"Diese Zahlung über 80.00 EUR habe ich nicht gemacht.", "language", "de", "topic", "disputes"),
				customer)
			.text("id");
		long before = fallbacks("dispute");
		JsonNode entry = api.get("/api/v1/staff/tickets/" + ticket, chineseAgent).body().path("entries").get(0);
		assertThat(entry.path("translation").isMissingNode()).as("read in the customer's own words").isTrue();

		Response refused = api.post("/api/v1/tickets/" + ticket + "/entries",
				Map.of("body", "我们正在核实这笔付款。", "translate", true), chineseAgent);
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.code()).isEqualTo("translation_not_for_disputes");
		assertThat(api.get("/api/v1/tickets/" + ticket, customer).body().toString()).doesNotContain("核实");
		assertThat(api.get("/api/v1/staff/tickets/" + ticket, chineseAgent).text("needsSpeaker")).isEqualTo("de");
		assertThat(fallbacks("dispute") - before).isEqualTo(1);
		assertThat(SEEN).as("nothing of a dispute went to the translator").isEmpty();
	}

	@Test
	void theCustomerSaysATranslatedReplyIsUnclearAndAPersonWhoSpeaksTheLanguageTakesOver() {
		String customer = api.login(api.registerCustomer("de"), Api.PASSWORD);
		String ticket = api
			.post("/api/v1/tickets",
					Map.of("subject", "Aufladung", "message", "Meine Aufladung fehlt.", "language", "de"), customer)
			.text("id");
		long before = fallbacks("flagged_unclear");
		long reply = api
			.post("/api/v1/tickets/" + ticket + "/entries", Map.of("body", "请提供交易时间。", "translate", true), chineseAgent)
			.body()
			.path("id")
			.asLong();
		long own = api.get("/api/v1/tickets/" + ticket, customer).body().path("entries").get(0).path("id").asLong();
		Response nothingToFlag = api.post("/api/v1/tickets/" + ticket + "/entries/" + own + "/unclear", null, customer);
		assertThat(nothingToFlag.status()).isEqualTo(422);
		assertThat(nothingToFlag.code()).isEqualTo("entry_not_translated");

		Response flagged = api.post("/api/v1/tickets/" + ticket + "/entries/" + reply + "/unclear", null, customer);
		assertThat(flagged.status()).isEqualTo(202);
		assertThat(flagged.text("needsSpeaker")).isEqualTo("de");
		JsonNode seen = api.get("/api/v1/staff/tickets/" + ticket, chineseAgent).body();
		assertThat(seen.path("needsSpeaker").asString()).isEqualTo("de");
		assertThat(seen.path("entries").toString()).contains("needs_speaker:de");
		assertThat(fallbacks("flagged_unclear") - before).isEqualTo(1);
		assertThat(api
			.post("/api/v1/tickets/" + ticket + "/entries/" + reply + "/unclear", null,
					api.login(api.registerCustomer("de"), Api.PASSWORD))
			.status()).as("only the ticket's customer").isEqualTo(404);

		String username = "agent.de." + ThreadLocalRandom.current().nextLong(1_000_000_000L);
		api.post("/api/v1/admin/staff", Map.of("username", username, "displayName", "Jonas Weber", "password",
				Api.PASSWORD, "role", "AGENT", "languages", List.of("de")), api.adminToken());
		String german = api.login(username, Api.PASSWORD);
		assertThat(
				api.post("/api/v1/tickets/" + ticket + "/entries", Map.of("body", "Wann haben Sie aufgeladen?"), german)
					.status())
			.isEqualTo(201);
		assertThat(api.get("/api/v1/staff/tickets/" + ticket, chineseAgent).body().path("needsSpeaker").isMissingNode())
			.as("a German speaker answered")
			.isTrue();
	}

	private long fallbacks(String reason) {
		return api.get("/api/v1/staff/dashboard", chineseAgent).body().path("humanFallbacks").path(reason).asLong();
	}

	@Test
	void sameLanguageTextIsNeverSentToTheTranslator() {
		String customer = api.login(api.registerCustomer("zh-CN"), Api.PASSWORD);
		String ticket = api
			.post("/api/v1/tickets", Map.of("subject", "提现", "message", "我的提现没到账", "language", "zh-CN"), customer)
			.text("id");
		api.get("/api/v1/staff/tickets/" + ticket, chineseAgent);
		api.post("/api/v1/tickets/" + ticket + "/entries", Map.of("body", "马上为您查询。", "translate", true), chineseAgent);
		assertThat(SEEN).isEmpty();
		JsonNode entries = api.get("/api/v1/tickets/" + ticket, customer).body().path("entries");
		assertThat(entries.get(entries.size() - 1).path("machineTranslated").asBoolean()).isFalse();
	}

}
