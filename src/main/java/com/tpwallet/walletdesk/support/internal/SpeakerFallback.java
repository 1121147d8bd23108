package com.tpwallet.walletdesk.support.internal;

import com.tpwallet.walletdesk.support.EntryKind;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * When no machine translation can be had, the ticket says it needs a person who speaks
 * the customer's language; it stays in that language's queue, where such agents work.
 * Written once the refused reply's transaction has ended (it holds the ticket's row, and
 * rolls back).
 */
@Component
class SpeakerFallback {

	private final TicketRepository tickets;

	private final TransactionTemplate transactions;

	private final Clock clock;

	SpeakerFallback(TicketRepository tickets, TransactionTemplate transactions, Clock clock) {
		this.tickets = tickets;
		this.transactions = transactions;
		this.clock = clock;
	}

	void needSpeaker(UUID ticketId, String language) {
		Runnable note = () -> transactions.executeWithoutResult(
				tx -> tickets.addEntry(ticketId, EntryKind.SYSTEM, null, "needs_speaker:" + language, clock.instant()));
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			note.run();
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCompletion(int status) {
				note.run();
			}
		});
	}

}
