package com.tpwallet.walletdesk.support;

import java.util.UUID;

/** What the service desk publishes. */
public interface SupportEvents {

	/** {@code customerId} is null when the requester is an e-mail contact. */
	record TicketCreated(UUID ticketId, long number, @org.jspecify.annotations.Nullable UUID customerId, String queue,
			String language) {
	}

	record TicketAssigned(UUID ticketId, UUID agentId) {
	}

	/**
	 * Something on the ticket changed (an entry, its status, its assignee, its SLA):
	 * screens showing it refresh. Published inside the transaction of the change; several
	 * in one transaction are one change. It names the ticket's number and customer, so
	 * that the screens hear of it without a read per change.
	 */
	record TicketChanged(UUID ticketId, long number, @org.jspecify.annotations.Nullable UUID customerId) {
	}

	/**
	 * An agent answered the requester (not an internal note); published inside the
	 * transaction that stored the entry, so a channel can queue the answer with it.
	 */
	record AgentReplied(UUID ticketId, long entryId, UUID agentId, String text,
			@org.jspecify.annotations.Nullable MachineTranslated translated) {
	}

	/**
	 * A reply written in the agent's language and sent machine-translated: its original,
	 * which the customer may read too.
	 */
	record MachineTranslated(String original, String language, String provider) {
	}

	/**
	 * An agent put a file on a ticket for the requester; published inside the transaction
	 * that stored it, like {@link AgentReplied}.
	 */
	record AgentAttached(UUID ticketId, long entryId, UUID agentId, UUID attachmentId, String fileName) {
	}

	/**
	 * A first-response or resolution target passed; {@code target} is
	 * {@code first_response} or {@code resolution}.
	 */
	record SlaBreached(UUID ticketId, String target, String queue) {
	}

	/**
	 * A customer rated a solved ticket; published inside the transaction that stored it.
	 */
	record SatisfactionGiven(UUID ticketId, UUID customerId, int score,
			@org.jspecify.annotations.Nullable String comment, String language, String channel) {
	}

	/** {@code customerId} is null when the requester is an e-mail contact. */
	record TicketSolved(UUID ticketId, @org.jspecify.annotations.Nullable UUID customerId) {
	}

}
