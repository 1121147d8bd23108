package com.tpwallet.walletdesk.identity.internal;

import com.tpwallet.walletdesk.platform.Caller.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A service agent, supervisor or administrator. Wrong passwords lock the user for 15
 * minutes.
 */
class StaffUser {

	static final Duration LOCK = Duration.ofMinutes(15);

	final UUID id;

	final String username;

	String displayName;

	String passwordHash;

	Role role;

	String languages;

	int failedLogins;

	@Nullable Instant lockedUntil;

	@Nullable Instant disabledAt;

	@Nullable String totpSecret;

	boolean totpEnabled;

	long totpLastStep;

	StaffUser(UUID id, String username, String displayName, String passwordHash, Role role, String languages) {
		this.id = id;
		this.username = username;
		this.displayName = displayName;
		this.passwordHash = passwordHash;
		this.role = role;
		this.languages = languages;
	}

	/** A disabled account signs in no more; to a stranger it reads as a locked one. */
	boolean isLocked(Instant now) {
		return disabledAt != null || lockedUntil != null && now.isBefore(lockedUntil);
	}

	boolean loginFailed(Instant now) {
		failedLogins++;
		if (failedLogins >= Customer.MAX_FAILED_LOGINS) {
			failedLogins = 0;
			lockedUntil = now.plus(LOCK);
			return true;
		}
		return false;
	}

	int attemptsLeft() {
		return Math.max(0, Customer.MAX_FAILED_LOGINS - failedLogins);
	}

	void loginSucceeded() {
		failedLogins = 0;
		lockedUntil = null;
	}

	/** The first language the user speaks serves as their interface language. */
	String language() {
		return languages.split(",")[0];
	}

}
