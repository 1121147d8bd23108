package com.tpwallet.walletdesk.announcements.internal;

import com.tpwallet.walletdesk.feedback.FeedbackApi;
import com.tpwallet.walletdesk.identity.CustomerProfile;
import com.tpwallet.walletdesk.identity.IdentityApi;
import com.tpwallet.walletdesk.notifications.Notice;
import com.tpwallet.walletdesk.notifications.Notifications;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Announcements that also go by e-mail, once published: to the customers of their
 * audience who have an address, in their language, a page of customers at a time. Each
 * page locks the announcement (another instance skips it), queues its mails in the
 * notification outbox and moves the mailing on, in one transaction: a crash resends
 * nothing and loses nothing.
 */
@Component
class AnnouncementMailing {

	static final int PAGE = 200;

	static final UUID FIRST = new UUID(0, 0);

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final IdentityApi identity;

	private final Announcements announcements;

	private final Notifications notifications;

	private final FeedbackApi feedback;

	private final Clock clock;

	AnnouncementMailing(JdbcClient jdbc, TransactionTemplate transactions, IdentityApi identity,
			Announcements announcements, Notifications notifications, FeedbackApi feedback, Clock clock) {
		this.feedback = feedback;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.identity = identity;
		this.announcements = announcements;
		this.notifications = notifications;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${walletdesk.announcements.mail-every:PT1M}", initialDelayString = "PT30S")
	void run() {
		while (Boolean.TRUE.equals(transactions.execute(tx -> mailOnePage()))) {
			// page after page until every due mailing is done
		}
	}

	/** One page of the first due mailing; false when there is none. */
	boolean mailOnePage() {
		Optional<Due> due = jdbc.sql("""
				SELECT id, mailed_up_to, language, feedback_group_id FROM announcement
				WHERE by_email AND mailed_at IS NULL AND published_at <= ?
				ORDER BY published_at LIMIT 1 FOR UPDATE SKIP LOCKED""")
			.param(Timestamp.from(clock.instant()))
			.query((rs, n) -> new Due(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
					rs.getObject(4, UUID.class)))
			.optional();
		if (due.isEmpty()) {
			return false;
		}
		Due d = due.get();
		List<CustomerProfile> page = identity.customersWithEmailAfter(d.upTo() == null ? FIRST : d.upTo(), PAGE);
		Map<String, Announcements.Text> texts = new HashMap<>();
		for (CustomerProfile customer : page) {
			if (inAudience(d, customer)) {
				Announcements.Text text = texts.computeIfAbsent(customer.language(),
						language -> announcements.text(d.id(), language));
				notifications.send(
						Notice.email(customer.email(), customer.language(), "announcement", text.title(), text.body()));
			}
		}
		if (page.isEmpty()) {
			jdbc.sql("UPDATE announcement SET mailed_at = ? WHERE id = ?")
				.params(Timestamp.from(clock.instant()), d.id())
				.update();
		}
		else {
			jdbc.sql("UPDATE announcement SET mailed_up_to = ? WHERE id = ?")
				.params(page.getLast().id(), d.id())
				.update();
		}
		return true;
	}

	private boolean inAudience(Due d, CustomerProfile customer) {
		return (d.language() == null || d.language().equals(customer.language()))
				&& (d.feedbackGroup() == null || feedback.groupsOf(customer.id()).contains(d.feedbackGroup()));
	}

	record Due(UUID id, @Nullable UUID upTo, @Nullable String language, @Nullable UUID feedbackGroup) {
	}

}
