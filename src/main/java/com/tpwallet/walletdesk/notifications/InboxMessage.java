package com.tpwallet.walletdesk.notifications;

import java.time.Instant;
import java.util.UUID;

/** One in-app message, already in the recipient's language. */
public record InboxMessage(UUID id, String subject, String text, Instant at) {
}
