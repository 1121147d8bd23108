package com.tpwallet.walletdesk.support.internal;

import com.tpwallet.walletdesk.support.EntryKind;
import com.tpwallet.walletdesk.support.TicketStatus;
import com.tpwallet.walletdesk.support.SupportEvents.SlaBreached;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Watches the SLA clocks: a passed target raises {@code SlaBreached} once, escalates the
 * priority and notes it on the ticket. Also closes tickets solved three days ago. Rows
 * are claimed with {@code SKIP LOCKED}, so every instance may run it.
 */
@Component
class SlaMonitor {

	static final Duration CLOSE_SOLVED_AFTER = Duration.ofDays(3);

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final TicketRepository tickets;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	SlaMonitor(JdbcClient jdbc, TransactionTemplate transactions, TicketRepository tickets,
			ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.tickets = tickets;
		this.events = events;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${walletdesk.support.sla-check-every:PT1M}", initialDelayString = "PT20S")
	int run() {
		Instant now = clock.instant();
		Integer breached = transactions.execute(tx -> {
			List<UUID> due = jdbc.sql("""
					SELECT id FROM ticket WHERE status IN %s AND sla_paused_at IS NULL
					  AND ((NOT first_response_breached AND first_responded_at IS NULL AND first_response_due < ?)
					    OR (NOT resolution_breached AND resolution_due < ?))
					ORDER BY number LIMIT 500 FOR UPDATE SKIP LOCKED""".formatted(Ticket.WAITING_ON_US_SQL))
				.params(Timestamp.from(now), Timestamp.from(now))
				.query(UUID.class)
				.list();
			int count = 0;
			for (UUID id : due) {
				Ticket t = tickets.find(id).orElseThrow();
				for (String target : t.breachesAt(now)) {
					tickets.addEntry(t, EntryKind.SYSTEM, null, "sla_breached:" + target, now);
					events.publishEvent(new SlaBreached(t.id, target, t.queue));
					count++;
				}
				tickets.update(t);
			}
			return count;
		});
		transactions.executeWithoutResult(tx -> jdbc.sql("""
				UPDATE ticket SET status = ?, closed_at = ?, updated_at = ? WHERE status = ? AND solved_at < ?""")
			.params(TicketStatus.CLOSED.code(), Timestamp.from(now), Timestamp.from(now), TicketStatus.SOLVED.code(),
					Timestamp.from(now.minus(CLOSE_SOLVED_AFTER)))
			.update());
		return breached == null ? 0 : breached;
	}

}
