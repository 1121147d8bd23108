package com.tpwallet.walletdesk.feedback.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.util.HtmlUtils;

/**
 * Every Monday from 09:00 (Beijing), last week's feedback goes by e-mail to the product
 * team ({@code walletdesk.feedback.report-to}): the counts and the top groups as HTML,
 * every message as CSV. Each instance checks every hour; the week is claimed in
 * PostgreSQL in the transaction that sends, so it is sent once, and a failed send is
 * tried again the next hour.
 */
@Component
class WeeklyReport {

	private static final Logger log = LoggerFactory.getLogger(WeeklyReport.class);

	static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final FeedbackReport report;

	private final ObjectProvider<JavaMailSender> mail;

	private final List<String> recipients;

	private final String from;

	private final Locale language;

	private final Clock clock;

	WeeklyReport(JdbcClient jdbc, TransactionTemplate transactions, FeedbackReport report,
			ObjectProvider<JavaMailSender> mail, @Value("${walletdesk.feedback.report-to:}") List<String> recipients,
			@Value("${walletdesk.mail.from:no-reply@tpwallet.example}") String from,
			@Value("${walletdesk.feedback.report-language:en}") String language, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.report = report;
		this.mail = mail;
		this.recipients = recipients.stream().filter(r -> !r.isBlank()).toList();
		this.from = from;
		this.language = Locale.forLanguageTag(language);
		this.clock = clock;
	}

	@Scheduled(cron = "${walletdesk.feedback.report-check:0 5 * * * *}", zone = "Asia/Shanghai")
	void sendIfDue() {
		LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), BEIJING);
		LocalDate monday = now.toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		if (recipients.isEmpty() || now.toLocalDate().equals(monday) && now.getHour() < 9) {
			return;
		}
		JavaMailSender sender = mail.getIfAvailable();
		if (sender == null) {
			log.warn("The weekly feedback report is not sent: no SMTP server (spring.mail.host)");
			return;
		}
		send(sender, monday.minusWeeks(1));
	}

	/**
	 * Sends the week starting {@code monday}, unless it was sent; answers whether it
	 * sent.
	 */
	boolean send(JavaMailSender sender, LocalDate monday) {
		Boolean sent = transactions.execute(tx -> {
			int claimed = jdbc
				.sql("INSERT INTO feedback_report_run (week, sent_at) VALUES (?, ?) ON CONFLICT DO NOTHING")
				.params(monday, Timestamp.from(clock.instant()))
				.update();
			if (claimed == 0) {
				return false;
			}
			mailWeek(sender, monday);
			return true;
		});
		return Boolean.TRUE.equals(sent);
	}

	private void mailWeek(JavaMailSender sender, LocalDate monday) {
		FeedbackReport.Filter week = report.filter(monday, monday.plusDays(6), null, null, null);
		Locale previous = LocaleContextHolder.getLocale();
		LocaleContextHolder.setLocale(language);
		try {
			FeedbackReport.Report r = report.report(week);
			MimeMessage message = sender.createMimeMessage();
			MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
			helper.setFrom(from);
			helper.setTo(recipients.toArray(String[]::new));
			helper.setSubject("tpWallet feedback, week of " + monday + ": " + r.total() + " messages");
			helper.setText(html(r), true);
			helper.addAttachment("feedback-" + monday + ".csv",
					new ByteArrayResource(FeedbackController.csv(report.items(week)).getBytes(StandardCharsets.UTF_8)),
					"text/csv");
			sender.send(message);
		}
		catch (MessagingException e) {
			throw new IllegalStateException("The weekly feedback report could not be written", e);
		}
		finally {
			LocaleContextHolder.setLocale(previous);
		}
	}

	/** The report as a plain HTML table: mail clients ignore scripts and most styles. */
	static String html(FeedbackReport.Report r) {
		StringBuilder out = new StringBuilder("<html><body style=\"font-family:sans-serif\">");
		out.append("<h1>")
			.append(r.total())
			.append(" · ")
			.append(r.from())
			.append(" – ")
			.append(r.to())
			.append("</h1>");
		table(out, r.byArea());
		table(out, r.byKind());
		table(out, r.bySentiment());
		out.append("<h2>Top groups</h2><ol>");
		for (FeedbackReport.Group g : r.groups()) {
			out.append("<li><b>")
				.append(HtmlUtils.htmlEscape(g.label()))
				.append("</b> — ")
				.append(g.size())
				.append(" (")
				.append(g.customers())
				.append(" customers, ")
				.append(g.trend())
				.append(", ")
				.append(String.join(", ", g.languages()))
				.append(")<ul>");
			g.samples().forEach(s -> out.append("<li><i>").append(HtmlUtils.htmlEscape(s.text())).append("</i></li>"));
			out.append("</ul></li>");
		}
		return out.append("</ol></body></html>").toString();
	}

	private static void table(StringBuilder out, List<FeedbackReport.Count> counts) {
		out.append("<table border=\"1\" cellpadding=\"4\" style=\"border-collapse:collapse;margin-bottom:1em\">");
		counts.forEach(c -> out.append("<tr><td>")
			.append(HtmlUtils.htmlEscape(c.text()))
			.append("</td><td align=\"right\">")
			.append(c.count())
			.append("</td></tr>"));
		out.append("</table>");
	}

}
