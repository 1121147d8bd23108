package com.tpwallet.walletdesk.identity.internal;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.tpwallet.walletdesk.platform.ContactAddresses;
import com.tpwallet.walletdesk.platform.Refusal;
import java.util.Optional;

/**
 * Phone numbers and e-mail addresses as customers type them, turned into the one form we
 * store: E.164 for phones (validated by libphonenumber; a number without a country code
 * is read as Chinese), lower case for e-mail.
 */
final class LoginNames {

	/**
	 * Parsing a number costs about 40 µs (measured in the transfer benchmark, where it
	 * was 40 % of the transfer preparer's time); the answer never changes, and people pay
	 * the same contacts again and again.
	 */
	private static final LoadingCache<String, Optional<String>> PARSED_PHONES = Caffeine.newBuilder()
		.maximumSize(100_000)
		.build(ContactAddresses::phone);

	private LoginNames() {
	}

	static String phone(String raw) {
		return parsePhone(raw).orElseThrow(() -> Refusal.unprocessable("invalid_phone"));
	}

	static Optional<String> parsePhone(String raw) {
		return raw.length() > 64 ? Optional.empty() : PARSED_PHONES.get(raw);
	}

	static String email(String raw) {
		return ContactAddresses.email(raw).orElseThrow(() -> Refusal.unprocessable("invalid_email"));
	}

	static boolean looksLikeEmail(String login) {
		return login.contains("@");
	}

}
