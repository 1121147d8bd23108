package com.tpwallet.walletdesk.mail.internal;

import com.tpwallet.walletdesk.identity.IdentityApi;
import com.tpwallet.walletdesk.support.SupportApi;
import com.tpwallet.walletdesk.support.SupportEvents;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Mail is written here first, in the transaction that made it (an agent's reply, a new
 * ticket), with its own Message-ID already in the thread; {@link MailSending} sends it
 * after the commit and retries with backoff.
 */
@Component
class MailOutbox {

	static final Duration ACKNOWLEDGEMENT_WINDOW = Duration.ofDays(1);

	private final JdbcClient jdbc;

	private final MailStore store;

	private final SupportApi support;

	private final IdentityApi identity;

	private final MessageSource messages;

	private final MailProperties properties;

	private final MailSending sending;

	private final Clock clock;

	MailOutbox(JdbcClient jdbc, MailStore store, SupportApi support, IdentityApi identity, MessageSource messages,
			MailProperties properties, MailSending sending, Clock clock) {
		this.sending = sending;
		this.jdbc = jdbc;
		this.store = store;
		this.support = support;
		this.identity = identity;
		this.messages = messages;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * An agent's answer on a ticket that came by e-mail, to the last address that wrote,
	 * threaded to its message. False when the ticket has no e-mail thread.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	boolean reply(UUID ticketId, long entryId, String text, SupportEvents.@Nullable MachineTranslated translated,
			@Nullable UUID attachmentId) {
		Optional<MailStore.LastReceived> last = store.lastReceived(ticketId);
		if (last.isEmpty()) {
			return false;
		}
		SupportApi.TicketFacts ticket = support.ticket(ticketId).orElseThrow();
		String language = language(ticket);
		String subject = subject(ticket, language, "mail.reply.subject");
		String body = text(language, "mail.reply.body", translated == null ? text : text + "\n\n"
				+ text(language, "mail.reply.machine-translated", translated.provider(),
						text(language, "page.language." + translated.language()))
				+ "\n" + translated.original(), ticket.number());
		enqueue(ticket, entryId, "reply", last.get().sender(), last.get().messageId(), language, subject, body,
				attachmentId);
		support.recordDelivery(entryId, "queued", null);
		return true;
	}

	/**
	 * That a new ticket was received, with the time of the first answer the SLA promises;
	 * at most a few a day to one address, and never to automated senders (the caller
	 * checks that).
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	void acknowledge(UUID ticketId, String recipient, String answering) {
		if (store.findContact(recipient).map(MailStore.Contact::bouncing).orElse(false)) {
			return;
		}
		long recent = jdbc.sql("""
				SELECT count(*) FROM mail_outbox WHERE kind = 'acknowledge' AND recipient = ? AND created_at > ?""")
			.params(recipient, Timestamp.from(clock.instant().minus(ACKNOWLEDGEMENT_WINDOW)))
			.query(Long.class)
			.single();
		if (recent >= properties.acknowledgementsPerSenderPerDay()) {
			return;
		}
		SupportApi.TicketFacts ticket = support.ticket(ticketId).orElseThrow();
		String language = language(ticket);
		String due = ticket.firstResponseDue() == null ? "—"
				: DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
					.withLocale(Locale.forLanguageTag(language))
					.withZone(ZoneId.of("Asia/Shanghai"))
					.format(ticket.firstResponseDue());
		String subject = subject(ticket, language, "mail.acknowledge.subject");
		// each queue may say more (withdrawals: paid out on business days); else the
		// general words
		String topic = ticket.queue().contains("-") ? ticket.queue().substring(0, ticket.queue().indexOf('-'))
				: ticket.queue();
		String body = messages.getMessage("mail.acknowledge.body." + topic, new Object[] { ticket.number(), due },
				text(language, "mail.acknowledge.body", ticket.number(), due), Locale.forLanguageTag(language));
		enqueue(ticket, null, "acknowledge", recipient, answering, language, subject, body, null);
	}

	private void enqueue(SupportApi.TicketFacts ticket, @Nullable Long entryId, String kind, String recipient,
			String inReplyTo, String language, String subject, String body, @Nullable UUID attachmentId) {
		String messageId = MailAddresses.newMessageId(properties.domain());
		List<String> thread = store.thread(ticket.id());
		Instant now = clock.instant();
		jdbc.sql("""
				INSERT INTO mail_outbox (id, ticket_id, entry_id, kind, recipient, message_id, language, subject, body,
				  in_reply_to, refs, attachment_ids, next_attempt_at, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(UUID.randomUUID(), ticket.id(), entryId, kind, recipient, messageId, language, subject, body,
					inReplyTo, String.join(" ", thread), attachmentId == null ? null : new UUID[] { attachmentId },
					Timestamp.from(now), Timestamp.from(now))
			.update();
		// known at once, so that an answer to it threads even before it is sent
		store.message(messageId, "out", ticket.id(), entryId, null, properties.address(), subject, null, null);
		if (org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
			org.springframework.transaction.support.TransactionSynchronizationManager
				.registerSynchronization(new org.springframework.transaction.support.TransactionSynchronization() {
					@Override
					public void afterCommit() {
						sending.wake();
					}
				});
		}
	}

	/** The words of a mail that carries an agent's file, in the requester's language. */
	String fileSent(UUID ticketId, String fileName) {
		SupportApi.TicketFacts ticket = support.ticket(ticketId).orElseThrow();
		return text(language(ticket), "mail.file.body", fileName);
	}

	private String language(SupportApi.TicketFacts ticket) {
		if (ticket.customerId() != null) {
			return identity.customer(ticket.customerId()).map(c -> c.language()).orElse(ticket.language());
		}
		return ticket.language();
	}

	private String subject(SupportApi.TicketFacts ticket, String language, String key) {
		return text(language, key, ticket.number(), ticket.subject());
	}

	private String text(String language, String key, Object... args) {
		return messages.getMessage(key, args, Locale.forLanguageTag(language));
	}

}
