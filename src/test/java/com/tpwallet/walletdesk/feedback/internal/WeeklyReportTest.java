package com.tpwallet.walletdesk.feedback.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.tpwallet.walletdesk.Api;
import com.tpwallet.walletdesk.HttpTestBase;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The weekly report, sent to a local SMTP server: HTML with the counts and groups, the
 * week's feedback as a CSV attachment, and only once per week however many instances try.
 */
class WeeklyReportTest extends HttpTestBase {

	GreenMail smtp;

	JavaMailSenderImpl sender;

	@BeforeEach
	void startSmtp() {
		smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		smtp.start();
		sender = new JavaMailSenderImpl();
		sender.setHost("127.0.0.1");
		sender.setPort(smtp.getSmtp().getPort());
	}

	@AfterEach
	void stopSmtp() {
		smtp.stop();
	}

	@Test
	void theWeeksFeedbackGoesOutOnceAsHtmlWithACsvAttachment() throws Exception {
		String customer = api.login(api.registerCustomer("en"), Api.PASSWORD);
		api.post("/api/v1/feedback", Map.of("text", "Please add Apple Pay for payments"), customer);
		api.post("/api/v1/feedback", Map.of("text", "<b>pay</b> with apple pay please"), customer);
		LocalDate monday = LocalDate.now(ZoneOffset.UTC).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		jdbc.sql("DELETE FROM feedback_report_run WHERE week = ?").param(monday).update();

		// the test profile names no recipients: give the instance one, as the demo does
		WeeklyReport toProduct = new WeeklyReport(jdbc,
				new org.springframework.transaction.support.TransactionTemplate(
						new org.springframework.jdbc.support.JdbcTransactionManager(dataSource)),
				report, templates, null, java.util.List.of("product.li@walletdesk.local"), "reports@walletdesk.local",
				"en", clock);
		assertThat(toProduct.send(sender, monday)).isTrue();
		assertThat(toProduct.send(sender, monday)).as("a second instance finds the week sent").isFalse();

		MimeMessage[] received = smtp.getReceivedMessages();
		assertThat(received).hasSize(1);
		assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("product.li@walletdesk.local");
		Multipart parts = (Multipart) received[0].getContent();
		assertThat(html(parts)).contains("Payments")
			.as("what customers wrote is text, never markup")
			.contains("&lt;b&gt;pay&lt;/b&gt;")
			.doesNotContain("<b>pay</b>");
		BodyPart csv = parts.getBodyPart(parts.getCount() - 1);
		assertThat(csv.getFileName()).isEqualTo("feedback-" + monday + ".csv");
		assertThat(new String(csv.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
			.startsWith("created_at,source")
			.contains("Please add Apple Pay for payments");
	}

	/** The HTML part, wherever the multipart nests it. */
	static String html(Multipart multipart) throws Exception {
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < multipart.getCount(); i++) {
			BodyPart part = multipart.getBodyPart(i);
			if (part.getContent() instanceof Multipart nested) {
				out.append(html(nested));
			}
			else if (part.isMimeType("text/html")) {
				out.append(part.getContent());
			}
		}
		return out.toString();
	}

	@Autowired
	FeedbackReport report;

	@Autowired
	org.thymeleaf.TemplateEngine templates;

	@Autowired
	javax.sql.DataSource dataSource;

}
