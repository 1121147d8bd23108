package com.tpwallet.walletdesk.identity;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What other modules may know of a customer's account and its security state.
 * {@code noticeChannel} is how they are told things outside the app: their choice, or by
 * default their phone (else their e-mail address).
 */
public record CustomerProfile(UUID id, @Nullable String phone, @Nullable String email, String language,
		@Nullable String verifiedName, boolean locked, boolean twoFactorEnabled, boolean paymentPasswordSet,
		@Nullable Instant paymentPasswordBlockedUntil, Instant passwordChangedAt, Instant createdAt,
		NoticeChannel noticeChannel) {

	/** The phone to text a notice to, or null when notices go by e-mail. */
	public @Nullable String noticePhone() {
		return noticeChannel == NoticeChannel.SMS ? phone : null;
	}

	/** The address to e-mail a notice to, or null when notices go by SMS. */
	public @Nullable String noticeEmail() {
		return noticeChannel == NoticeChannel.EMAIL ? email : null;
	}

}
