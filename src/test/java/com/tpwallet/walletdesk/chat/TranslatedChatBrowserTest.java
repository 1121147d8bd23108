package com.tpwallet.walletdesk.chat;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.tpwallet.walletdesk.Api;
import com.tpwallet.walletdesk.BrowserTestBase;
import com.tpwallet.walletdesk.translation.LocalLibreTranslate;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * In Chromium, with a LibreTranslate server: a German customer chats with an agent who
 * speaks only Chinese. Each reads the other in their own language, marked as machine
 * translation with the original at hand; when the customer finds a translation unclear,
 * or the translator fails, the chat goes back to the queue for a German speaker, and the
 * customer is told so rather than left without an answer.
 */
class TranslatedChatBrowserTest extends BrowserTestBase {

	static final LocalLibreTranslate TRANSLATOR = new LocalLibreTranslate();

	@DynamicPropertySource
	static void translator(DynamicPropertyRegistry properties) {
		properties.add("walletdesk.translation.libretranslate.url", TRANSLATOR::url);
	}

	@AfterAll
	static void stop() {
		TRANSLATOR.stop();
	}

	Api api;

	String agentName;

	@BeforeEach
	void chineseSpeakingAgent() {
		TRANSLATOR.reset();
		// Tuesday 10:00 in Beijing: the desk is open
		clock.setTo(Instant.parse("2026-11-24T02:00:00Z"));
		api = new Api(mvc);
		agentName = "chat.zh.mt." + ThreadLocalRandom.current().nextInt(1_000_000);
		api.post("/api/v1/admin/staff", Map.of("username", agentName, "displayName", "王芳", "password", Api.PASSWORD,
				"role", "AGENT", "languages", List.of("zh-CN")), api.adminToken());
	}

	@Test
	void aGermanCustomerChatsWithAChineseSpeakingAgentThroughTranslation() throws Exception {
		String phone = api.registerCustomer("de");
		Page customer = page();
		customer.navigate(url("/help/tickets?lang=de"));
		signIn(customer, phone, Api.PASSWORD);
		assertThat(customer.locator("#my-tickets")).isVisible();
		customer.click("#wd-chat-open");
		customer.fill("#wd-chat-input", "Meine Auszahlung ist nicht angekommen");
		customer.press("#wd-chat-input", "Enter");
		customer.locator("#wd-chat-log button[data-action=handover]").last().click();
		assertThat(customer.locator("#wd-chat-log")).containsText("Warteschlange");
		String conversation = api.get("/api/v1/chats/current", api.login(phone, Api.PASSWORD)).text("conversationId");

		Page agent = page();
		agent.navigate(url("/agent?lang=zh-CN"));
		signIn(agent, agentName, Api.PASSWORD);
		agent.locator("#chat-waiting li[data-id='" + conversation + "'] .accept-chat").click();
		assertThat(agent.locator("#chat-window h2")).containsText("德文");
		assertThat(customer.locator("#wd-chat-log")).containsText("maschinell in Ihre Sprache übersetzt");

		customer.fill("#wd-chat-input", "Es waren 200.00 EUR am 2026-11-20");
		customer.press("#wd-chat-input", "Enter");
		assertThat(agent.locator("#chat-log .customer .translation").last())
			.containsText("[zh] Es waren 200.00 EUR am 2026-11-20");
		assertThat(agent.locator("#chat-log .customer .translation").last()).containsText("libretranslate");

		assertThat(agent.locator("#chat-translate")).isChecked();
		agent.fill("#chat-reply", "我来帮您查一下这笔提现。");
		agent.click("#chat-send");
		assertThat(customer.locator("#wd-chat-log .from-agent").last()).containsText("[de] 我来帮您查一下这笔提现。");
		customer.locator("#wd-chat-log .from-agent .wd-original summary").last().click();
		assertThat(customer.locator("#wd-chat-log .from-agent .wd-original").last())
			.containsText("Maschinell übersetzt von libretranslate");
		assertThat(customer.locator("#wd-chat-log .from-agent .wd-original").last()).containsText("我来帮您查一下这笔提现。");
		assertThat(agent.locator("#chat-log .agent details.translation").last()).containsText("我来帮您查一下这笔提现。");
		screenshot(agent, "agent-chat-translated-zh");
		screenshot(customer, "chat-widget-translated-de");

		String ticket = api.get("/api/v1/staff/chats/" + conversation + "/messages", api.login(agentName, Api.PASSWORD))
			.text("ticketId");
		JsonNode onTicket = api.get("/api/v1/tickets/" + ticket, api.login(phone, Api.PASSWORD)).body();
		JsonNode reply = onTicket.path("entries").get(onTicket.path("entries").size() - 1);
		assertThat(reply.path("body").asString()).isEqualTo("[de] 我来帮您查一下这笔提现。");
		assertThat(reply.path("original").asString()).as("both texts kept on the ticket").isEqualTo("我来帮您查一下这笔提现。");

		// the customer finds the answer unclear: a German speaker takes over
		customer.locator("#wd-chat-log .from-agent .wd-unclear").last().click();
		assertThat(customer.locator("#wd-chat-log .from-system").last()).containsText("Deutsch spricht");
		String agentToken = api.login(agentName, Api.PASSWORD);
		JsonNode board = api.get("/api/v1/staff/chats", agentToken).body();
		assertThat(board.path("mine").findValuesAsString("id")).doesNotContain(conversation);
		assertThat(board.path("waiting").findValuesAsString("id")).as("it now waits for a German speaker only")
			.doesNotContain(conversation);
		assertThat(api.post("/api/v1/staff/chats/" + conversation + "/accept", null, agentToken).code())
			.isEqualTo("chat_not_yours");
		String germanName = "chat.de.mt." + ThreadLocalRandom.current().nextInt(1_000_000);
		api.post("/api/v1/admin/staff", Map.of("username", germanName, "displayName", "Anna Schmidt", "password",
				Api.PASSWORD, "role", "AGENT", "languages", List.of("de")), api.adminToken());
		String german = api.login(germanName, Api.PASSWORD);
		assertThat(api.get("/api/v1/staff/chats", german).body().path("waiting").findValuesAsString("id"))
			.contains(conversation);
		assertThat(api.post("/api/v1/staff/chats/" + conversation + "/accept", null, german).status()).isEqualTo(200);
		assertThat(customer.locator("#wd-chat-log")).containsText("Anna Schmidt ist dem Chat beigetreten.");
		JsonNode staffTicket = api.get("/api/v1/staff/tickets/" + ticket, german).body();
		assertThat(staffTicket.path("needsSpeaker").asString()).isEqualTo("de");
	}

