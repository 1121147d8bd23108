package com.tpwallet.walletdesk.identity.internal;

import com.tpwallet.walletdesk.identity.IdentityEvents.AccountUnlocked;
import com.tpwallet.walletdesk.identity.IdentityEvents.PasswordChanged;
import com.tpwallet.walletdesk.identity.PaymentPasswordCheck;
import com.tpwallet.walletdesk.identity.IdentityEvents.PasswordResetRequested;
import com.tpwallet.walletdesk.notifications.Notifications;
import com.tpwallet.walletdesk.platform.Actor;
import com.tpwallet.walletdesk.platform.ClientAddress;
import com.tpwallet.walletdesk.platform.RateLimits;
import com.tpwallet.walletdesk.platform.Refusal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Forgot password": a 6-digit code goes to the phone or e-mail the customer named, valid
 * 10 minutes and for 5 tries; a new code is sent at most once a minute and 5 times an
 * hour. The answer never says whether an account exists.
 */
@Service
class PasswordReset {

	static final Duration VALIDITY = Duration.ofMinutes(10);
	static final int MAX_TRIES = 5;
	static final Duration RESEND_AFTER = Duration.ofSeconds(60);
	static final int MAX_PER_HOUR = 5;

	private final CustomerRepository customers;

	private final PasswordPolicy policy;

	private final PasswordEncoder passwords;

	private final OneTimeCodes codes;

	private final TokenStore tokens;

	private final SecondFactor secondFactor;

	private final PaymentPasswords paymentPasswords;

	private final RateLimits rateLimits;

	private final Notifications notifications;

	private final ApplicationEventPublisher events;

	private final JdbcClient jdbc;

	private final Clock clock;

