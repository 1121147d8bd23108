package com.tpwallet.walletdesk.identity.internal;

import com.tpwallet.walletdesk.notifications.Notifications;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * One-time codes that confirm a movement the risk monitor found unusual (a step-up): sent
 * to the registered phone (else e-mail), good for 10 minutes and 5 tries, and good for
 * nothing else (a password-reset code is a different thing, kept apart).
 */
@Component
class StepUpCodes {

	static final Duration VALIDITY = Duration.ofMinutes(10);

	static final int MAX_TRIES = 5;

	/** A code is not sent again within a minute: the one sent is still good. */
	static final Duration RESEND_AFTER = Duration.ofMinutes(1);

	private final CustomerRepository customers;

	private final OneTimeCodes codes;

	private final Notifications notifications;

	private final JdbcClient jdbc;

	private final Clock clock;

	StepUpCodes(CustomerRepository customers, OneTimeCodes codes, Notifications notifications, JdbcClient jdbc,
			Clock clock) {
		this.customers = customers;
		this.codes = codes;
		this.notifications = notifications;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Transactional
	void send(UUID customerId) {
		Customer customer = customers.find(customerId).orElseThrow();
		Instant now = clock.instant();
		boolean recent = jdbc.sql("SELECT sent_at > ? FROM step_up_code WHERE customer_id = ? FOR UPDATE")
			.params(Timestamp.from(now.minus(RESEND_AFTER)), customerId)
			.query(Boolean.class)
			.optional()
			.orElse(false);
		if (recent) {
			return;
		}
		String code = codes.sixDigits();
		UUID salt = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO step_up_code (customer_id, salt, code_hash, attempts, sent_at, expires_at)
				VALUES (?, ?, ?, 0, ?, ?)
				ON CONFLICT (customer_id) DO UPDATE SET salt = excluded.salt, code_hash = excluded.code_hash,
				  attempts = 0, sent_at = excluded.sent_at, expires_at = excluded.expires_at""")
			.params(customerId, salt, OneTimeCodes.digest(salt.toString(), code), Timestamp.from(now),
					Timestamp.from(now.plus(VALIDITY)))
			.update();
		notifications.send(customer.notice("step-up", code, VALIDITY.toMinutes()));
	}

	/**
	 * Whether the code is the one last sent and still good; it is spent when accepted,
	 * and a wrong one spends a try (in a transaction of its own, so that the refusal that
	 * follows does not give the try back).
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	boolean accept(UUID customerId, String code) {
		record Pending(UUID salt, String hash, int attempts, Instant expiresAt) {
		}
		Pending pending = jdbc
			.sql("SELECT salt, code_hash, attempts, expires_at FROM step_up_code WHERE customer_id = ? FOR UPDATE")
			.param(customerId)
			.query((rs, n) -> new Pending(rs.getObject("salt", UUID.class), rs.getString("code_hash"),
					rs.getInt("attempts"), rs.getTimestamp("expires_at").toInstant()))
			.optional()
			.orElse(null);
		if (pending == null || !clock.instant().isBefore(pending.expiresAt()) || pending.attempts() >= MAX_TRIES) {
			return false;
		}
		if (!OneTimeCodes.matches(pending.salt().toString(), pending.hash(), code)) {
			jdbc.sql("UPDATE step_up_code SET attempts = attempts + 1 WHERE customer_id = ?")
				.param(customerId)
				.update();
			return false;
		}
		jdbc.sql("DELETE FROM step_up_code WHERE customer_id = ?").param(customerId).update();
		return true;
	}

}
