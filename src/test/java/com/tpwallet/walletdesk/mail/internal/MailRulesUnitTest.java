package com.tpwallet.walletdesk.mail.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The mail channel's rules on real mail text: no server, no application. */
class MailRulesUnitTest {

	static final String DOMAIN = "walletdesk.local";

	static byte[] mail(String headers, String body) {
		return (headers + "\r\n\r\n" + body).replace("\r\n", "\n")
			.replace("\n", "\r\n")
			.getBytes(StandardCharsets.ISO_8859_1);
	}

	static InboundMail parse(byte[] raw) throws Exception {
		return MailParser.parse(raw, DOMAIN);
	}

	static final String PERSON = "From: Alice <alice@example.com>\nTo: support@walletdesk.local\nSubject: Help\n"
			+ "Message-ID: <a1@example.com>";

	@Test
	void aPersonsMailIsNotAutomated() throws Exception {
		assertThat(parse(mail(PERSON, "Hello")).automated()).isNull();
		assertThat(parse(mail(PERSON + "\nAuto-Submitted: no", "Hello")).automated()).isNull();
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			value = { "Auto-Submitted: auto-replied|auto-submitted", "Auto-Submitted: auto-generated|auto-submitted",
					"Precedence: bulk|precedence-bulk", "Precedence: junk|precedence-junk",
					"Precedence: list|precedence-list", "X-Auto-Response-Suppress: All|x-auto-response-suppress",
					"List-Id: <news.example.com>|list-id",
					"List-Unsubscribe: <mailto:off@example.com>|list-unsubscribe",
					"X-Loop: support@walletdesk.local|x-loop", "Return-Path: <>|empty-return-path" })
	void eachLoopHeaderMarksTheMailAutomated(String header, String reason) throws Exception {
		assertThat(parse(mail(PERSON + "\n" + header, "I am away")).automated()).isEqualTo(reason);
	}

	@Test
	void aMailerDaemonAndOurOwnMessageIdAreAutomated() throws Exception {
		assertThat(parse(mail("From: MAILER-DAEMON@mx.example.com\nSubject: x\nMessage-ID: <d@mx>", "x")).automated())
			.isEqualTo("mailer-daemon");
		assertThat(parse(mail("From: a@example.com\nSubject: x\nMessage-ID: <123@walletdesk.local>", "x")).automated())
			.isEqualTo("our-message-id");
	}

	@Test
	void repliesAndReferencesAreAllKeptInOrder() throws Exception {
		InboundMail m = parse(mail(
				PERSON + "\nIn-Reply-To: <r2@walletdesk.local>\nReferences: <r1@x.com>\n <r2@walletdesk.local>", "ok"));
		assertThat(m.answers()).containsExactly("<r2@walletdesk.local>", "<r1@x.com>");
		assertThat(m.messageId()).isEqualTo("<a1@example.com>");
		assertThat(m.sender()).isEqualTo("alice@example.com");
	}

	@Test
	void gb2312LabelledMailIsReadAsGb18030SoGbkOnlyCharactersSurvive() throws Exception {
		// 镕 is in GBK but not in GB2312: mail labelled GB2312 often carries it (FreeScout
		// #4282)
		String text = "朱镕基 充值失败";
		byte[] body = text.getBytes(Charset.forName("GBK"));
		String subject = "=?gb2312?B?" + Base64.getEncoder().encodeToString("镕 充值".getBytes(Charset.forName("GBK")))
				+ "?=";
		byte[] raw = concat(mail("From: wang@example.com\nSubject: " + subject + "\nMessage-ID: <g@x>\n"
				+ "Content-Type: text/plain; charset=gb2312\nContent-Transfer-Encoding: 8bit", ""), body);
		InboundMail m = parse(raw);
		assertThat(m.text()).isEqualTo(text);
		assertThat(m.subject()).isEqualTo("镕 充值");
	}

