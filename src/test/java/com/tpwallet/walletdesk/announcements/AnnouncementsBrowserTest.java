package com.tpwallet.walletdesk.announcements;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.tpwallet.walletdesk.Api;
import com.tpwallet.walletdesk.BrowserTestBase;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * In Debian's Chromium: a French customer finds the new announcement in the help centre
 * in French, unread, and it is read once opened.
 */
class AnnouncementsBrowserTest extends BrowserTestBase {

	@Test
	void aCustomerReadsWhatsNewInTheirLanguage() {
		Api api = new Api(mvc);
		Map<String, Object> texts = new HashMap<>();
		texts.put("zh-CN", Map.of("title", "深色模式上线", "body", "现在可以在设置中开启深色模式。"));
		texts.put("en", Map.of("title", "Dark mode is here", "body", "Turn it on in Settings."));
		texts.put("fr", Map.of("title", "Le mode sombre est là", "body", "Activez-le dans les Réglages."));
		texts.put("de", Map.of("title", "Der Dunkelmodus ist da", "body", "In den Einstellungen einschalten."));
		api.post("/api/v1/staff/announcements", Map.of("translations", texts), api.staffToken("SUPERVISOR"));
		String phone = api.registerCustomer("fr");

		Page help = page();
		help.navigate(url("/help/tickets?lang=fr"));
		signIn(help, phone, Api.PASSWORD);
		// the chat widget shows the newest unread one as a banner
		help.click("#wd-chat-open");
		assertThat(help.locator("#wd-announcement")).containsText("Nouveau : Le mode sombre est là");
		help.click(".wd-chat-close");
		var item = help.locator("#announcements details",
				new Page.LocatorOptions().setHasText("Le mode sombre est là"));
		assertThat(item).hasClass("unread");
		assertThat(help.locator("#announcements-unread")).isVisible();
		item.locator("summary").click();
		assertThat(
				help.locator("#announcements details", new Page.LocatorOptions().setHasText("Le mode sombre est là")))
			.hasClass("read");
		assertThat(help.locator("#announcements")).containsText("Activez-le dans les Réglages.");
	}

}
