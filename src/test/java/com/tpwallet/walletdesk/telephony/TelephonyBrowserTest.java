package com.tpwallet.walletdesk.telephony;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.tpwallet.walletdesk.Api;
import com.tpwallet.walletdesk.BrowserTestBase;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * In Debian's Chromium: the phone system reports a call, and the agent's console shows
 * who is calling with their open tickets while it rings; an unknown number gets a search
 * box.
 */
class TelephonyBrowserTest extends BrowserTestBase {

	@Test
	void aNewCallPopsTheCallerUpInTheAgentConsole() throws Exception {
		Api api = new Api(mvc);
		String phone = api.registerCustomer("en");
		String token = api.login(phone, Api.PASSWORD);
		api.post("/api/v1/tickets", Map.of("subject", "Card top-up refused", "message", "My top-up was refused."),
				token);
		String agentName = "agent.phone." + ThreadLocalRandom.current().nextInt(1_000_000);
		api.post("/api/v1/admin/staff", Map.of("username", agentName, "displayName", "Amy Lin", "password",
				Api.PASSWORD, "role", "AGENT", "languages", List.of("en")), api.adminToken());

		Page agent = page();
		agent.navigate(url("/agent?lang=en"));
		signIn(agent, agentName, Api.PASSWORD);
		// the console's STOMP connection is up once the chat card has been drawn
		assertThat(agent.locator("#chats")).not().isEmpty();
		agent.waitForFunction("() => document.querySelector('#chats').children.length > 0");

		api.post("/api/v1/cti/test-cti-token",
				Map.of("event", "newCall", "callId", UUID.randomUUID().toString(), "from", "0086 " + phone.substring(3),
						"to", "4001234567", "direction", "in", "user", List.of(agentName)),
				null);
		assertThat(agent.locator("#incoming-call")).containsText(phone);
		assertThat(agent.locator("#incoming-call")).containsText("Card top-up refused");
		// the caller's customer-360 opens with their open ticket while it rings
		assertThat(agent.locator("#customer-360")).containsText(phone);
		assertThat(agent.locator("#entries")).containsText("My top-up was refused.");
		screenshot(agent, "incoming-call");

		String other = api.registerCustomer("en");
		api.post("/api/v1/cti/test-cti-token", Map.of("event", "newCall", "callId", UUID.randomUUID().toString(),
				"from", other, "to", "4001234567", "direction", "in", "user", List.of(agentName)), null);
		assertThat(agent.locator("#incoming-call")).containsText("No open ticket.");
		assertThat(agent.locator("#customer-360")).containsText(other);

		api.post("/api/v1/cti/test-cti-token", Map.of("event", "newCall", "callId", UUID.randomUUID().toString(),
				"from", "+8613911112222", "to", "4001234567", "direction", "in", "user", List.of(agentName)), null);
		assertThat(agent.locator("#incoming-call")).containsText("Unknown caller");
		assertThat(agent.locator("#caller-search")).hasValue("+8613911112222");
	}

}
