package com.tpwallet.walletdesk.disputes.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Watches the deadlines: a merchant silent past its date decides the dispute for the
 * customer; a dispute not acknowledged or not decided in time escalates to supervisors; a
 * decision no longer open to reopening closes. Each dispute moves in its own transaction,
 * its row claimed with {@code SKIP LOCKED}, so every instance may run it and each dispute
 * moves once.
 */
@Component
class DisputeWatch {

	private static final Logger log = LoggerFactory.getLogger(DisputeWatch.class);

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final DisputeDesk desk;

	private final DisputeSettings settings;

	private final Clock clock;

	DisputeWatch(JdbcClient jdbc, TransactionTemplate transactions, DisputeDesk desk, DisputeSettings settings,
			Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.desk = desk;
		this.settings = settings;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${walletdesk.disputes.watch-every:PT5M}", initialDelayString = "PT1M")
	int run() {
		Instant now = clock.instant();
		LocalDate today = DisputeDeadlines.dayOf(now);
		Instant closeBefore = now.minus(Duration.ofDays(settings.reopenDays()));
		List<UUID> due = jdbc.sql("""
				SELECT id FROM dispute
				WHERE (status = 'waiting_merchant' AND merchant_due < ?)
				   OR (status NOT IN ('decided', 'closed') AND escalated_at IS NULL
				       AND (decide_due < ? OR (acknowledged_at IS NULL AND acknowledge_due < ?)))
				   OR (status = 'decided' AND decided_at < ?)
				ORDER BY decide_due LIMIT 500""")
			.params(Date.valueOf(today), Date.valueOf(today), Date.valueOf(today), Timestamp.from(closeBefore))
			.query(UUID.class)
			.list();
		int moved = 0;
		for (UUID id : due) {
			try {
				Boolean did = transactions.execute(tx -> move(id, now, today, closeBefore));
				moved += Boolean.TRUE.equals(did) ? 1 : 0;
			}
			catch (RuntimeException e) {
				// one dispute that cannot move (its refund refused) must not stop the
				// others
				log.warn("Dispute {} could not move on its deadline: {}", id, e.toString());
			}
		}
		return moved;
	}

	private boolean move(UUID id, Instant now, LocalDate today, Instant closeBefore) {
		Dispute d = jdbc.sql("SELECT id FROM dispute WHERE id = ? FOR UPDATE SKIP LOCKED")
			.param(id)
			.query(UUID.class)
			.optional()
			.flatMap(locked -> desk.load(locked))
			.orElse(null);
		if (d == null) {
			return false; // another instance has it
		}
		if (d.merchantSilent(today)) {
			desk.merchantSilent(d, now);
			return true;
		}
		if (d.isOverdue(today) && d.escalatedAt == null) {
			desk.escalate(d, now);
			return true;
		}
		if (d.status == DisputeStatus.DECIDED && d.decidedAt != null && d.decidedAt.isBefore(closeBefore)) {
			desk.close(d, now);
			return true;
		}
		return false;
	}

}