	@Test
	void aGbkBodyInBase64AndAQuotedPrintableLatinOneBodyAreDecoded() throws Exception {
		String gbk = Base64.getEncoder().encodeToString("我昨天用招商银行卡充值".getBytes(Charset.forName("GBK")));
		assertThat(parse(
				mail("From: w@example.com\nSubject: x\nMessage-ID: <b@x>\nContent-Type: text/plain; charset=\"gbk\"\n"
						+ "Content-Transfer-Encoding: base64", gbk))
			.text()).isEqualTo("我昨天用招商银行卡充值");
		assertThat(parse(mail(
				"From: f@example.com\nSubject: =?ISO-8859-1?Q?Caf=E9?=\nMessage-ID: <q@x>\n"
						+ "Content-Type: text/plain; charset=iso-8859-1\nContent-Transfer-Encoding: quoted-printable",
				"Le caf=E9 est pay=E9 deux fois")))
			.satisfies(m -> {
				assertThat(m.text()).isEqualTo("Le café est payé deux fois");
				assertThat(m.subject()).isEqualTo("Café");
			});
	}

	@Test
	void aMailWithoutACharsetIsDetected() throws Exception {
		byte[] utf8 = concat(mail("From: a@example.com\nSubject: x\nMessage-ID: <n1@x>", ""),
				"提现没有到账，已经三天了".getBytes(StandardCharsets.UTF_8));
		assertThat(parse(utf8).text()).isEqualTo("提现没有到账，已经三天了");
		byte[] gbk = concat(mail("From: a@example.com\nSubject: x\nMessage-ID: <n2@x>\nContent-Type: text/plain", ""),
				"我的提现申请已经三天了还没有到账，请帮我查一下银行卡的状态，谢谢".getBytes(Charset.forName("GB18030")));
		assertThat(parse(gbk).text()).isEqualTo("我的提现申请已经三天了还没有到账，请帮我查一下银行卡的状态，谢谢");
	}

	@Test
	void theTextPartIsPreferredAndHtmlAloneLosesItsScript() throws Exception {
		String alternative = "Content-Type: multipart/alternative; boundary=b\n";
		InboundMail both = parse(mail(PERSON + "\n" + alternative,
				"--b\nContent-Type: text/plain; charset=utf-8\n\nplain words\n--b\nContent-Type: text/html\n\n<p>html words</p>\n--b--"));
		assertThat(both.text()).isEqualTo("plain words");
		InboundMail html = parse(mail(PERSON + "\nContent-Type: text/html; charset=utf-8",
				"<p>My top-up failed</p><script>alert('x')</script><img src=x onerror=alert(1)><p>Please help</p>"));
		assertThat(html.text()).isEqualTo("My top-up failed\nPlease help");
	}

	@Test
	void quotedHistoryAndTheSignatureAreLeftOutOfTheEntry() {
		assertThat(QuotedText
			.newText("Still not there.\n\nOn Mon, 23 Nov 2026 at 10:00, Support <s@w> wrote:\n> Your money"))
			.isEqualTo("Still not there.");
		assertThat(QuotedText.newText("Merci.\nLe lun. 23 nov. 2026 à 10:00, Support a écrit :\n> texte"))
			.isEqualTo("Merci.");
		assertThat(QuotedText.newText("Danke.\nAm Mo., 23. Nov. 2026 um 10:00 schrieb Support <s@w>:\n> Text"))
			.isEqualTo("Danke.");
		assertThat(QuotedText.newText("谢谢\n在 2026年11月23日 10:00，客服 写道：\n> 内容")).isEqualTo("谢谢");
		assertThat(QuotedText.newText("Thanks\n-- \nAlice Liu\n+86 138")).isEqualTo("Thanks");
		assertThat(QuotedText.newText("> only a quote")).as("nothing new: keep what there is")
			.isEqualTo("> only a quote");
	}

