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
		assertThat(page.locator("#onward-message")).hasText("Leave us a message without signing in");
		assertThat(page.locator("#onward-chat")).containsText("open the chat");
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
	void someoneWhoCannotSignInLeavesAMessageAndIsAnsweredBySms() {
		String phone = Api.newPhone();
		Page page = page();
		page.navigate(url("/help/tickets?lang=en"));
		page.click("#signin-trouble");
		page.click("#signin-contact");
		assertThat(page.locator("#visitor-form h1")).hasText("Leave us a message");
		page.fill("#visitor-name", "Robin Park");
		page.fill("#visitor-phone", "12345");
		page.fill("#visitor-message", "My account is locked and I cannot get in.");
		page.click("#visitor-send");
		assertThat(page.locator("#visitor-result")).containsText("This phone number is not valid.");
		page.fill("#visitor-phone", phone.replace("+86", ""));
		page.click("#visitor-send");
		assertThat(page.locator("#visitor-sent")).containsText("We will answer by SMS.");
		long number = Long.parseLong(page.locator("#visitor-sent").textContent().replaceAll("\\D+", " ").strip());
		String ticket = jdbc.sql("SELECT id::text FROM ticket WHERE number = ?")
			.param(number)
			.query(String.class)
			.single();

		Api api = new Api(mvc);
		api.post("/api/v1/tickets/" + ticket + "/entries", Map.of("body", "Please call us on the hotline."),
				api.staffToken("SUPERVISOR"));
		List<String> sent = jdbc.sql("SELECT body FROM notification WHERE recipient = ?")
			.param(phone)
			.query(String.class)
			.list();
		org.assertj.core.api.Assertions.assertThat(sent)
			.containsExactly("[tpWallet] Answer to your message #" + number + ": Please call us on the hotline.");
	}

	@Test
	void aVisitorTalksToAnAgentWhoProvesWhoTheyAreBeforeActing() {
		// Tuesday 10:00 in Beijing: the desk is open
		clock.setTo(java.time.Instant.parse("2026-11-24T02:00:00Z"));
		Api api = new Api(mvc);
		String phone = api.registerCustomer("en");
		String agentName = "visitor.en." + ThreadLocalRandom.current().nextInt(1_000_000);
		api.post("/api/v1/admin/staff", Map.of("username", agentName, "displayName", "Sam Lee", "password",
				Api.PASSWORD, "role", "AGENT", "languages", List.of("en")), api.adminToken());
		String visitorName = "Robin Visitor" + ThreadLocalRandom.current().nextInt(100_000);

		Page visitor = page();
		visitor.navigate(url("/help?lang=en"));
		visitor.click("#wd-chat-open");
		// the bot's greeting: the chat is connected
		assertThat(visitor.locator("#wd-chat-log li").first()).isVisible();
		visitor.fill("#wd-chat-input", "talk to a human");
		visitor.press("#wd-chat-input", "Enter");
		visitor.locator("#wd-chat-log button[data-action=contact]").last().click();
		visitor.fill("#wd-contact-name", visitorName);
		visitor.fill("#wd-contact-phone", phone.replace("+86", ""));
		visitor.click("#wd-chat-contact button[type=submit]");
		assertThat(visitor.locator("#wd-chat-log")).containsText("Thank you, " + visitorName);
		assertThat(visitor.locator("#wd-chat-log")).containsText("You are number");

		Page agent = page();
		agent.navigate(url("/agent?lang=en"));
		signIn(agent, agentName, Api.PASSWORD);
		agent.locator("#chat-waiting li", new Page.LocatorOptions().setHasText(visitorName + " (not signed in)"))
			.locator(".accept-chat")
			.click();
		assertThat(agent.locator("#chat-visitor")).containsText("Not signed in. Says they are: " + visitorName);
		assertThat(agent.locator("#chat-visitor")).containsText("Not verified");
		agent.click("#chat-visitor-send-code");
		assertThat(agent.locator("#chat-visitor")).containsText("a code is on its way");
		agent.fill("#chat-visitor-code", lastCodeTo(phone));
		agent.click("#chat-visitor-prove");
		assertThat(agent.locator("#chat-visitor-verified"))
			.hasText("Identity verified: this is the customer’s account.");
		assertThat(agent.locator("#customer-360")).containsText(phone);
		assertThat(visitor.locator("#wd-chat-log")).containsText("Identity verified");
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
