package com.tpwallet.walletdesk.chat;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.tpwallet.walletdesk.Api;
import com.tpwallet.walletdesk.BrowserTestBase;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * In Chromium, in French: an agent switches on the sound and desktop notifications; a new
 * waiting chat rings and notifies, with the visitor's name; switched off, it stays silent
 * (the badge and the tab's title still count).
 */
class AgentAlertsBrowserTest extends BrowserTestBase {

	/** Records the desktop notifications the page shows, with permission granted. */
	static final String NOTIFICATIONS = """
			window.__notes = [];
			window.Notification = class { constructor(title, options) { window.__notes.push(title + ' | ' + options.body); }
			  static get permission() { return 'granted'; } static requestPermission() { return Promise.resolve('granted'); } };
			""";

	@Test
	void aNewWaitingChatRingsAndNotifiesWhenTheAgentSwitchedThemOn() throws Exception {
		clock.setTo(Instant.parse("2026-11-24T02:00:00Z"));
		Api api = new Api(mvc);
		String agentName = "alert.fr." + ThreadLocalRandom.current().nextInt(1_000_000);
		api.post("/api/v1/admin/staff", Map.of("username", agentName, "displayName", "Léa Martin", "password",
				Api.PASSWORD, "role", "AGENT", "languages", List.of("fr")), api.adminToken());
		Page agent = page();
		agent.addInitScript(NOTIFICATIONS);
		agent.navigate(url("/agent?lang=fr"));
		signIn(agent, agentName, Api.PASSWORD);
		assertThat(agent.locator("#alert-settings")).containsText("Notifications sur le bureau");
		agent.check("#alert-sound");
		agent.check("#alert-desktop");
		assertThat(agent.locator("#chat-waiting")).isAttached();

		String visitorName = "Camille " + ThreadLocalRandom.current().nextInt(100_000);
		try (ChatClient visitor = new ChatClient(port, null, UUID.randomUUID().toString())) {
			visitor.send("/app/chat.start", Map.of("language", "fr"));
			visitor.send("/app/chat.message", Map.of("text", "parler à un conseiller"));
			visitor.next(m -> m.path("buttons").findValuesAsString("action").contains("contact"));
			visitor.send("/app/chat.contact", Map.of("name", visitorName, "email", "camille@example.fr"));
			assertThat(agent.locator("#chat-waiting")).containsText(visitorName);
			agent.waitForFunction("() => window.__notes.some(n => n.includes('" + visitorName + "'))");
			assertThat(agent.evaluate("() => window.__notes.find(n => n.includes('" + visitorName + "'))"))
				.isEqualTo("Une nouvelle conversation attend | " + visitorName);
			assertThat(agent.locator("body")).hasAttribute("data-alerted",
					java.util.regex.Pattern.compile("[1-9]\\d*"));

			// switched off (remembered after a reload): a new chat waits silently
			agent.uncheck("#alert-sound");
			agent.uncheck("#alert-desktop");
			agent.reload();
			assertThat(agent.locator("#alert-desktop")).not().isChecked();
			assertThat(agent.locator("#chat-waiting")).containsText(visitorName);
			try (ChatClient second = new ChatClient(port, null, UUID.randomUUID().toString())) {
				second.send("/app/chat.start", Map.of("language", "fr"));
				second.send("/app/chat.message", Map.of("text", "parler à un conseiller"));
				second.next(m -> m.path("buttons").findValuesAsString("action").contains("contact"));
				second.send("/app/chat.contact", Map.of("name", visitorName + " bis", "email", "bis@example.fr"));
				assertThat(agent.locator("#chat-waiting")).containsText(visitorName + " bis");
				assertThat(agent.evaluate("() => window.__notes.length")).isEqualTo(0);
				assertThat(agent.locator("body")).not()
					.hasAttribute("data-alerted", java.util.regex.Pattern.compile(".+"));
			}
		}
	}

}
