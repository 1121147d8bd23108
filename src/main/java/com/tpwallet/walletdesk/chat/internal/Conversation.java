package com.tpwallet.walletdesk.chat.internal;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A chat: with the bot, waiting for an agent, with an agent, left as a message outside
 * hours, or ended.
 */
record Conversation(UUID id, @Nullable UUID customerId, @Nullable String visitorId, @Nullable String language,
		ChatStatus status, @Nullable UUID agentId, @Nullable UUID ticketId, int lastSeq, Instant createdAt,
		@Nullable Instant queuedAt) {

	/** The name of the user queue the customer (or visitor) listens on. */
	String ownerName() {
		return customerId != null ? ChatUser.customerName(customerId) : "v:" + visitorId;
	}

	String languageOr(String fallback) {
		return language != null ? language : fallback;
	}

	boolean isOpen() {
		return status != ChatStatus.ENDED;
	}

	boolean isWith(ChatStatus expected) {
		return status == expected;
	}
}
