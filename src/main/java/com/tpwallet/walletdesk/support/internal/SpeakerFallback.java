package com.tpwallet.walletdesk.support.internal;

import com.tpwallet.walletdesk.support.EntryKind;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * When no machine translation can be had, the ticket says it needs a person who speaks
 * the customer's language; it stays in that language's queue, where such agents work.
 * Written on its own: the refused reply's transaction rolls back.
 */
@Component
class SpeakerFallback {

	private final TicketRepository tickets;

	private final Clock clock;

	SpeakerFallback(TicketRepository tickets, Clock clock) {
		this.tickets = tickets;
		this.clock = clock;
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void needSpeaker(UUID ticketId, String language) {
		tickets.addEntry(ticketId, EntryKind.SYSTEM, null, "needs_speaker:" + language, clock.instant());
	}

}
