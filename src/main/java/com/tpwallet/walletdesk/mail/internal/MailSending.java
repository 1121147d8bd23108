package com.tpwallet.walletdesk.mail.internal;

import com.tpwallet.walletdesk.support.SupportApi;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Sends what the outbox holds, once across instances (rows taken with SKIP LOCKED): a
 * multipart text + HTML mail with our Message-ID, In-Reply-To and the whole References
 * chain, the ticket number in the subject, and {@code Auto-Submitted: auto-replied} on
 * automatic mail. A temporary failure is retried with growing pauses; a permanent one (a
 * 5xx answer) is shown on the entry with the server's words.
 */
@Component
class MailSending {

	private static final Logger log = LoggerFactory.getLogger(MailSending.class);

	static final int MAX_ATTEMPTS = 8;

	private final JdbcClient jdbc;

	private final TransactionTemplate tx;

	private final MailTransport transport;

	private final TemplateEngine templates;

	private final SupportApi support;

	private final MailProperties properties;

	private final Clock clock;

	MailSending(JdbcClient jdbc, TransactionTemplate tx, MailTransport transport, TemplateEngine templates,
			SupportApi support, MailProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.tx = tx;
		this.transport = transport;
		this.templates = templates;
		this.support = support;
		this.properties = properties;
		this.clock = clock;
	}

	record Outgoing(UUID id, UUID ticketId, @Nullable Long entryId, String kind, String recipient, String messageId,
			String language, String subject, String body, @Nullable String inReplyTo, @Nullable String refs,
			int attempts, List<UUID> attachments) {
	}

	/** Sends as soon as something is queued, not only on the next scheduled round. */
	private final ExecutorService worker = Executors
		.newSingleThreadExecutor(Thread.ofPlatform().name("mail-sending").daemon().factory());

	/** The longest the one who queued a mail waits for it to go out ({@link #wake}). */
	static final Duration SEND_WAIT = Duration.ofSeconds(2);

