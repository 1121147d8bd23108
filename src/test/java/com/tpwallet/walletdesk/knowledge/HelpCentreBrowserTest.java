package com.tpwallet.walletdesk.knowledge;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.tpwallet.walletdesk.Api;
import com.tpwallet.walletdesk.BrowserTestBase;
import com.tpwallet.walletdesk.wallet.WalletFixture;
import com.tpwallet.walletdesk.wallet.WalletFixture.Customer;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * The help centre in Chromium, in Chinese and German: search, articles, troubleshooters
 * on a real account.
 */
class HelpCentreBrowserTest extends BrowserTestBase {

	@Test
	void aChineseCustomerAsksInTheirOwnWordsAndReadsTheArticle() throws Exception {
		Page page = page();
		page.navigate(url("/help?lang=zh-CN"));
		page.fill("#search", "我忘记登录密码了，怎么找回？");
		page.click("#search-form button[type=submit]");
		assertThat(page.locator("#answers li.best")).containsText("忘记登录密码");
		assertThat(page.locator("#troubleshooters")).containsText("提现未到账");
		screenshot(page, "help-centre-search-zh");
		page.locator("#answers li.best a").click();
		assertThat(page.locator("#article h1")).hasText("忘记登录密码");
		assertThat(page.locator("#article-body")).containsText("10 分钟内有效");
		assertThat(page.locator("#fallback-notice")).hasCount(0);
		screenshot(page, "help-centre-article-zh");
	}

	@Test
	void aGermanCustomerFindsOutWhyTheirPaymentFailedAndOpensATicketForAMissingTransaction() throws Exception {
		Api api = new Api(mvc);
		WalletFixture wallet = new WalletFixture(api, jdbc);
		Customer c = wallet.funded(1_000);
		wallet.pay(c, "m-books", 2_200, WalletFixture.PIN);

		Page page = page();
		page.navigate(url("/help?lang=de"));
		page.fill("#search", "auszahlung nicht angekommen");
		assertThat(page.locator("#answers li").first()).containsText("Meine Auszahlung ist nicht angekommen");
		page.locator("#troubleshooters a", new Page.LocatorOptions().setHasText("Meine Zahlung ist fehlgeschlagen"))
			.click();
		assertThat(page.locator("#signin-needed")).isVisible();
		signIn(page, c.phone(), Api.PASSWORD);
		assertThat(page.locator("#findings")).containsText("12.00 CNY fehlten");
		assertThat(page.locator("#findings")).containsText("Aufladung fehlgeschlagen oder ausstehend");
		screenshot(page, "help-centre-troubleshooter-de");

		page.navigate(url("/help/troubleshooters/transaction-not-found?lang=de"));
		page.fill("#ts-amount", "7,77");
		page.click("#run");
		assertThat(page.locator("#diagnosis h2")).hasText("Wir haben die Ursache nicht gefunden");
		page.fill("#ts-description", "Eine Überweisung von 7,77 fehlt");
		page.click("#open-ticket");
		assertThat(page.locator("#ticket-opened")).containsText("Anfrage Nr.");
		page.locator("#ticket-opened a").click();
		assertThat(page.locator("#my-tickets")).containsText("Ich finde eine Transaktion nicht");
	}

	@Test
	void anArticleNotYetTranslatedIsShownInEnglishWithANotice() {
		Api api = new Api(mvc);
		String slug = "card-limits-" + ThreadLocalRandom.current().nextInt(1_000_000);
		api.call("PUT", "/api/v1/staff/articles/" + slug + "/en",
				Map.of("title", "Card limits", "body", "Your **limit** is in Settings.", "status", "published"),
				api.staffToken("SUPERVISOR"));
		Page page = page();
		page.navigate(url("/help/articles/" + slug + "?lang=de"));
		assertThat(page.locator("#fallback-notice")).containsText("noch nicht in Ihre Sprache übersetzt");
		assertThat(page.locator("#article h1")).hasText("Card limits");
		assertThat(page.locator("#article-body strong")).hasText("limit");
	}

	@Test
	void aSupervisorWritesAGermanArticleInTheConsoleAndCustomersFindItAtOnce() throws Exception {
		Api api = new Api(mvc);
		String supervisor = "kb.editor." + ThreadLocalRandom.current().nextInt(1_000_000);
		api.post(
				"/api/v1/admin/staff", Map.of("username", supervisor, "displayName", "Jonas Weber", "password",
						Api.PASSWORD, "role", "SUPERVISOR", "languages", java.util.List.of("de", "en")),
				api.adminToken());
		String slug = "gutschein-" + ThreadLocalRandom.current().nextInt(1_000_000);
		Page console = page();
		console.navigate(url("/agent?lang=de"));
		signIn(console, supervisor, Api.PASSWORD);
		console.click("#kb-editor-link");
		assertThat(console.locator("#article-list")).containsText("forgot-password");
		console.fill("#new-slug", slug);
		console.click("#new-article button[type=submit]");
		assertThat(console.locator("#ed-language")).hasValue("de");
		console.fill("#ed-title", "Gutschein einlösen");
		console.fill("#ed-keywords", "gutschein geschenkkarte einlösen");
		console.fill("#ed-body", "So lösen Sie einen **Gutschein** ein. <script>window.pwned=1</script>");
		console.selectOption("#ed-status", "published");
		console.click("#ed-save");
		assertThat(console.locator("#ed-note")).containsText("Gespeichert");
		assertThat(console.locator("#ed-preview strong")).hasText("Gutschein");
		assertThat(console.locator("#ed-history li")).hasCount(1);
		screenshot(console, "knowledge-editor-de");

		Page customer = page();
		customer.navigate(url("/help?lang=de"));
		customer.fill("#search", "geschenkkarte einlösen");
		assertThat(customer.locator("#answers li").first()).containsText("Gutschein einlösen");
		customer.locator("#answers li a").first().click();
		assertThat(customer.locator("#article-body strong")).hasText("Gutschein");
		org.assertj.core.api.Assertions.assertThat(customer.evaluate("() => window.pwned === undefined"))
			.isEqualTo(true);
	}

}
