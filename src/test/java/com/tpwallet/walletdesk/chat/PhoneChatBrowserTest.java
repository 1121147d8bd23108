package com.tpwallet.walletdesk.chat;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import com.tpwallet.walletdesk.BrowserTestBase;
import org.junit.jupiter.api.Test;

/**
 * On a phone-sized screen the chat opens full-screen, the launcher hides while it is
 * open, and nothing covers the Send button; closing brings the launcher back.
 */
class PhoneChatBrowserTest extends BrowserTestBase {

	@Test
	void onAPhoneTheChatTakesTheScreenAndNothingCoversSend() throws Exception {
		Page phone = phonePage();
		phone.navigate(url("/help?lang=en"));
		phone.click("#wd-chat-open");
		assertThat(phone.locator("#wd-chat")).isVisible();
		assertThat(phone.locator("#wd-chat-open")).isHidden();
		BoundingBox chat = phone.locator("#wd-chat").boundingBox();
		assertThat(chat.width).isEqualTo(390);
		assertThat(chat.height).isEqualTo(844);
		BoundingBox send = phone.locator("#wd-chat-send").boundingBox();
		Object onTop = phone.evaluate("([x, y]) => document.elementFromPoint(x, y).id",
				java.util.List.of(send.x + send.width / 2, send.y + send.height / 2));
		assertThat(onTop).isEqualTo("wd-chat-send");
		screenshot(phone, "chat-phone");
		phone.click(".wd-chat-close");
		assertThat(phone.locator("#wd-chat-open")).isVisible();
	}

	@Test
	void onAPhoneTheOpenTicketComesFirstAndHeadersAndBadgesDoNotWrap() {
		com.tpwallet.walletdesk.Api api = new com.tpwallet.walletdesk.Api(mvc);
		String token = api.login(api.registerCustomer("zh-CN"), com.tpwallet.walletdesk.Api.PASSWORD);
		String tag = String.valueOf(java.util.concurrent.ThreadLocalRandom.current().nextInt(1_000_000));
		api.post("/api/v1/tickets", java.util.Map.of("subject", "手机上看工单" + tag, "message", "提现没到账", "language", "zh-CN",
				"topic", "withdrawals"), token);
		String name = "phone." + tag;
		api.post("/api/v1/admin/staff",
				java.util.Map.of("username", name, "displayName", "Li " + tag, "password",
						com.tpwallet.walletdesk.Api.PASSWORD, "role", "AGENT", "languages", java.util.List.of("zh-CN")),
				api.adminToken());
		Page phone = phonePage();
		phone.navigate(url("/agent?lang=zh-CN"));
		signIn(phone, name, com.tpwallet.walletdesk.Api.PASSWORD);
		phone.locator("#ticket-list tr", new Page.LocatorOptions().setHasText("手机上看工单" + tag)).first().click();
		assertThat(phone.locator("#ticket h2")).containsText("手机上看工单" + tag);
		assertThat(phone.locator("#ticket").boundingBox().y).as("the open ticket first")
			.isLessThan(phone.locator("#ticket-list").boundingBox().y);
		assertThat(phone.locator("header.bar").boundingBox().height).as("the header on one line").isLessThan(70);
		for (com.microsoft.playwright.Locator badge : phone.locator("#ticket .badge").all()) {
			assertThat(badge.boundingBox().height).as("a badge on one line: " + badge.textContent()).isLessThan(32);
		}
	}

}
