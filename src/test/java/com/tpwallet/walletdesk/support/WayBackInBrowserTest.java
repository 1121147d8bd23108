package com.tpwallet.walletdesk.support;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.tpwallet.walletdesk.Api;
import com.tpwallet.walletdesk.BrowserTestBase;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * In Chromium: a customer who mistypes the password is warned before the lock, finds the
 * hotline and a way back in (a code, then a new password, or the payment password to lift
 * the lock) on the sign-in page itself; an agent finds a customer by phone in another
 * format, by name, or a ticket by its number, from one box, and is told when nothing
 * matches.
 */
class WayBackInBrowserTest extends BrowserTestBase {

	static final String PIN = "735194";

	String lastCodeTo(String phone) {
		String body = jdbc.sql("SELECT body FROM notification WHERE recipient = ? ORDER BY created_at DESC LIMIT 1")
			.param(phone)
			.query(String.class)
			.single();
		Matcher m = Pattern.compile("\\b(\\d{6})\\b").matcher(body);
		if (!m.find()) {
			throw new AssertionError("no code in " + body);
		}
		return m.group(1);
	}

	@Test
	void aCustomerIsWarnedBeforeTheLockAndGetsBackInWithACodeWithoutStaff() {
		Api api = new Api(mvc);
		String phone = api.registerCustomer("en");
		api.call("PUT", "/api/v1/me/payment-password", Map.of("pin", PIN), api.login(phone, Api.PASSWORD));
		Page page = page();
		page.navigate(url("/help/tickets?lang=en"));
		assertThat(page.locator("#signin-trouble")).isVisible();
		page.fill("#login", phone);
		page.fill("#password", "not-my-password");
		page.click("#signin-form button[type=submit]");
		assertThat(page.locator("#attempts-left")).hasText("4 attempts left before your account is locked.");
		assertThat(page.locator("#signin-help")).isVisible();
		assertThat(page.locator("#signin-hotline")).containsText("400 820 8820");
		for (int i = 0; i < 4; i++) {
			page.click("#signin-form button[type=submit]");
		}
		assertThat(page.locator("#signin-form .error")).containsText("locked");

		page.click("#recovery-send");
		assertThat(page.locator("#recovery-step2")).isVisible();
		page.fill("#recovery-code", lastCodeTo(phone));
		page.fill("#recovery-pin", PIN);
		page.click("#recovery-unlock");
		assertThat(page.locator("#recovery-note")).containsText("Your account is unlocked");
		page.fill("#password", Api.PASSWORD);
		page.click("#signin-form button[type=submit]");
		assertThat(page.locator("#my-tickets")).isVisible();
		assertThat(page.locator("#hotline")).containsText("Hotline 400 820 8820, business days 09:00–21:00");
	}

	@Test
	void theSignInTroubleshooterFindsTheLockAndOffersTheWaysOn() {
		Api api = new Api(mvc);
		String phone = api.registerCustomer("en");
		for (int i = 0; i < 5; i++) {
			api.post("/api/v1/auth/login", Map.of("login", phone, "password", "wrong-" + i), null);
		}
		Page page = page();
		page.navigate(url("/help/troubleshooters/cannot-log-in?lang=en"));
		page.fill("#ts-login", phone);
		page.click("#run");
		assertThat(page.locator("#ts-code")).isVisible();
		page.fill("#ts-code", lastCodeTo(phone));
		page.click("#run");
		assertThat(page.locator("#findings [data-code=account_locked]")).isVisible();
		assertThat(page.locator("#onward-hotline")).containsText("400 820 8820");
		page.click("#onward-recover");
		assertThat(page.locator("#signin-help")).isVisible();
	}

	@Test
	void aForgottenPasswordIsReplacedWithACodeFromTheSignInPage() {
		Api api = new Api(mvc);
		String phone = api.registerCustomer("de");
		Page page = page();
		page.navigate(url("/help/tickets?lang=de#recover"));
		assertThat(page.locator("#signin-help")).isVisible();
		page.fill("#login", phone);
		page.click("#recovery-send");
		assertThat(page.locator("#recovery-step2")).isVisible();
		page.fill("#recovery-code", lastCodeTo(phone));
		page.fill("#recovery-password", "Neu!Wallet-2026x");
		page.click("#recovery-set");
		assertThat(page.locator("#recovery-note")).containsText("Ihr Passwort ist geändert");
		signIn(page, phone, "Neu!Wallet-2026x");
		assertThat(page.locator("#my-tickets")).isVisible();
	}

	@Test
	void anAgentFindsACustomerByPhoneInAnyFormatByNameAndATicketByNumber() {
		Api api = new Api(mvc);
		String phone = api.registerCustomer("en");
		String token = api.login(phone, Api.PASSWORD);
		long number = api
			.post("/api/v1/tickets",
					Map.of("subject", "Card question", "message", "Which cards work?", "language", "en"), token)
			.body()
			.path("number")
			.asLong();
		String name = "Zhang Findme" + ThreadLocalRandom.current().nextInt(100_000);
		jdbc.sql("UPDATE customer SET verified_name = ? WHERE phone = ?").params(name, phone).update();
		String agentName = "find.en." + ThreadLocalRandom.current().nextInt(1_000_000);
		api.post("/api/v1/admin/staff", Map.of("username", agentName, "displayName", "Sam Lee", "password",
				Api.PASSWORD, "role", "AGENT", "languages", List.of("en")), api.adminToken());

		Page agent = page();
		agent.navigate(url("/agent?lang=en"));
		signIn(agent, agentName, Api.PASSWORD);
		// +86 138 0013 8000 typed the way people say it: spaces and dashes, no country
		// code
		String national = phone.replace("+86", "");
		String spaced = national.substring(0, 3) + " " + national.substring(3, 7) + "-" + national.substring(7);
		agent.fill("#find-q", spaced);
		agent.press("#find-q", "Enter");
		assertThat(agent.locator("#find-results .found-customers")).containsText(phone);
		agent.fill("#find-q", name.toLowerCase());
		agent.press("#find-q", "Enter");
		assertThat(agent.locator("#find-results .found-customers")).containsText(name);
		agent.locator("#find-results .found-customers button").first().click();
		assertThat(agent.locator("#ticket-list")).containsText("Card question");
		agent.fill("#find-q", "#" + number);
		agent.press("#find-q", "Enter");
		assertThat(agent.locator("#find-results .found-tickets")).containsText("#" + number + " Card question");
		agent.fill("#find-q", "nobody-here-" + number);
		agent.press("#find-q", "Enter");
		assertThat(agent.locator("#find-results")).hasText("Nothing found for “nobody-here-" + number + "”.");
	}

}
