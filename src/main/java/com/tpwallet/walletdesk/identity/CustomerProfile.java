package com.tpwallet.walletdesk.identity;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What other modules may know of a customer's account and its security state. */
public record CustomerProfile(UUID id, @Nullable String phone, @Nullable String email, String language,
		@Nullable String verifiedName, boolean locked, boolean twoFactorEnabled, boolean paymentPasswordSet,
		@Nullable Instant paymentPasswordBlockedUntil, Instant passwordChangedAt, Instant createdAt) {
}
