package com.tpwallet.walletdesk.support;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.tpwallet.walletdesk.Api;
import com.tpwallet.walletdesk.TestClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * In Debian's Chromium: a French customer opens a ticket in the help centre, an agent answers it with a
 * macro in French, the customer sees the answer, the supervisor dashboard shows the ticket. Saves a
 * screenshot of each page into {@code screenshots.dir}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(TestClock.Configuration.class)
class SupportJourneyBrowserTest {

	static final Path CHROMIUM = Path.of("/usr/bin/chromium");
	static Playwright playwright;
	static Browser browser;

	@LocalServerPort int port;
	@Autowired MockMvc mvc;

	@BeforeAll
	static void launch() {
		// Outside CI a machine without Chromium skips; CI installs it (.ci/run), so there the test always runs.
		if (System.getenv("CI") == null) {
			Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "browser tests need Debian's chromium: apt-get install -y chromium");
		}
		playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
		browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM).setHeadless(true)
				.setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
						"--disable-sync", "--no-first-run")));
	}

	@AfterAll
	static void close() {
		if (browser != null) {
			browser.close();
		}
		if (playwright != null) {
			playwright.close();
		}
	}

	String url(String path) {
		return "http://127.0.0.1:" + port + path;
	}

	Page page() {
		BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 900));
		return context.newPage();
	}

	static void signIn(Page page, String login, String password) {
		page.fill("#login", login);
		page.fill("#password", password);
		page.click("#signin-form button[type=submit]");
	}

	void screenshot(Page page, String name) throws Exception {
		Path dir = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
		Files.createDirectories(dir);
		page.screenshot(new Page.ScreenshotOptions().setPath(dir.resolve(name + ".png")).setFullPage(true));
	}

	@Test
	void aCustomerGetsAnAnswerByMacroInFrenchAndTheSupervisorSeesTheTicket() throws Exception {
		Api api = new Api(mvc);
		String phone = api.registerCustomer("fr");
		String agentName = "agent.fr." + ThreadLocalRandom.current().nextInt(1_000_000);
		api.post("/api/v1/admin/staff", Map.of("username", agentName, "displayName", "Léa Dubois", "password", Api.PASSWORD,
				"role", "AGENT", "languages", List.of("fr", "en")), api.adminToken());
		String supervisor = "supervisor." + ThreadLocalRandom.current().nextInt(1_000_000);
		api.post("/api/v1/admin/staff", Map.of("username", supervisor, "displayName", "Chen Jing", "password", Api.PASSWORD,
				"role", "SUPERVISOR", "languages", List.of("zh-CN", "en", "fr", "de")), api.adminToken());

		Page customer = page();
		customer.navigate(url("/help?lang=fr"));
		signIn(customer, phone, Api.PASSWORD);
		customer.fill("#subject", "Retrait non reçu");
		customer.fill("#message", "Mon retrait de 200 € n'est pas arrivé <script>window.pwned=1</script>");
		customer.click("#new-ticket button[type=submit]");
		assertThat(customer.locator("#entries")).containsText("Mon retrait de 200 €");
		assertThat(customer.evaluate("() => window.pwned === undefined")).isEqualTo(true);
		screenshot(customer, "help-centre");

		Page agent = page();
		agent.navigate(url("/agent?lang=fr"));
		signIn(agent, agentName, Api.PASSWORD);
		agent.locator("#ticket-list tr.selectable", new Page.LocatorOptions().setHasText("Retrait non reçu")).first().click();
		assertThat(agent.locator("#entries")).containsText("Mon retrait de 200 €");
		assertThat(agent.locator("#customer-360")).containsText(phone);
		agent.selectOption("#macro", "withdrawal-timing");
		agent.click("#apply-macro");
		assertThat(agent.locator("#entries")).containsText("jours ouvrés");
		agent.fill("#reply", "Vérifié avec la banque.");
		agent.check("#internal");
		agent.click("#reply-form button[type=submit]");
		assertThat(agent.locator("#entries .entry.note")).containsText("Vérifié avec la banque.");
		screenshot(agent, "agent-console");

		customer.reload();
		customer.locator("#my-tickets tr.selectable", new Page.LocatorOptions().setHasText("Retrait non reçu")).first().click();
		assertThat(customer.locator("#entries")).containsText("jours ouvrés");
		assertThat(customer.locator("#entries")).not().containsText("Vérifié avec la banque.");

		Page boss = page();
		boss.navigate(url("/supervisor?lang=fr"));
		signIn(boss, supervisor, Api.PASSWORD);
		assertThat(boss.locator("#kpi-open")).containsText("Tickets ouverts");
		assertThat(boss.locator("#recent-tickets")).containsText("Retrait non reçu");
		assertThat(boss.locator("#recent-tickets")).containsText("withdrawals-fr");
		assertThat(boss.locator("#kpi-frt")).not().containsText("— / —");
		screenshot(boss, "supervisor-dashboard");
	}
}