	@Test
	void whenTheTranslatorFailsTheAgentsReplyIsNotSentAndTheChatWaitsForASpeaker() throws Exception {
		String phone = api.registerCustomer("de");
		String customerToken = api.login(phone, Api.PASSWORD);
		String agentToken = api.login(agentName, Api.PASSWORD);
		try (ChatClient customer = new ChatClient(port, customerToken, null)) {
			customer.send("/app/chat.start", Map.of("language", "de"));
			customer.send("/app/chat.message", Map.of("text", "Ich brauche einen Menschen"));
			customer.send("/app/chat.handover", Map.of());
			String conversation = customer.next(m -> m.path("from").asString().equals("system"))
				.path("conversationId")
				.asString();
			assertThat(api.post("/api/v1/staff/chats/" + conversation + "/accept", null, agentToken).status())
				.isEqualTo(200);
			customer.next(m -> m.path("text").asString().contains("王芳"));
			JsonNode before = api.get("/api/v1/staff/dashboard", api.staffToken("SUPERVISOR")).body();

			TRANSLATOR.status = 503;
			Api.Response refused = api.post("/api/v1/staff/chats/" + conversation + "/messages",
					Map.of("text", "请稍等。", "translate", true), agentToken);
			assertThat(refused.status()).isEqualTo(503);
			assertThat(refused.code()).isEqualTo("translation_unavailable");
			JsonNode told = customer.next(m -> m.path("from").asString().equals("system")
					&& m.path("text").asString().contains("Deutsch spricht"));
			assertThat(told.path("text").asString()).doesNotContain("请稍等");
			JsonNode history = api.get("/api/v1/chats/current", customerToken).body();
			assertThat(history.path("status").asString()).isEqualTo("queued");
			assertThat(history.path("messages").findValuesAsString("text")).doesNotContain("请稍等。", "[de] 请稍等。");
			JsonNode after = api.get("/api/v1/staff/dashboard", api.staffToken("SUPERVISOR")).body();
			assertThat(after.path("humanFallbacks").path("translator_failed").asLong()
					- before.path("humanFallbacks").path("translator_failed").asLong())
				.isEqualTo(1);
		}
	}

}