	@Test
	void aForwardedMailKeepsTheForwardedText() throws Exception {
		InboundMail m = parse(mail(PERSON + "\nContent-Type: multipart/mixed; boundary=f",
				"--f\nContent-Type: text/plain\n\nSee below, the bank says this.\n--f\nContent-Type: message/rfc822\n\n"
						+ "From: bank@example.com\nSubject: Payout returned\nMessage-ID: <bank1@example.com>\n\nThe account is closed.\n--f--"));
		assertThat(m.text()).contains("See below, the bank says this.")
			.contains("Payout returned")
			.contains("The account is closed.");
	}

	@Test
	void aDeliveryReportNamesTheRecipientTheStatusAndOurMessage() throws Exception {
		InboundMail m = parse(mail("From: Mail Delivery System <MAILER-DAEMON@mx.example.com>\nSubject: Undelivered\n"
				+ "Message-ID: <dsn1@mx>\nContent-Type: multipart/report; report-type=delivery-status; boundary=r",
				"--r\nContent-Type: text/plain\n\nDelivery failed.\n--r\nContent-Type: message/delivery-status\n\n"
						+ "Reporting-MTA: dns; mx.example.com\n\nFinal-Recipient: rfc822; gone@example.com\nAction: failed\n"
						+ "Status: 5.1.1\nDiagnostic-Code: smtp; 550 5.1.1 User unknown\n--r\n"
						+ "Content-Type: text/rfc822-headers\n\nMessage-ID: <ours-1@walletdesk.local>\nSubject: Re: x\n--r--"));
		assertThat(m.bounce()).isEqualTo(new InboundMail.Bounce("gone@example.com", "5.1.1",
				"smtp; 550 5.1.1 User unknown", "<ours-1@walletdesk.local>"));
		assertThat(m.automated()).isEqualTo("mailer-daemon");
	}

	@Test
	void attachmentsComeWithTheirNames() throws Exception {
		InboundMail m = parse(mail(PERSON + "\nContent-Type: multipart/mixed; boundary=m",
				"--m\nContent-Type: text/plain\n\nreceipt attached\n--m\nContent-Type: image/png; name=\"=?utf-8?B?5Zu+LnBuZw==?=\"\n"
						+ "Content-Disposition: attachment; filename=\"=?utf-8?B?5Zu+LnBuZw==?=\"\nContent-Transfer-Encoding: base64\n\n"
						+ "iVBORw0KGgo=\n--m--"));
		assertThat(m.attachments()).hasSize(1);
		assertThat(m.attachments().get(0).name()).isEqualTo("图.png");
		assertThat(m.attachments().get(0).bytes()).startsWith(0x89, 'P', 'N', 'G');
	}

	@Test
	void retriesWaitLongerEachTimeUpToAnHour() {
		assertThat(MailSending.backoff(1)).hasSeconds(5);
		assertThat(MailSending.backoff(2)).hasSeconds(10);
		assertThat(MailSending.backoff(5)).hasSeconds(80);
		assertThat(MailSending.backoff(30)).hasSeconds(3600);
	}

	@Test
	void aFiveHundredAnswerFailsForGoodAndAFourHundredOneIsRetried() throws Exception {
		var unknown = new org.eclipse.angus.mail.smtp.SMTPAddressFailedException(
				new jakarta.mail.internet.InternetAddress("gone@example.com"), "RCPT TO", 550,
				"550 5.1.1 User unknown");
		assertThat(MailSending.isPermanent(new org.springframework.mail.MailSendException("refused", unknown)))
			.isTrue();
		var busy = new org.eclipse.angus.mail.smtp.SMTPAddressFailedException(
				new jakarta.mail.internet.InternetAddress("busy@example.com"), "RCPT TO", 451, "451 4.7.1 Try later");
		assertThat(MailSending.isPermanent(new org.springframework.mail.MailSendException("refused", busy))).isFalse();
		assertThat(MailSending.isPermanent(new jakarta.mail.MessagingException("connection refused"))).isFalse();
	}

	static byte[] concat(byte[] a, byte[] b) {
		byte[] out = new byte[a.length + b.length];
		System.arraycopy(a, 0, out, 0, a.length);
		System.arraycopy(b, 0, out, a.length, b.length);
		return out;
	}

}
