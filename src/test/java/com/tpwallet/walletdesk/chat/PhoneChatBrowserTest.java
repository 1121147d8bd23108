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

}
