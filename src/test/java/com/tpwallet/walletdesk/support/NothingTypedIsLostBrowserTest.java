package com.tpwallet.walletdesk.support;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.tpwallet.walletdesk.Api;
import com.tpwallet.walletdesk.BrowserTestBase;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * In Chromium: a reply half-written on a ticket survives the page's refreshes and a
 * reload, Enter sends it (Shift+Enter is a new line), and once sent the draft is gone.
 */
class NothingTypedIsLostBrowserTest extends BrowserTestBase {

	@Test
	void aDraftReplyOutlivesAReloadAndEnterSendsIt() {
		Api api = new Api(mvc);
		String phone = api.registerCustomer("fr");
		api.post("/api/v1/tickets",
				Map.of("subject", "Retrait en attente", "message", "Mon retrait n'arrive pas", "language", "fr"),
				api.login(phone, Api.PASSWORD));
		Page page = page();
		page.navigate(url("/help/tickets?lang=fr"));
		signIn(page, phone, Api.PASSWORD);
		page.locator("#my-tickets tr", new Page.LocatorOptions().setHasText("Retrait en attente")).first().click();
		page.locator("#reply").pressSequentially("Bonjour,");
		page.press("#reply", "Shift+Enter");
		page.locator("#reply").pressSequentially("voici la référence");
		page.reload();
		page.locator("#my-tickets tr", new Page.LocatorOptions().setHasText("Retrait en attente")).first().click();
		assertThat(page.locator("#reply")).hasValue("Bonjour,\nvoici la référence");
		page.press("#reply", "Enter");
		assertThat(page.locator("#entries")).containsText("voici la référence");
		page.reload();
		page.locator("#my-tickets tr", new Page.LocatorOptions().setHasText("Retrait en attente")).first().click();
		assertThat(page.locator("#entries")).containsText("voici la référence");
		assertThat(page.locator("#reply")).hasValue(""); // sent, so no draft is kept
	}

	@Test
	void anAnswerArrivesByPushWhileTheOtherSideIsTypingAndTheTypingStays() {
		Api api = new Api(mvc);
		String phone = api.registerCustomer("zh-CN");
		String token = api.login(phone, Api.PASSWORD);
		String ticket = api
			.post("/api/v1/tickets", Map.of("subject", "提现还没到账", "message", "我的提现三天了还没到", "language", "zh-CN"), token)
			.text("id");
		String supervisor = api.staffToken("SUPERVISOR");

		Page customer = page();
		customer.navigate(url("/help/tickets?lang=zh-CN"));
		signIn(customer, phone, Api.PASSWORD);
		customer.locator("#my-tickets tr", new Page.LocatorOptions().setHasText("提现还没到账")).first().click();
		customer.locator("#reply").pressSequentially("补充一下，");
		api.post("/api/v1/tickets/" + ticket + "/entries", Map.of("body", "我们正在查询，请稍候。"), supervisor);
		// no reload, no polling: the answer is pushed, and the half-written reply keeps
		// its
		// text and focus
		assertThat(customer.locator("#entries")).containsText("我们正在查询，请稍候。");
		assertThat(customer.locator("#reply")).hasValue("补充一下，");
		assertThat(customer.locator("#reply")).isFocused();
		customer.locator("#reply").pressSequentially("银行是工商银行");
		assertThat(customer.locator("#reply")).hasValue("补充一下，银行是工商银行");

		String agentName = "push.zh." + java.util.concurrent.ThreadLocalRandom.current().nextInt(1_000_000);
		api.post("/api/v1/admin/staff", Map.of("username", agentName, "displayName", "Li Na", "password", Api.PASSWORD,
				"role", "SUPERVISOR", "languages", java.util.List.of("zh-CN", "en")), api.adminToken());
		Page agent = page();
		agent.navigate(url("/agent?lang=en"));
		signIn(agent, agentName, Api.PASSWORD);
		agent.locator("#ticket-list tr", new Page.LocatorOptions().setHasText("提现还没到账")).first().click();
		agent.locator("#reply").pressSequentially("Checking with the bank");
		customer.press("#reply", "Enter");
		assertThat(agent.locator("#entries")).containsText("补充一下，银行是工商银行");
		assertThat(agent.locator("#reply")).hasValue("Checking with the bank");
		assertThat(agent.locator("#reply")).isFocused();
	}

}
