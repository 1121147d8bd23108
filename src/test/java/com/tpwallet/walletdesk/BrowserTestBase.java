package com.tpwallet.walletdesk;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcPrint;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Browser tests in Debian's Chromium against the application on a random port. Pages can
 * save a screenshot into {@code screenshots.dir}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// a failing test must not dump passwords and tokens into the logs (SecretsNeverInLogsIT)
@AutoConfigureMockMvc(print = MockMvcPrint.NONE)
@ActiveProfiles("test")
@Import(TestClock.Configuration.class)
public abstract class BrowserTestBase {

	static final Path CHROMIUM = Path.of("/usr/bin/chromium");
	static Playwright playwright;
	static Browser browser;

	@LocalServerPort
	protected int port;

	@Autowired
	protected MockMvc mvc;

	@Autowired
	protected TestClock clock;

	@Autowired
	protected org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@BeforeAll
	static void launch() {
		// Outside CI a machine without Chromium skips; CI installs it (.ci/run), so there
		// the test always runs.
		if (System.getenv("CI") == null) {
			Assumptions.assumeTrue(Files.isExecutable(CHROMIUM),
					"browser tests need Debian's chromium: apt-get install -y chromium");
		}
		playwright = Playwright
			.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
		browser = playwright.chromium()
			.launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM)
				.setHeadless(true)
				.setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
						"--disable-component-update", "--disable-sync", "--no-first-run")));
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

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	protected String url(String path) {
		return "http://127.0.0.1:" + port + path;
	}

	protected Page page() {
		BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 900));
		return context.newPage();
	}

	/** A phone-sized screen (390 × 844, touch). */
	protected Page phonePage() {
		return browser
			.newContext(new Browser.NewContextOptions().setViewportSize(390, 844).setHasTouch(true).setIsMobile(true))
			.newPage();
	}

	protected static void signIn(Page page, String login, String password) {
		page.fill("#login", login);
		page.fill("#password", password);
		page.click("#signin-form button[type=submit]");
	}

	protected void screenshot(Page page, String name) throws Exception {
		Path dir = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
		Files.createDirectories(dir);
		page.screenshot(new Page.ScreenshotOptions().setPath(dir.resolve(name + ".png")).setFullPage(true));
	}

	/** What the service sent to phones and e-mail addresses. */
	protected SentMessages sent() {
		return new SentMessages(jdbc);
	}

}
