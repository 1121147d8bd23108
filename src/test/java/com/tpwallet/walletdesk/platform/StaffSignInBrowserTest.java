package com.tpwallet.walletdesk.platform;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.tpwallet.walletdesk.Api;
import com.tpwallet.walletdesk.BrowserTestBase;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * In Chromium: a supervisor signs in once, in the agent console, and every staff page and
 * tab is signed in (the session in an HttpOnly cookie the pages' scripts cannot read);
 * signing out in one signs out all.
 */
class StaffSignInBrowserTest extends BrowserTestBase {

	@Test
	void oneSignInServesEveryStaffPageAndTabAndOneSignOutEndsThemAll() {
		Api api = new Api(mvc);
		String name = "tabs." + ThreadLocalRandom.current().nextInt(1_000_000);
		api.post("/api/v1/admin/staff", Map.of("username", name, "displayName", "Tabs", "password", Api.PASSWORD,
				"role", "SUPERVISOR", "languages", List.of("zh-CN", "en")), api.adminToken());
		Page console = page();
		console.navigate(url("/agent?lang=zh-CN"));
		signIn(console, name, Api.PASSWORD);
		assertThat(console.locator("#ticket-list")).isAttached();
		assertThat(console.locator("#signout")).isVisible();
		org.assertj.core.api.Assertions.assertThat(console.evaluate("() => document.cookie.includes('WD_SESSION')"))
			.as("the session cookie is out of the scripts' reach")
			.isEqualTo(false);

		Page dashboard = console.context().newPage();
		dashboard.navigate(url("/supervisor?lang=en"));
		assertThat(dashboard.locator("#live")).isVisible();
		assertThat(dashboard.locator("#signin-form")).hasCount(0);
		Page articles = console.context().newPage();
		articles.navigate(url("/agent/articles?lang=en"));
		assertThat(articles.locator("#signin-form")).hasCount(0);

		dashboard.click("#signout");
		assertThat(dashboard.locator("#signin-form")).isVisible();
		console.reload();
		assertThat(console.locator("#signin-form")).isVisible();
	}

}
