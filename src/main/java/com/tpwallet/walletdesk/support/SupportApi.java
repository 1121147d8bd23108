package com.tpwallet.walletdesk.support;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What other modules (troubleshooters, chat) may ask of the service desk. */
public interface SupportApi {

	/**
	 * Opens a ticket for a customer, routed and put on the SLA clock like one the customer wrote;
	 * {@code topic} one of account, payments, withdrawals, disputes, security, general (null: guessed from the text).
	 */
	OpenedTicket openTicket(UUID customerId, NewTicket ticket);

	record NewTicket(String subject, String message, String language, @Nullable String topic, String channel,
			@Nullable UUID transactionId) {
	}

	record OpenedTicket(UUID id, long number) {
	}
}
