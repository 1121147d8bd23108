package com.tpwallet.walletdesk.wallet;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One entry of a customer's history, as the customer, an agent and the troubleshooters
 * see it: failed attempts included, with the machine-readable reason.
 */
public record TransactionView(UUID id, String reference, UUID customerId, TransactionType type,
		TransactionStatus status, long amount, String currency, @Nullable String counterparty, @Nullable String note,
		@Nullable String failureReason, @Nullable UUID relatedId, @Nullable String cardLast4,
		@Nullable LocalDate expectedArrival, Instant createdAt, Instant updatedAt) {
}
