package com.tpwallet.walletdesk.support;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.tpwallet.walletdesk.Api;
import com.tpwallet.walletdesk.BrowserTestBase;
import com.tpwallet.walletdesk.chat.ChatClient;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * In Chromium: a supervisor sees what happens now (a chat waiting, with the visitor's
 * name and the wait; agents available), in Chinese; chooses the days the figures cover,
 * in English, and drills down from a queue's bar to its tickets, each a link into the
 * agent console.
 */
class SupervisorBrowserTest extends BrowserTestBase {

	@Test
	void aSupervisorWatchesNowChoosesTheDaysAndDrillsDownToTheTickets() throws Exception {
		clock.setTo(Instant.parse("2026-11-24T02:00:00Z"));
		Api api = new Api(mvc);
		String tag = String.valueOf(ThreadLocalRandom.current().nextInt(1_000_000));
		String name = "super." + tag;
		api.post("/api/v1/admin/staff", Map.of("username", name, "displayName", "Zhou " + tag, "password", Api.PASSWORD,
				"role", "SUPERVISOR", "languages", List.of("zh-CN", "en")), api.adminToken());
		api.post("/api/v1/admin/staff", Map.of("username", "agent." + tag, "displayName", "Sam " + tag, "password",
				Api.PASSWORD, "role", "AGENT", "languages", List.of("en")), api.adminToken());
		String token = api.login(api.registerCustomer("en"), Api.PASSWORD);
		String ticket = api
			.post("/api/v1/tickets", Map.of("subject", "Withdrawal late " + tag, "message", "My withdrawal is late",
					"language", "en", "topic", "withdrawals"), token)
			.text("id");

		try (ChatClient visitor = new ChatClient(port, null, UUID.randomUUID().toString())) {
			visitor.send("/app/chat.start", Map.of("language", "en"));
			visitor.send("/app/chat.message", Map.of("text", "talk to a human"));
			visitor.next(m -> m.path("buttons").findValuesAsString("action").contains("contact"));
			visitor.send("/app/chat.contact", Map.of("name", "Robin " + tag, "email", "robin@example.com"));
			visitor.next(m -> m.path("text").asString().startsWith("Thank you"));
			visitor.next(m -> m.path("text").asString().contains("You are number"));

			Page zh = page();
			zh.navigate(url("/supervisor?lang=zh-CN"));
			signIn(zh, name, Api.PASSWORD);
			assertThat(zh.locator("#live h2")).hasText("实时");
			assertThat(zh.locator("#live-waiting")).containsText("Robin " + tag);
			assertThat(zh.locator("#live-waiting")).containsText("已等待");
			assertThat(zh.locator("#trend g.day")).hasCount(30);
		}

		Page en = page();
		en.navigate(url("/supervisor?lang=en"));
		signIn(en, name, Api.PASSWORD);
		en.fill("#range-from", "2026-11-20");
		en.fill("#range-to", "2026-11-26");
		en.click("#range button[type=submit]");
		assertThat(en.locator("#trend g.day")).hasCount(7);
		en.locator("#open-per-queue g.drill", new Page.LocatorOptions().setHasText("Withdrawals · English")).click();
		assertThat(en.locator("#drilldown h2")).hasText("Withdrawals · English");
		assertThat(en.locator("#drill-tickets")).containsText("Withdrawal late " + tag);
		String href = en.locator("#drill-tickets a", new Page.LocatorOptions().setHasText("#"))
			.first()
			.getAttribute("href");
		org.assertj.core.api.Assertions.assertThat(href).startsWith("/agent?lang=en#ticket=");
		screenshot(en, "supervisor-live");

		Page console = page();
		console.navigate(url("/agent?lang=en#ticket=" + ticket));
		signIn(console, name, Api.PASSWORD);
		assertThat(console.locator("#ticket h2")).containsText("Withdrawal late " + tag);
	}

}