	/**
	 * A mail was queued and committed: send now (rows taken with SKIP LOCKED, so never
	 * twice), and let the one who queued it wait for that round, at most
	 * {@link #SEND_WAIT}. An agent's answer is then in the customer's mailbox when the
	 * reply is stored, not a moment after it, when the customer may already be reading
	 * the acknowledgement alone. A slow or absent mail server costs that wait at most:
	 * the round, and the scheduled ones after it, go on.
	 */
	void wake() {
		Future<?> round = worker.submit(() -> {
			try {
				sendDue();
			}
			catch (RuntimeException e) {
				log.warn("Sending queued mail failed; the scheduled round tries again: {}", e.toString());
			}
		});
		try {
			round.get(SEND_WAIT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException | ExecutionException e) {
			// still sending, or failed and logged: the rounds go on without the caller
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	@jakarta.annotation.PreDestroy
	void stop() {
		worker.shutdownNow();
	}

	/** Sends what is due, batch after batch; returns how many were tried. */
	@Scheduled(fixedDelayString = "${walletdesk.mail.send-interval:PT1S}")
	int sendDue() {
		if (!transport.available()) {
			return 0;
		}
		int tried = 0;
		while (true) {
			Integer batch = tx.execute(s -> sendBatch(50));
			if (batch == null || batch == 0) {
				return tried;
			}
			tried += batch;
		}
	}

	private int sendBatch(int size) {
		List<Outgoing> due = jdbc.sql("""
				SELECT * FROM mail_outbox WHERE status = 'queued' AND next_attempt_at <= ?
				ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED""")
			.params(Timestamp.from(clock.instant()), size)
			.query((rs, n) -> new Outgoing(rs.getObject("id", UUID.class), rs.getObject("ticket_id", UUID.class),
					(Long) rs.getObject("entry_id"), rs.getString("kind"), rs.getString("recipient"),
					rs.getString("message_id"), rs.getString("language"), rs.getString("subject"), rs.getString("body"),
					rs.getString("in_reply_to"), rs.getString("refs"), rs.getInt("attempts"),
					attachments(rs.getArray("attachment_ids"))))
			.list();
		send(due);
		return due.size();
	}

	/**
	 * One SMTP connection for the batch; a mail the server refuses is judged on its own
	 * (retried later, or failed for good on a 5xx answer), the others count as sent.
	 */
	private void send(List<Outgoing> due) {
		java.util.Map<MimeMessage, Outgoing> composed = new java.util.LinkedHashMap<>();
		for (Outgoing mail : due) {
			try {
				composed.put(compose(mail), mail);
			}
			catch (MessagingException | UnsupportedEncodingException | RuntimeException e) {
				failed(mail, e);
			}
		}
		java.util.Map<Object, Exception> refused = java.util.Map.of();
		try {
			transport.send(composed.keySet().toArray(MimeMessage[]::new));
		}
		catch (org.springframework.mail.MailSendException e) {
			refused = e.getFailedMessages().isEmpty() ? java.util.Map
				.copyOf(composed.keySet().stream().collect(java.util.stream.Collectors.toMap(m -> (Object) m, m -> e)))
					: e.getFailedMessages();
		}
		catch (MailException e) {
			java.util.Map<Object, Exception> all = new java.util.HashMap<>();
			composed.keySet().forEach(m -> all.put(m, e));
			refused = all;
		}
		Instant now = clock.instant();
		for (var entry : composed.entrySet()) {
			Exception why = refused.get(entry.getKey());
			if (why == null) {
				sent(entry.getValue(), now);
			}
			else {
				failed(entry.getValue(), why);
			}
		}
	}

	private void sent(Outgoing mail, Instant now) {
		jdbc.sql("UPDATE mail_outbox SET status = 'sent', sent_at = ?, attempts = attempts + 1 WHERE id = ?")
			.params(Timestamp.from(now), mail.id())
			.update();
		record(mail, "sent", null);
	}

	private void failed(Outgoing mail, Exception e) {
		String answer = serverAnswer(e);
		boolean permanent = isPermanent(e) || mail.attempts() + 1 >= MAX_ATTEMPTS;
		jdbc.sql("""
				UPDATE mail_outbox SET status = ?, attempts = attempts + 1, last_error = ?, next_attempt_at = ?
				WHERE id = ?""")
			.params(permanent ? "failed" : "queued", answer,
					Timestamp.from(clock.instant().plus(backoff(mail.attempts() + 1))), mail.id())
			.update();
		if (permanent) {
			record(mail, "failed", answer);
		}
		log.warn("Mail {} on ticket {} {}: {}", mail.kind(), mail.ticketId(),
				permanent ? "failed for good" : "will be retried", answer);
	}

	private void record(Outgoing mail, String state, @Nullable String detail) {
		if (mail.entryId() != null) {
			support.recordDelivery(mail.entryId(), state, detail);
		}
	}

	private static List<UUID> attachments(java.sql.@Nullable Array ids) throws java.sql.SQLException {
		return ids == null ? List.of() : List.of((UUID[]) ids.getArray());
	}

	/** 5 s, 10 s, 20 s … up to an hour. */
	static Duration backoff(int attempts) {
		return Duration.ofSeconds(Math.min(3600, 5L << Math.min(attempts - 1, 20)));
	}

	/** A 5xx answer from the server: retrying will not help. */
	static boolean isPermanent(Exception e) {
		for (Throwable t = e; t != null; t = t.getCause()) {
			if (t instanceof SMTPAddressFailedException a && a.getReturnCode() >= 500) {
				return true;
			}
			if (t instanceof SMTPSendFailedException s && s.getReturnCode() >= 500) {
				return true;
			}
			if (t instanceof SendFailedException f && f.getNextException() != null && f.getNextException() != t
					&& isPermanent(f.getNextException())) {
				return true;
			}
		}
		return false;
	}

	private static String serverAnswer(Exception e) {
		Throwable deepest = e;
		for (Throwable t = e; t != null; t = t instanceof SendFailedException f && f.getNextException() != null
				? f.getNextException() : t.getCause()) {
			deepest = t;
			if (t == t.getCause()) {
				break;
			}
		}
		String message = String.valueOf(deepest.getMessage()).strip();
		return message.length() > 480 ? message.substring(0, 480) : message;
	}

	MimeMessage compose(Outgoing mail) throws MessagingException, UnsupportedEncodingException {
		MimeMessage message = transport.newMessage();
		MimeMessageHelper helper = new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED,
				"UTF-8");
		helper.setFrom(new InternetAddress(properties.address(), properties.displayName(), "UTF-8"));
		helper.setTo(mail.recipient());
		helper.setSubject(mail.subject());
		Context context = new Context(Locale.forLanguageTag(mail.language()));
		context.setVariable("paragraphs",
				java.util.Arrays.stream(mail.body().split("\n\n")).map(p -> List.of(p.split("\n"))).toList());
		context.setVariable("lang", mail.language());
		helper.setText(mail.body(), templates.process("mail/message", context));
		for (UUID id : mail.attachments()) {
			SupportApi.FileContent file = support.file(id)
				.orElseThrow(() -> new MessagingException("The file " + id + " is gone"));
			helper.addAttachment(file.fileName(), new org.springframework.core.io.ByteArrayResource(file.bytes()),
					file.mediaType());
		}
		message.setHeader("Message-ID", mail.messageId());
		if (mail.inReplyTo() != null) {
			message.setHeader("In-Reply-To", mail.inReplyTo());
		}
		String references = references(mail);
		if (!references.isEmpty()) {
			message.setHeader("References", references);
		}
		message.setHeader("X-Loop", properties.address());
		if (mail.kind().equals("acknowledge")) {
			message.setHeader("Auto-Submitted", "auto-replied");
			message.setHeader("X-Auto-Response-Suppress", "All");
		}
		return message;
	}

	/** The thread before this mail, with the message it answers last (RFC 5322 3.6.4). */
	private static String references(Outgoing mail) {
		java.util.LinkedHashSet<String> chain = new java.util.LinkedHashSet<>(MailAddresses.messageIds(mail.refs()));
		chain.remove(mail.messageId());
		if (mail.inReplyTo() != null) {
			chain.remove(mail.inReplyTo());
			chain.add(mail.inReplyTo());
		}
		return String.join(" ", chain);
	}

}
