package com.tpwallet.walletdesk.notifications;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.tpwallet.walletdesk.Api;
import com.tpwallet.walletdesk.BrowserTestBase;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * In Chromium, in French: the help page shows a customer's five newest messages and
 * brings older ones, a page at a time, until there are no more.
 */
class InboxBrowserTest extends BrowserTestBase {

	@Autowired
	Notifications notifications;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void aCustomerReadsOlderMessagesAPageAtATime() {
		Api api = new Api(mvc);
		String phone = api.registerCustomer("fr");
		String token = api.login(phone, Api.PASSWORD);
		UUID customer = UUID.fromString(api.get("/api/v1/me", token).text("id"));
		int before = api.get("/api/v1/inbox?limit=100", token).body().path("items").size();
		for (int i = 0; i < 11 - before; i++) {
			transactions.executeWithoutResult(tx -> notifications.send(Notice.inApp(customer, "fr", "account-locked")));
		}

		Page page = page();
		page.navigate(url("/help/tickets?lang=fr"));
		signIn(page, phone, Api.PASSWORD);
		assertThat(page.locator("#inbox-messages li")).hasCount(5);
		page.locator("#inbox-older").click();
		assertThat(page.locator("#inbox-messages li")).hasCount(10);
		assertThat(page.locator("#inbox-older")).hasText("Messages plus anciens");
		page.locator("#inbox-older").click();
		assertThat(page.locator("#inbox-messages li")).hasCount(11);
		assertThat(page.locator("#inbox-older")).hasCount(0);
	}

}
