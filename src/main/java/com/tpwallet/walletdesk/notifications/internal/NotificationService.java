package com.tpwallet.walletdesk.notifications.internal;

import com.tpwallet.walletdesk.notifications.InboxMessage;
import com.tpwallet.walletdesk.notifications.Notice;
import com.tpwallet.walletdesk.notifications.Notice.Channel;
import com.tpwallet.walletdesk.notifications.Notifications;
import com.tpwallet.walletdesk.platform.CursorPage;
import com.tpwallet.walletdesk.platform.Languages;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Renders a notice in the recipient's language, stores it with the caller's transaction
 * and delivers it once that transaction has committed (never a code sent for a change
 * that rolled back).
 */
@Service
class NotificationService implements Notifications {

	private static final Logger log = LoggerFactory.getLogger(NotificationService.class);

	private final JdbcClient jdbc;

	private final MessageSource messages;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Map<Channel, DeliveryAdapter> adapters;

	NotificationService(JdbcClient jdbc, MessageSource messages, ApplicationEventPublisher events, Clock clock,
			List<DeliveryAdapter> available, @Value("${walletdesk.notifications.sms}") String smsAdapter,
			@Value("${walletdesk.notifications.email}") String emailAdapter) {
		this.jdbc = jdbc;
		this.messages = messages;
		this.events = events;
		this.clock = clock;
		Map<String, DeliveryAdapter> byKey = available.stream()
			.collect(Collectors.toMap(a -> a.channel() + ":" + a.name(), Function.identity()));
		this.adapters = Map.of(Channel.SMS, pick(byKey, Channel.SMS, smsAdapter), Channel.EMAIL,
				pick(byKey, Channel.EMAIL, emailAdapter));
	}

	private static DeliveryAdapter pick(Map<String, DeliveryAdapter> byKey, Channel channel, String name) {
		DeliveryAdapter adapter = byKey.get(channel + ":" + name);
		if (adapter == null) {
			throw new IllegalStateException(
					"No " + channel + " adapter named '" + name + "'; known: " + byKey.keySet());
		}
		adapter.requireConfiguration();
		return adapter;
	}

	@Override
	@Transactional
	public void send(Notice notice) {
		Locale locale = Languages.match(notice.language()).orElse(Languages.DEFAULT);
		Object[] args = notice.args().toArray();
		String body = messages.getMessage("notification." + notice.template() + ".text", args, locale);
		String subject = notice.channel() != Channel.SMS
				? messages.getMessage("notification." + notice.template() + ".subject", args, locale) : null;
		if (notice.channel() == Channel.INAPP) {
			// Nothing to deliver: the message is in the inbox as soon as the transaction
			// commits.
			jdbc.sql(
					"""
							INSERT INTO notification (id, channel, recipient, subject, body, language, status, adapter, created_at, delivered_at)
							VALUES (?, 'INAPP', ?, ?, ?, ?, 'DELIVERED', 'inbox', ?, ?)""")
				.params(UUID.randomUUID(), notice.recipient(), subject, body, locale.toLanguageTag(),
						Timestamp.from(clock.instant()), Timestamp.from(clock.instant()))
				.update();
			return;
		}
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO notification (id, channel, recipient, subject, body, language, status, adapter, created_at)
				VALUES (?, ?, ?, ?, ?, ?, 'PENDING', ?, ?)""")
			.params(id, notice.channel().name(), notice.recipient(), subject, body, locale.toLanguageTag(),
					adapters.get(notice.channel()).name(), Timestamp.from(clock.instant()))
			.update();
		events.publishEvent(new NotificationQueued(id));
	}

	@Override
	@Transactional(readOnly = true)
	public CursorPage<InboxMessage> inbox(UUID person, @Nullable String cursor, int limit) {
		List<Object> params = new ArrayList<>(List.of(person.toString()));
		String older = "";
		if (cursor != null) {
			CursorPage.TimeAndId after = CursorPage.TimeAndId.of(cursor);
			older = "AND (created_at, id) < (?, ?)";
			params.addAll(List.of(Timestamp.from(after.at()), after.id()));
		}
		params.add(limit + 1);
		List<InboxMessage> rows = jdbc.sql("""
				SELECT id, subject, body, created_at FROM notification
				WHERE channel = 'INAPP' AND recipient = ? %s
				ORDER BY created_at DESC, id DESC LIMIT ?""".formatted(older))
			.params(params)
			.query((rs, n) -> new InboxMessage(rs.getObject("id", UUID.class), rs.getString("subject"),
					rs.getString("body"), rs.getTimestamp("created_at").toInstant()))
			.list();
		return CursorPage.of(rows, limit, m -> CursorPage.TimeAndId.position(m.at(), m.id()));
	}

	/**
	 * Delivers once the sender's transaction has committed, in no transaction of its own:
	 * a gateway can take seconds to answer (or its whole time-out), and a pooled
	 * connection held meanwhile is one the rest of the service lacks. With a transaction
	 * around the call, a burst of notices to a slow gateway held every connection in the
	 * pool. Each statement here borrows a connection for itself; a failure leaves the
	 * publication incomplete, to be resubmitted.
	 */
	@Async
	@TransactionalEventListener
	void deliver(NotificationQueued queued) {
		jdbc.sql("""
				SELECT channel, recipient, subject, body, created_at FROM notification
				WHERE id = ? AND status = 'PENDING'""")
			.param(queued.notificationId())
			.query((rs,
					n) -> new Waiting(
							new OutboundMessage(Channel.valueOf(rs.getString("channel")), rs.getString("recipient"),
									rs.getString("subject"), rs.getString("body")),
							rs.getTimestamp("created_at").toInstant()))
			.optional()
			.ifPresent(waiting -> deliver(queued.notificationId(), waiting));
	}

	/**
	 * How long a text or e-mail notice is tried: a day. By then its code has expired and
	 * its news is old, and a recipient the gateway still refuses is not there to be
	 * reached (a number out of service, a mailbox gone).
	 */
	static final Duration TRIED_FOR = Duration.ofDays(1);

	private record Waiting(OutboundMessage message, Instant since) {
	}

	/** What went wrong last, for the health check ({@link NoticeDeliveryHealth}). */
	private void keepFailure(UUID id, RuntimeException e) {
		String failure = String.valueOf(e.getMessage());
		try {
			jdbc.sql("UPDATE notification SET failure = ? WHERE id = ?")
				.params(failure.substring(0, Math.min(failure.length(), 500)), id)
				.update();
		}
		catch (RuntimeException databaseAway) {
			e.addSuppressed(databaseAway);
		}
	}

	private void deliver(UUID id, Waiting waiting) {
		OutboundMessage message = waiting.message();
		try {
			adapters.get(message.channel()).deliver(message);
			jdbc.sql("UPDATE notification SET status = 'DELIVERED', delivered_at = ?, failure = NULL WHERE id = ?")
				.params(Timestamp.from(clock.instant()), id)
				.update();
		}
		catch (RuntimeException e) {
			// The text is not logged: it may carry a one-time code.
			// Rethrown so the event publication stays incomplete and can be resubmitted.
			log.warn("Delivery of {} notification {} failed: {}", message.channel(), id, e.getMessage());
			keepFailure(id, e);
			if (waiting.since().plus(TRIED_FOR).isAfter(clock.instant())) {
				throw e;
			}
			// tried for a day: given up, and its publication completes (no more retries)
			jdbc.sql("UPDATE notification SET status = 'GIVEN_UP' WHERE id = ?").param(id).update();
			log.warn("{} notification {} given up after {}", message.channel(), id, TRIED_FOR);
		}
	}

}
