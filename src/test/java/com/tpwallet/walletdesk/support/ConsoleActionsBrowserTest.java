package com.tpwallet.walletdesk.support;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.tpwallet.walletdesk.Api;
import com.tpwallet.walletdesk.BrowserTestBase;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * In Chromium: an agent works a customer's tickets from the console, in Chinese — assigns
 * one and tags it, merges a duplicate into it, opens a new ticket for the customer from
 * the customer-360 — and, in English, comes back to a saved view of their own tickets.
 */
class ConsoleActionsBrowserTest extends BrowserTestBase {

	@Test
	void anAgentAssignsTagsMergesAndOpensATicketForTheCustomer() {
		Api api = new Api(mvc);
		String phone = api.registerCustomer("zh-CN");
		String token = api.login(phone, Api.PASSWORD);
		String tag = "vip" + ThreadLocalRandom.current().nextInt(100_000);
		JsonNode kept = api
			.post("/api/v1/tickets", Map.of("subject", "银行卡被拒" + tag, "message", "我的银行卡付款被拒绝了", "language", "zh-CN"),
					token)
			.body();
		JsonNode duplicate = api
			.post("/api/v1/tickets", Map.of("subject", "还是被拒" + tag, "message", "又试了一次，还是不行", "language", "zh-CN"),
					token)
			.body();
		String name = "console.zh." + ThreadLocalRandom.current().nextInt(1_000_000);
		api.post("/api/v1/admin/staff", Map.of("username", name, "displayName", "王芳" + tag, "password", Api.PASSWORD,
				"role", "SUPERVISOR", "languages", List.of("zh-CN", "en")), api.adminToken());

		Page agent = page();
		agent.navigate(url("/agent?lang=zh-CN"));
		signIn(agent, name, Api.PASSWORD);
		agent.locator("#ticket-list tr", new Page.LocatorOptions().setHasText("还是被拒" + tag)).first().click();
		agent.fill("#merge-into", "#" + kept.path("number").asLong());
		agent.click("#merge");
		assertThat(agent.locator("#ticket h2")).containsText("银行卡被拒" + tag);
		assertThat(agent.locator("#entries")).containsText("又试了一次，还是不行");
		assertThat(agent.locator("#entries")).containsText("工单 #" + duplicate.path("number").asLong() + " 已合并到此工单");

		agent.selectOption("#assignee", new com.microsoft.playwright.options.SelectOption().setLabel("王芳" + tag));
		agent.fill("#tags", tag + ", 银行卡");
		agent.click("#save-assignment");
		assertThat(agent.locator("#assignee option:checked")).hasText("王芳" + tag);
		assertThat(agent.locator("#tags")).hasValue(tag + ", 银行卡");

		agent.click("#new-ticket");
		agent.fill("#new-ticket-subject", "电话咨询提现" + tag);
		// the ticket and its customer-360 are drawn again (another change is saved)
		// while the agent types: the new ticket's form stays open with its text
		agent.locator("#new-ticket-subject").evaluate("e => e.dataset.before = 'yes'");
		agent.click("#save-assignment");
		agent.locator("#new-ticket-subject:not([data-before])").waitFor();
		assertThat(agent.locator("#new-ticket-subject")).hasValue("电话咨询提现" + tag);
		assertThat(agent.locator("#new-ticket-form")).isVisible();
		agent.fill("#new-ticket-message", "客户来电：周一提现 300 元未到账");
		agent.click("#new-ticket-form button[type=submit]");
		assertThat(agent.locator("#ticket h2")).containsText("电话咨询提现" + tag);
		assertThat(agent.locator("#entries .entry.note")).containsText("客户来电");

		// in English: the saved view of one's own tickets
		Page english = page();
		english.navigate(url("/agent?lang=en"));
		signIn(english, name, Api.PASSWORD);
		english.click("#views [data-view=mine]");
		assertThat(english.locator("#views [data-view=mine]")).hasAttribute("aria-pressed", "true");
		assertThat(english.locator("#ticket-list")).containsText("银行卡被拒" + tag);
		assertThat(english.locator("#ticket-list")).containsText("电话咨询提现" + tag);
		assertThat(english.locator("#ticket-list")).not().containsText("还是被拒" + tag);
	}

}