	PasswordReset(CustomerRepository customers, PasswordPolicy policy, PasswordEncoder passwords, OneTimeCodes codes,
			TokenStore tokens, SecondFactor secondFactor, PaymentPasswords paymentPasswords, RateLimits rateLimits,
			Notifications notifications, ApplicationEventPublisher events, JdbcClient jdbc, Clock clock) {
		this.customers = customers;
		this.policy = policy;
		this.passwords = passwords;
		this.codes = codes;
		this.tokens = tokens;
		this.secondFactor = secondFactor;
		this.paymentPasswords = paymentPasswords;
		this.rateLimits = rateLimits;
		this.notifications = notifications;
		this.events = events;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Transactional
	public void request(String login, ClientAddress from) {
		rateLimits.consume(IdentityConfiguration.RESET_PER_IP, from.ip());
		customers.findByLogin(login).flatMap(c -> customers.lock(c.id)).ifPresent(customer -> {
			boolean byEmail = LoginNames.looksLikeEmail(login);
			send(customer, byEmail, Actor.anonymous(from));
		});
	}

	/**
	 * Issues a code unless one went out too recently; staff use this from the customer's
	 * page too.
	 */
	void send(Customer customer, boolean byEmail, Actor actor) {
		Instant now = clock.instant();
		if (!mayResend(customer.id, now)) {
			return;
		}
		String code = codes.sixDigits();
		UUID id = UUID.randomUUID();
		String channel = byEmail ? "EMAIL" : "SMS";
		jdbc.sql("UPDATE password_reset_code SET used_at = ? WHERE customer_id = ? AND used_at IS NULL")
			.params(Timestamp.from(now), customer.id)
			.update();
		jdbc.sql("""
				INSERT INTO password_reset_code (id, customer_id, code_hash, channel, created_at, expires_at)
				VALUES (?, ?, ?, ?, ?, ?)""")
			.params(id, customer.id, OneTimeCodes.digest(id.toString(), code), channel, Timestamp.from(now),
					Timestamp.from(now.plus(VALIDITY)))
			.update();
		notifications.send(customer.notice(byEmail, "password-reset", code, VALIDITY.toMinutes()));
		events.publishEvent(new PasswordResetRequested(customer.id, actor, channel.toLowerCase()));
	}

	private record RecentCodes(int count, @Nullable Instant latest) {
	}

	private boolean mayResend(UUID customerId, Instant now) {
		RecentCodes recent = jdbc.sql("""
				SELECT count(*) AS n, max(created_at) AS latest FROM password_reset_code
				WHERE customer_id = ? AND created_at > ?""")
			.params(customerId, Timestamp.from(now.minus(Duration.ofHours(1))))
			.query((rs, n) -> new RecentCodes(rs.getInt("n"),
					com.tpwallet.walletdesk.platform.SqlTime.instant(rs, "latest")))
			.single();
		return recent.count() < MAX_PER_HOUR
				&& (recent.latest() == null || recent.latest().plus(RESEND_AFTER).isBefore(now));
	}

	private record PendingCode(UUID id, String hash, String channel, Instant expiresAt, int attempts) {
	}

	@Transactional(noRollbackFor = Refusal.class)
	public void confirm(String login, String code, String newPassword, ClientAddress from) {
		rateLimits.consume(IdentityConfiguration.RESET_CONFIRM_PER_IP, from.ip());
		Customer customer = customers.findByLogin(login)
			.flatMap(c -> customers.lock(c.id))
			.orElseThrow(() -> Refusal.unprocessable("reset_code_invalid"));
		PendingCode pending = acceptedCode(customer, code);
		policy.check(newPassword); // a refused new password leaves the code usable
		Instant now = clock.instant();
		markUsed(pending, now);
		customer.changePassword(passwords.encode(newPassword), now);
		customers.update(customer);
		tokens.revokeAll(customer.id);
		events.publishEvent(new PasswordChanged(customer.id, Actor.anonymous(from), "reset by code"));
		notifications.send(customer.notice("password-changed"));
	}

	/**
	 * After confirmed fraud: the password in use stops working and every session ends, so
	 * that whoever took the account over is out; the owner sets a new password with a
	 * code sent to the registered phone or e-mail, and is told so.
	 */
	@Transactional
	public void force(UUID customerId, Actor actor) {
		Customer customer = customers.lock(customerId).orElseThrow(() -> Refusal.notFound("customer_not_found"));
		customer.changePassword(passwords.encode(codes.token()), clock.instant());
		customers.update(customer);
		tokens.revokeAll(customer.id);
		events.publishEvent(new PasswordChanged(customer.id, actor, "forced reset after confirmed fraud"));
		notifications.send(customer.notice("password-reset-forced"));
	}

	/**
	 * The customer, if the code is their latest good one; a wrong code spends a try (the
	 * code itself stays unused).
	 */
	@Transactional(noRollbackFor = Refusal.class)
	public Optional<com.tpwallet.walletdesk.identity.CustomerProfile> proven(String login, String code) {
		Optional<Customer> customer = customers.findByLogin(login).flatMap(c -> customers.lock(c.id));
		if (customer.isEmpty()) {
			return Optional.empty();
		}
		try {
			acceptedCode(customer.get(), code);
			return customer.map(Customer::profile);
		}
		catch (Refusal wrong) {
			return Optional.empty();
		}
	}

	/**
	 * The owner lifts a lock without waiting for an agent: the code sent to the
	 * registered phone or e-mail, plus a second fact only the owner has (the
	 * authenticator code when two-factor is on, else the payment password). Recorded as
	 * an identity verification and audited like a staff unlock. A wrong second fact
	 * spends one of the code's tries, so neither can be guessed through the other.
	 */
	@Transactional(noRollbackFor = Refusal.class)
	public void unlock(String login, String code, @Nullable String paymentPassword, @Nullable String totpCode,
			ClientAddress from) {
		rateLimits.consume(IdentityConfiguration.RESET_CONFIRM_PER_IP, from.ip());
		Customer customer = customers.findByLogin(login)
			.flatMap(c -> customers.lock(c.id))
			.orElseThrow(() -> Refusal.unprocessable("reset_code_invalid"));
		PendingCode pending = acceptedCode(customer, code);
		Actor owner = Actor.customer(customer.id, from);
		String secondCheck = secondFact(customer, paymentPassword, totpCode, owner, pending);
		Instant now = clock.instant();
		markUsed(pending, now);
		String checks = pending.channel().toLowerCase() + "_code," + secondCheck;
		jdbc.sql(
				"INSERT INTO identity_verification (id, customer_id, staff_id, checks, note, at) VALUES (?, ?, NULL, ?, ?, ?)")
			.params(UUID.randomUUID(), customer.id, checks, "self-service unlock", Timestamp.from(now))
			.update();
		boolean wasLocked = customer.isLocked();
		customer.unlock();
		customers.update(customer);
		events.publishEvent(new AccountUnlocked(customer.id, owner, "self-service checks=" + checks));
		if (wasLocked) {
			notifications.send(customer.notice("account-unlocked-self"));
		}
	}

	private String secondFact(Customer customer, @Nullable String paymentPassword, @Nullable String totpCode,
			Actor owner, PendingCode pending) {
		boolean proven;
		String check;
		if (customer.totpEnabled) {
			check = "totp";
			proven = totpCode != null && !totpCode.isBlank() && secondFactor.accept(customer, totpCode);
		}
		else if (customer.pinHash != null) {
			check = "payment_password";
			proven = paymentPasswords.verify(customer, paymentPassword, owner) == PaymentPasswordCheck.ACCEPTED;
		}
		else {
			throw Refusal.unprocessable("unlock_second_factor_unavailable");
		}
		if (!proven) {
			spendTry(pending);
			throw Refusal.unprocessable("unlock_second_factor_invalid")
				.with("attemptsLeft", MAX_TRIES - pending.attempts() - 1);
		}
		return check;
	}

	/**
	 * The customer's latest unused code, if it is the one given and still good; a wrong
	 * one spends a try.
	 */
	private PendingCode acceptedCode(Customer customer, String code) {
		PendingCode pending = latestUnused(customer.id).orElseThrow(() -> Refusal.unprocessable("reset_code_invalid"));
		if (!clock.instant().isBefore(pending.expiresAt())) {
			throw Refusal.unprocessable("reset_code_expired");
		}
		if (pending.attempts() >= MAX_TRIES) {
			throw Refusal.unprocessable("reset_code_exhausted");
		}
		if (!OneTimeCodes.matches(pending.id().toString(), pending.hash(), code)) {
			spendTry(pending);
			throw Refusal.unprocessable("reset_code_invalid").with("attemptsLeft", MAX_TRIES - pending.attempts() - 1);
		}
		return pending;
	}

	private void spendTry(PendingCode pending) {
		jdbc.sql("UPDATE password_reset_code SET attempts = attempts + 1 WHERE id = ?").param(pending.id()).update();
	}

	private void markUsed(PendingCode pending, Instant now) {
		jdbc.sql("UPDATE password_reset_code SET used_at = ? WHERE id = ?")
			.params(Timestamp.from(now), pending.id())
			.update();
	}

	private Optional<PendingCode> latestUnused(UUID customerId) {
		return jdbc.sql("""
				SELECT id, code_hash, channel, expires_at, attempts FROM password_reset_code
				WHERE customer_id = ? AND used_at IS NULL ORDER BY created_at DESC LIMIT 1""")
			.param(customerId)
			.query((rs, n) -> new PendingCode(rs.getObject("id", UUID.class), rs.getString("code_hash"),
					rs.getString("channel"), rs.getTimestamp("expires_at").toInstant(), rs.getInt("attempts")))
			.optional();
	}

}
