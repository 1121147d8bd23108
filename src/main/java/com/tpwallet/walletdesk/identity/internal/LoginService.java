package com.tpwallet.walletdesk.identity.internal;

import com.tpwallet.walletdesk.identity.IdentityEvents.AccountLocked;
import com.tpwallet.walletdesk.identity.IdentityEvents.LoginFailed;
import com.tpwallet.walletdesk.identity.IdentityEvents.LoginSucceeded;
import com.tpwallet.walletdesk.notifications.Notifications;
import com.tpwallet.walletdesk.platform.Actor;
import com.tpwallet.walletdesk.platform.Caller.Kind;
import com.tpwallet.walletdesk.platform.ClientAddress;
import com.tpwallet.walletdesk.platform.RateLimits;
import com.tpwallet.walletdesk.platform.Refusal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Signs customers (by phone or e-mail) and staff (by username) in. Failed attempts are
 * committed even though the request is refused, so that five wrong passwords in a row
 * really lock the account.
 */
@Service
class LoginService {

	private final CustomerRepository customers;

	private final StaffRepository staff;

	private final PasswordEncoder passwords;

	private final SecondFactor secondFactor;

	private final TokenStore tokens;

	private final RateLimits rateLimits;

	private final Notifications notifications;

	private final ApplicationEventPublisher events;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final String dummyHash;

	private final UnknownLogins unknownLogins;

	private final StaffTwoFactor staffTwoFactor;

	LoginService(CustomerRepository customers, StaffRepository staff, PasswordEncoder passwords,
			SecondFactor secondFactor, TokenStore tokens, RateLimits rateLimits, Notifications notifications,
			ApplicationEventPublisher events, JdbcClient jdbc, Clock clock, UnknownLogins unknownLogins,
			StaffTwoFactor staffTwoFactor) {
		this.unknownLogins = unknownLogins;
		this.staffTwoFactor = staffTwoFactor;
		this.customers = customers;
		this.staff = staff;
		this.passwords = passwords;
		this.secondFactor = secondFactor;
		this.tokens = tokens;
		this.rateLimits = rateLimits;
		this.notifications = notifications;
		this.events = events;
		this.jdbc = jdbc;
		this.clock = clock;
		this.dummyHash = passwords.encode("no-such-account-0!");
	}

	record Session(String token, Instant expiresAt, Kind kind) {
	}

	@Transactional(noRollbackFor = Refusal.class)
	public Session login(String login, String password, @Nullable String code, ClientAddress from) {
		rateLimits.consume(IdentityConfiguration.LOGIN_PER_IP, from.ip());
		rateLimits.consume(IdentityConfiguration.LOGIN_PER_ACCOUNT, login.trim().toLowerCase());
		Optional<Customer> customer = customers.findByLogin(login);
		if (customer.isPresent()) {
			return customerLogin(customers.lock(customer.get().id).orElseThrow(), password, code, from);
		}
		Optional<StaffUser> user = staff.lockByUsername(login.trim());
		if (user.isPresent()) {
			return staffLogin(user.get(), password, code, from);
		}
		return unknownLogin(login, password);
	}

	/**
	 * Answers a login that names nobody exactly as one that names somebody: same work,
	 * same counts, same lock.
	 */
	private Session unknownLogin(String login, String password) {
		if (unknownLogins.isLocked(login)) {
			throw Refusal.locked("account_locked");
		}
		passwords.matches(password, dummyHash);
		int left = unknownLogins.failed(login);
		throw left == 0 ? Refusal.locked("account_locked") : invalidCredentials(left);
	}

	private Session customerLogin(Customer customer, String password, @Nullable String code, ClientAddress from) {
		Instant now = clock.instant();
		if (customer.isLocked()) {
			record(customer, from, "locked");
			throw Refusal.locked("account_locked");
		}
		if (!passwords.matches(password, customer.passwordHash)) {
			throw failed(customer, from, "wrong_password", now);
		}
		if (customer.totpEnabled) {
			if (code == null || code.isBlank()) {
				record(customer, from, "two_factor_required");
				throw Refusal.notSignedIn("two_factor_required");
			}
			if (!secondFactor.accept(customer, code)) {
				throw failed(customer, from, "wrong_second_factor", now);
			}
		}
		customer.loginSucceeded();
		customers.update(customer);
		record(customer, from, "success");
		events.publishEvent(new LoginSucceeded(customer.id, Actor.customer(customer.id, from)));
		TokenStore.Issued issued = tokens.issue(customer.id, Kind.CUSTOMER);
		return new Session(issued.token(), issued.expiresAt(), Kind.CUSTOMER);
	}

	private Refusal failed(Customer customer, ClientAddress from, String reason, Instant now) {
		boolean lockedNow = customer.loginFailed(now);
		customers.update(customer);
		record(customer, from, reason);
		Actor actor = Actor.customer(customer.id, from);
		events.publishEvent(new LoginFailed(customer.id, actor, reason));
		if (lockedNow) {
			// A lock refuses new sign-ins only: a stranger typing wrong passwords must
			// not end the owner's sessions.
			events.publishEvent(new AccountLocked(customer.id, actor));
			notifications.send(customer.notice("account-locked"));
			return Refusal.locked("account_locked");
		}
		return reason.equals("wrong_password") ? invalidCredentials(customer.attemptsLeft())
				: Refusal.notSignedIn("two_factor_invalid").with("attemptsLeft", customer.attemptsLeft());
	}

	private Session staffLogin(StaffUser user, String password, @Nullable String code, ClientAddress from) {
		Instant now = clock.instant();
		if (user.isLocked(now)) {
			throw Refusal.locked("account_locked");
		}
		if (!passwords.matches(password, user.passwordHash)) {
			boolean lockedNow = user.loginFailed(now);
			staff.update(user);
			throw lockedNow ? Refusal.locked("account_locked") : invalidCredentials(user.attemptsLeft());
		}
		if (user.totpEnabled) {
			if (code == null || code.isBlank()) {
				throw Refusal.notSignedIn("two_factor_required");
			}
			if (!staffTwoFactor.accept(user, code)) {
				boolean lockedNow = user.loginFailed(now);
				staff.update(user);
				throw lockedNow ? Refusal.locked("account_locked")
						: Refusal.notSignedIn("two_factor_invalid").with("attemptsLeft", user.attemptsLeft());
			}
		}
		user.loginSucceeded();
		staff.update(user);
		TokenStore.Issued issued = tokens.issue(user.id, Kind.STAFF);
		return new Session(issued.token(), issued.expiresAt(), Kind.STAFF);
	}

	private void record(Customer customer, ClientAddress from, String outcome) {
		jdbc.sql("INSERT INTO login_event (customer_id, at, ip, device, outcome) VALUES (?, ?, ?, ?, ?)")
			.params(customer.id, Timestamp.from(clock.instant()), from.ip(), from.userAgent(), outcome)
			.update();
	}

	private static Refusal invalidCredentials(int attemptsLeft) {
		return Refusal.notSignedIn("invalid_credentials").with("attemptsLeft", attemptsLeft);
	}

}
