package com.tpwallet.walletdesk.disputes;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import com.tpwallet.walletdesk.Api;
import com.tpwallet.walletdesk.BrowserTestBase;
import com.tpwallet.walletdesk.wallet.WalletFixture;
import com.tpwallet.walletdesk.wallet.WalletFixture.Customer;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * In Debian's Chromium: a customer disputes a payment from their transactions with a
 * screenshot, an agent sees the screenshot and decides a refund, and the customer sees
 * the money back in their balance.
 */
class DisputeBrowserTest extends BrowserTestBase {

	static final byte[] PNG = Base64.getDecoder()
		.decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

	@Test
	void aCustomerDisputesAPaymentWithAScreenshotAndGetsTheMoneyBackAfterTheAgentDecides() throws Exception {
		clock.setTo(java.time.Instant.parse("2026-11-24T02:00:00Z"));
		Api api = new Api(mvc);
		WalletFixture wallet = new WalletFixture(api, jdbc);
		Customer customer = wallet.funded(50_000);
		wallet.pay(customer, "m-coffee", 12_000, WalletFixture.PIN);
		String agentName = "agent.disputes." + ThreadLocalRandom.current().nextInt(1_000_000);
		api.post("/api/v1/admin/staff", Map.of("username", agentName, "displayName", "Jonas Weber", "password",
				Api.PASSWORD, "role", "AGENT", "languages", List.of("en")), api.adminToken());

		Page help = page();
		help.navigate(url("/help/disputes?lang=en"));
		signIn(help, customer.phone(), Api.PASSWORD);
		assertThat(help.locator("#available")).containsText("380.00");
		help.locator("#transactions tr", new Page.LocatorOptions().setHasText("Lucky Bean Coffee"))
			.locator(".dispute-button")
			.click();
		// the form is filled in from the payment
		assertThat(help.locator("#new-dispute")).containsText("Lucky Bean Coffee");
		assertThat(help.locator("#new-dispute")).containsText("120.00");
		assertThat(help.locator("#new-dispute")).containsText("Wallet balance");
		help.selectOption("#dispute-reason", "charged_twice");
		help.fill("#dispute-description", "The coffee shop charged me twice for one coffee.");
		help.setInputFiles("#dispute-file", new FilePayload("receipt.png", "image/png", PNG));
		help.click("#new-dispute button[type=submit]");
		assertThat(help.locator("#dispute")).containsText("I was charged twice");
		assertThat(help.locator("#dispute")).containsText("receipt.png");
		assertThat(help.locator("#dispute-status")).hasText("Submitted");
		screenshot(help, "dispute-opened");

		Page agent = page();
		agent.navigate(url("/agent/disputes?lang=de"));
		signIn(agent, agentName, Api.PASSWORD);
		agent.locator("#dispute-list tr", new Page.LocatorOptions().setHasText("Lucky Bean Coffee")).first().click();
		// the screenshot is shown inline, and the time left in business days
		assertThat(agent.locator("#dispute img.evidence-image")).isVisible();
		assertThat(agent.locator("#dispute")).containsText("Noch 10 Werktage");
		agent.selectOption("#dispute-outcome-choice", "refund");
		agent.fill("#dispute-decision-reason", "Doppelte Abbuchung bestätigt.");
		agent.click("#dispute-decide button[type=submit]");
		assertThat(agent.locator("#dispute-status")).hasText("Entschieden");
		assertThat(agent.locator("#dispute-outcome")).containsText("Vollständig erstattet");
		screenshot(agent, "dispute-decided");

		help.reload();
		assertThat(help.locator("#available")).containsText("500.00");
		help.locator("#my-disputes tr").first().click();
		assertThat(help.locator("#dispute-outcome")).containsText("Refunded in full");
		assertThat(help.locator("#transactions")).containsText("Refund");
	}

}
