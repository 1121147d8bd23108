package com.tpwallet.walletdesk.identity.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Checks the second factor of a login: a fresh TOTP code or an unused recovery code. */
@Component
class SecondFactor {

	private final TotpAuthenticator totp;

	private final JdbcClient jdbc;

	private final Clock clock;

	SecondFactor(TotpAuthenticator totp, JdbcClient jdbc, Clock clock) {
		this.totp = totp;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Accepts the code and marks it used (the TOTP step, or the recovery code); the
	 * caller saves the customer.
	 */
	boolean accept(Customer customer, String code) {
		String trimmed = code.trim();
		if (customer.totpSecret != null) {
			OptionalLong step = totp.verify(customer.totpSecret, trimmed, customer.totpLastStep);
			if (step.isPresent()) {
				customer.totpLastStep = step.getAsLong();
				return true;
			}
		}
		return useRecoveryCode(customer, trimmed);
	}

	private boolean useRecoveryCode(Customer customer, String code) {
		String digest = OneTimeCodes.digest(customer.id.toString(), code.toLowerCase(Locale.ROOT));
		return jdbc
			.sql("UPDATE recovery_code SET used_at = ? WHERE customer_id = ? AND code_hash = ? AND used_at IS NULL")
			.params(Timestamp.from(clock.instant()), customer.id, digest)
			.update() == 1;
	}

	void replaceRecoveryCodes(Customer customer, List<String> codes) {
		jdbc.sql("DELETE FROM recovery_code WHERE customer_id = ?").param(customer.id).update();
		for (String code : codes) {
			jdbc.sql("INSERT INTO recovery_code (customer_id, code_hash) VALUES (?, ?)")
				.params(customer.id, OneTimeCodes.digest(customer.id.toString(), code.toLowerCase(Locale.ROOT)))
				.update();
		}
	}

}
