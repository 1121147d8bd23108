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

}
