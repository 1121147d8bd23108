package com.tpwallet.walletdesk.feedback;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.tpwallet.walletdesk.Api;
import com.tpwallet.walletdesk.BrowserTestBase;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * In Debian's Chromium: a customer sends feedback from the help centre; the product
 * team's page shows it in charts per area, kind and sentiment and a weekly trend, groups
 * similar feedback with quotes, and marks a group planned.
 */
class ProductPageBrowserTest extends BrowserTestBase {

	@Test
	void feedbackFromTheHelpCentreShowsInTheProductTeamsChartsAndGroups() throws Exception {
		Api api = new Api(mvc);
		String phone = api.registerCustomer("en");
		for (String text : List.of("dark mode please, the app is too bright at night",
				"would love a dark mode in the app")) {
			api.post("/api/v1/feedback", Map.of("text", text), api.login(api.registerCustomer("en"), Api.PASSWORD));
		}
		String username = "product.page." + ThreadLocalRandom.current().nextInt(1_000_000);
		api.post("/api/v1/admin/staff", Map.of("username", username, "displayName", "Li Na", "password", Api.PASSWORD,
				"role", "PRODUCT", "languages", List.of("en")), api.adminToken());

		Page help = page();
		help.navigate(url("/help/tickets?lang=en"));
		signIn(help, phone, Api.PASSWORD);
		help.fill("#feedback-text", "Please add a dark mode, my eyes hurt at night");
		help.click("#feedback-form button[type=submit]");
		assertThat(help.locator("#feedback-status")).containsText("Feature request");

		Page product = page();
		product.navigate(url("/product?lang=en"));
		signIn(product, username, Api.PASSWORD);
		assertThat(product.locator("#chart-area")).isVisible();
		assertThat(product.locator("#chart-kind rect[data-code=feature_request]")).hasCount(1);
		assertThat(product.locator("#chart-trend polyline")).hasCount(5);
		assertThat(product.locator("#chart-sentiment")).isVisible();
		var darkMode = product.locator("#feedback-groups li.group", new Page.LocatorOptions().setHasText("dark mode"))
			.first();
		assertThat(darkMode).containsText("App stability");
		assertThat(darkMode).containsText("my eyes hurt at night");
		screenshot(product, "product-feedback");
		darkMode.locator(".mark-planned").click();
		assertThat(product.locator("#feedback-groups li.group", new Page.LocatorOptions().setHasText("dark mode"))
			.first()
			.locator(".status")).hasText("planned");
	}

}
