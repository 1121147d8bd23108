package com.tpwallet.walletdesk.support;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.tpwallet.walletdesk.Api;
import com.tpwallet.walletdesk.BrowserTestBase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * In Chromium: the console and the supervisor dashboard speak words, never codes — no
 * queue id ({@code withdrawals-zh-cn}), no snake_case code ({@code wrong_password}), no
 * message key left untranslated ({@code topic.account}), in any of the four languages.
 */
class WordsNotCodesBrowserTest extends BrowserTestBase {

	static final List<Pattern> CODES = List.of(
			Pattern.compile("\\b(account|payments|withdrawals|disputes|security|general)-(zh-cn|en|fr|de)\\b"),
			Pattern.compile("\\b[a-z]+_[a-z]+(_[a-z]+)*\\b"));

	/** The pages' text keys: one shown as it is was never translated. */
	static final java.util.Set<String> KEYS = java.util.Collections
		.list(java.util.ResourceBundle.getBundle("messages", java.util.Locale.ROOT).getKeys())
		.stream()
		.filter(k -> k.startsWith("page.") && k.indexOf('.', 5) > 0)
		.map(k -> k.substring(5))
		.collect(java.util.stream.Collectors.toSet());

	static List<String> codesIn(String text) {
		List<String> found = new ArrayList<>();
		for (String token : text.split("[\\s·:,()]+")) {
			if (KEYS.contains(token)) {
				found.add(token);
			}
		}
		for (Pattern p : CODES) {
			Matcher m = p.matcher(text);
			while (m.find()) {
				found.add(m.group());
			}
		}
		return found;
	}

	@Test
	void theConsoleAndTheDashboardShowNoRawCodeInAnyLanguage() throws Exception {
		Api api = new Api(mvc);
		String phone = api.registerCustomer("zh-CN");
		api.post("/api/v1/auth/login", Map.of("login", phone, "password", "wrong-one"), null);
		String token = api.login(phone, Api.PASSWORD);
		// a refused transfer: its reason shows in words in the customer-360's timeline
		api.call("PUT", "/api/v1/me/payment-password", Map.of("pin", "735194"), token);
		api.post("/api/v1/wallet/transfers",
				Map.of("to", Api.newPhone(), "amount", 100, "currency", "CNY", "paymentPassword", "735194"), token,
				"Idempotency-Key", java.util.UUID.randomUUID().toString());
		api.post("/api/v1/tickets",
				Map.of("subject", "提现没到账", "message", "我的提现三天了还没到", "language", "zh-CN", "topic", "withdrawals"),
				token);
		String name = "words." + ThreadLocalRandom.current().nextInt(1_000_000);
		api.post("/api/v1/admin/staff", Map.of("username", name, "displayName", "Kim Park", "password", Api.PASSWORD,
				"role", "SUPERVISOR", "languages", List.of("zh-CN", "en", "fr", "de")), api.adminToken());
		for (String language : List.of("en", "zh-CN", "fr", "de")) {
			Page agent = page();
			agent.navigate(url("/agent?lang=" + language));
			signIn(agent, name, Api.PASSWORD);
			agent.locator("#ticket-list tr", new Page.LocatorOptions().setHasText("提现没到账")).first().click();
			assertThat(agent.locator("#customer-360")).containsText(phone);
			assertThat(agent.locator("#timeline .timeline-money")).hasCount(1);
			assertThat(agent.locator("#timeline .timeline-login")).hasCount(2);
			if (language.equals("en")) {
				assertThat(agent.locator("#timeline .timeline-money"))
					.containsText("No tpWallet account has this phone number or e-mail address.");
				assertThat(agent.locator("#timeline .timeline-login").first()).containsText("signed in");
				screenshot(agent, "customer-360-timeline");
			}
			// the customer's words under the customer's name, not "You"
			assertThat(agent.locator("#entries .entry.customer .meta").first()).containsText(phone);
			assertThat(codesIn(agent.locator("body").innerText())).as("console in " + language).isEmpty();
			// every text the page asked for exists ("timeline.money" once showed as it
			// is)
			assertThat(agent.evaluate("() => [...WD.missing]")).as("texts missing in the console in " + language)
				.isEqualTo(List.of());

			Page supervisor = page();
			supervisor.navigate(url("/supervisor?lang=" + language));
			signIn(supervisor, name, Api.PASSWORD);
			assertThat(supervisor.locator("#open-per-queue")).isVisible();
			assertThat(supervisor.locator("link[rel=icon]")).hasAttribute("href", "/favicon.svg");
			assertThat(codesIn(supervisor.locator("body").innerText())).as("dashboard in " + language).isEmpty();
			assertThat(supervisor.evaluate("() => [...WD.missing]")).as("texts missing in the dashboard in " + language)
				.isEqualTo(List.of());
		}
	}

}
