package com.tpwallet.walletdesk.support.internal;

import com.tpwallet.walletdesk.identity.IdentityApi;
import com.tpwallet.walletdesk.support.EntryKind;
import com.tpwallet.walletdesk.support.HumanFallback;
import com.tpwallet.walletdesk.support.SupportEvents.TicketAssigned;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The human fallback: when machine translation cannot carry a conversation, it goes to an
 * available agent who speaks the customer's language or, when none can take it now, waits
 * in that language's queue as "needs a speaker of X". Each request is kept with its
 * reason (supervisors count them) until such a person replies. Written once the caller's
 * transaction has ended: a refused reply holds the ticket's row, and rolls back.
 */
@Component
class SpeakerFallback {

	private final TicketRepository tickets;

	private final Routing routing;

	private final IdentityApi identity;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final BusinessHours hours;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	SpeakerFallback(TicketRepository tickets, Routing routing, IdentityApi identity, JdbcClient jdbc,
			TransactionTemplate transactions, BusinessHours hours, ApplicationEventPublisher events, Clock clock) {
		this.tickets = tickets;
		this.routing = routing;
		this.identity = identity;
		this.jdbc = jdbc;
		// its own transaction even where the ended one's resources are still bound
		this.transactions = new TransactionTemplate(transactions.getTransactionManager());
		this.transactions.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
		this.hours = hours;
		this.events = events;
		this.clock = clock;
	}

	void needSpeaker(UUID ticketId, String language, HumanFallback reason) {
		Runnable route = () -> transactions.executeWithoutResult(tx -> route(ticketId, language, reason));
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			route.run();
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCompletion(int status) {
				route.run();
			}
		});
	}

	private void route(UUID ticketId, String language, HumanFallback reason) {
		Ticket t = tickets.lock(ticketId).orElseThrow();
		Instant now = clock.instant();
		boolean waiting = waitingFor(ticketId).isPresent();
		jdbc.sql("""
				INSERT INTO speaker_request (ticket_id, reason, language, created_at) VALUES (?, ?, ?, ?)
				ON CONFLICT (ticket_id, reason) DO UPDATE SET answered_at = NULL, created_at = excluded.created_at
				WHERE speaker_request.answered_at IS NOT NULL""")
			.params(ticketId, reason.code(), language, Timestamp.from(now))
			.update();
		if (waiting) {
			return;
		}
		tickets.addEntry(t, EntryKind.SYSTEM, null, "needs_speaker:" + language, now);
		if (t.assignee != null && speaks(t.assignee, language)) {
			return;
		}
		Optional<UUID> speaker = routing.assign(language);
		if (speaker.isPresent() && t.giveTo(speaker.get(), now, hours)) {
			events.publishEvent(new TicketAssigned(ticketId, speaker.get()));
		}
		else if (speaker.isEmpty()) {
			t.backToQueue(now);
		}
		tickets.update(t);
	}

	private boolean speaks(UUID staffId, String language) {
		return identity.staffMember(staffId).map(m -> m.languages().contains(language)).orElse(false);
	}

	/** A person who speaks the customer's language replied: the requests are answered. */
	void answeredBy(UUID ticketId, UUID staffId) {
		waitingFor(ticketId).filter(language -> speaks(staffId, language))
			.ifPresent(language -> jdbc
				.sql("UPDATE speaker_request SET answered_at = ? WHERE ticket_id = ? AND answered_at IS NULL")
				.params(Timestamp.from(clock.instant()), ticketId)
				.update());
	}

	/** The language a ticket waits for a speaker of, if it does. */
	Optional<String> waitingFor(UUID ticketId) {
		return jdbc.sql("SELECT language FROM speaker_request WHERE ticket_id = ? AND answered_at IS NULL LIMIT 1")
			.param(ticketId)
			.query(String.class)
			.optional();
	}

	/**
	 * Conversations that needed a person between two times, by reason (every reason
	 * named).
	 */
	Map<String, Long> countsBetween(Instant since, Instant until) {
		Map<String, Long> counts = new LinkedHashMap<>();
		HumanFallback.codes().forEach(code -> counts.put(code, 0L));
		jdbc.sql(
				"SELECT reason, count(*) FROM speaker_request WHERE created_at >= ? AND created_at < ? GROUP BY reason")
			.params(Timestamp.from(since), Timestamp.from(until))
			.query((rs, n) -> counts.put(rs.getString(1), rs.getLong(2)))
			.list();
		return counts;
	}

}
