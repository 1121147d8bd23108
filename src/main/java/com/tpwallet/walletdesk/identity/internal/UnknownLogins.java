package com.tpwallet.walletdesk.identity.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Wrong passwords for logins that belong to nobody, counted exactly as they are for real
 * accounts: the same "attempts left", then the same lock. A login shaped like a phone
 * number or e-mail address locks as a customer does (until unlocked, which nobody can);
 * any other as staff do (for {@link StaffUser#LOCK}). Without this a stranger learned
 * which logins exist from the answers.
 */
@Component
class UnknownLogins {

	/**
	 * A lock that never ends: what a customer's lock looks like from outside until its
	 * owner unlocks it.
	 */
	private static final Instant FOREVER = Instant.parse("9999-12-31T00:00:00Z");

	private final JdbcClient jdbc;

	private final Clock clock;

	UnknownLogins(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * The key a login string is counted under: the account it would name, however it was
	 * written.
	 */
	static String key(String login) {
		if (LoginNames.looksLikeEmail(login)) {
			return login.trim().toLowerCase(Locale.ROOT);
		}
		return LoginNames.parsePhone(login).orElse(login.trim().toLowerCase(Locale.ROOT));
	}

	static boolean customerShaped(String login) {
		return LoginNames.looksLikeEmail(login) || LoginNames.parsePhone(login).isPresent();
	}

	boolean isLocked(String login) {
		return jdbc.sql("SELECT locked_until > ? FROM unknown_login WHERE login_key = ?")
			.params(Timestamp.from(clock.instant()), key(login))
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

	/**
	 * Counts a wrong password; answers the attempts left, 0 when this one locked the
	 * login.
	 */
	int failed(String login) {
		Instant now = clock.instant();
		Instant lockedUntil = customerShaped(login) ? FOREVER : now.plus(StaffUser.LOCK);
		int failures = jdbc
			.sql("""
					INSERT INTO unknown_login AS u (login_key, failures, updated_at) VALUES (?, 1, ?)
					ON CONFLICT (login_key) DO UPDATE SET
					  failures = CASE WHEN u.locked_until IS NOT NULL AND u.locked_until <= EXCLUDED.updated_at THEN 1 ELSE u.failures + 1 END,
					  locked_until = CASE WHEN u.locked_until <= EXCLUDED.updated_at THEN NULL ELSE u.locked_until END,
					  updated_at = EXCLUDED.updated_at
					RETURNING failures""")
			.params(key(login), Timestamp.from(now))
			.query(Integer.class)
			.single();
		if (failures >= Customer.MAX_FAILED_LOGINS) {
			jdbc.sql("UPDATE unknown_login SET locked_until = ?, failures = 0 WHERE login_key = ?")
				.params(Timestamp.from(lockedUntil), key(login))
				.update();
			return 0;
		}
		return Customer.MAX_FAILED_LOGINS - failures;
	}

	/** A login that now names a new customer starts with a clean count. */
	void forget(String login) {
		jdbc.sql("DELETE FROM unknown_login WHERE login_key = ?").param(key(login)).update();
	}

}
