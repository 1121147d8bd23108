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
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

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

	private final TemplateEngine templates;

	WeeklyReport(JdbcClient jdbc, TransactionTemplate transactions, FeedbackReport report, TemplateEngine templates,
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
		this.templates = templates;
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

	/** The report as plain HTML tables (mail clients ignore scripts and most styles). */
	String html(FeedbackReport.Report r) {
		Context context = new Context(language);
		context.setVariable("r", r);
		context.setVariable("tables", List.of(r.byArea(), r.byKind(), r.bySentiment()));
		return templates.process("feedback/weekly-report", context);
	}

}
