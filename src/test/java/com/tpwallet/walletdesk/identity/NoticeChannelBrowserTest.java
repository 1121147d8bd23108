package com.tpwallet.walletdesk.identity;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.tpwallet.walletdesk.Api;
import com.tpwallet.walletdesk.SentMessages;
import com.tpwallet.walletdesk.BrowserTestBase;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * In Chromium, in German and in Chinese: a customer who signed up with a phone adds an
 * e-mail address (proven by the code sent to it) and chooses e-mail; an agent's answer to
 * their ticket is then e-mailed, not texted.
 */
class NoticeChannelBrowserTest extends BrowserTestBase {

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"de|SMS an|E-Mail an|Hinzugefügt. Sie können es jetzt auswählen.|Gespeichert: Sie werden per E-Mail benachrichtigt.",
			"zh-CN|短信发送至|电子邮件发送至|已添加，现在可以选择。|已保存：将通过电子邮件通知您。" })
	void aCustomerAddsAnEmailAddressAndIsToldByEmailWhenAnAgentAnswers(String language, String bySms, String byEmail,
			String added, String saved) {
		Api api = new Api(mvc);
		String phone = api.registerCustomer(language);
		String email = "kunde." + UUID.randomUUID().toString().substring(0, 8) + "@example.de";
		Page page = page();
		page.navigate(url("/help/tickets?lang=" + language));
		signIn(page, phone, Api.PASSWORD);
		assertThat(page.locator("#notice-settings")).containsText(bySms + " " + phone);
		assertThat(page.locator("#notice-sms")).isChecked();
		assertThat(page.locator("#notice-email")).isDisabled();

		page.fill("#new-address", email);
		page.locator("#add-address button[type=submit]").click();
		assertThat(page.locator("#address-code-label")).containsText(email);
		page.fill("#address-code", SentMessages.codeIn(sent().lastTo(email)));
		page.click("#address-confirm");
		assertThat(page.locator("#notice-status")).hasText(added);
		assertThat(page.locator("#notice-settings")).containsText(byEmail + " " + email);
		page.check("#notice-email");
		assertThat(page.locator("#notice-status")).hasText(saved);
		page.reload();
		assertThat(page.locator("#notice-email")).isChecked();

		String token = api.login(phone, Api.PASSWORD);
		String ticket = api
			.post("/api/v1/tickets", Map.of("subject", "Auszahlung fehlt", "message", "Meine Auszahlung ist nicht da",
					"language", language), token)
			.text("id");
		int texts = sent().countTo(phone);
		int mails = sent().countTo(email);
		api.post("/api/v1/tickets/" + ticket + "/entries", Map.of("body", "Wir prüfen das bei der Bank."),
				api.staffToken("SUPERVISOR"));
		assertThat(sent().countTo(email)).as("the answer is e-mailed").isEqualTo(mails + 1);
		assertThat(sent().countTo(phone)).isEqualTo(texts);
	}

}
