package com.tpwallet.walletdesk.support;

import java.util.UUID;

/** What the service desk publishes. */
public interface SupportEvents {

	record TicketCreated(UUID ticketId, long number, UUID customerId, String queue, String language) {
	}

	record TicketAssigned(UUID ticketId, UUID agentId) {
	}

	/**
	 * A first-response or resolution target passed; {@code target} is
	 * {@code first_response} or {@code resolution}.
	 */
	record SlaBreached(UUID ticketId, String target, String queue) {
	}

	record TicketSolved(UUID ticketId, UUID customerId) {
	}

}
