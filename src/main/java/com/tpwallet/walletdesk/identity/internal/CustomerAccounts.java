package com.tpwallet.walletdesk.identity.internal;

import com.tpwallet.walletdesk.identity.CustomerProfile;
import com.tpwallet.walletdesk.identity.NoticeChannel;
import com.tpwallet.walletdesk.identity.IdentityEvents.CustomerRegistered;
import com.tpwallet.walletdesk.identity.IdentityEvents.LanguageChanged;
import com.tpwallet.walletdesk.identity.IdentityEvents.PasswordChanged;
import com.tpwallet.walletdesk.identity.LoginRecord;
import com.tpwallet.walletdesk.notifications.Notifications;
import com.tpwallet.walletdesk.platform.Actor;
import com.tpwallet.walletdesk.platform.ClientAddress;
import com.tpwallet.walletdesk.platform.Languages;
import com.tpwallet.walletdesk.platform.RateLimits;
import com.tpwallet.walletdesk.platform.Refusal;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class CustomerAccounts {

	private final CustomerRepository customers;

	private final PasswordPolicy policy;

	private final PasswordEncoder passwords;

	private final TokenStore tokens;

	private final RateLimits rateLimits;

	private final Notifications notifications;

	private final ApplicationEventPublisher events;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final UnknownLogins unknownLogins;

	CustomerAccounts(CustomerRepository customers, PasswordPolicy policy, PasswordEncoder passwords, TokenStore tokens,
			RateLimits rateLimits, Notifications notifications, ApplicationEventPublisher events, JdbcClient jdbc,
			Clock clock, UnknownLogins unknownLogins) {
		this.unknownLogins = unknownLogins;
		this.customers = customers;
		this.policy = policy;
		this.passwords = passwords;
		this.tokens = tokens;
		this.rateLimits = rateLimits;
		this.notifications = notifications;
		this.events = events;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	record Registration(@Nullable String phone, @Nullable String email, String password, String language,
			@Nullable String verifiedName) {
	}

	@Transactional
	public CustomerProfile register(Registration registration, ClientAddress from) {
		return register(registration, from, passwords::encode);
	}

	/**
	 * As {@link #register(Registration, ClientAddress)}, the password hashed by
	 * {@code hash}: the demo data hashes its one published demo password once for all its
	 * accounts (an Argon2id hash costs a few hundred milliseconds, and start-up waits).
	 */
	@Transactional
	public CustomerProfile register(Registration registration, ClientAddress from,
			java.util.function.UnaryOperator<String> hash) {
		rateLimits.consume(IdentityConfiguration.REGISTER_PER_IP, from.ip());
		String phone = registration.phone() == null || registration.phone().isBlank() ? null
				: LoginNames.phone(registration.phone());
		String email = registration.email() == null || registration.email().isBlank() ? null
				: LoginNames.email(registration.email());
		if (phone == null && email == null) {
			throw Refusal.unprocessable("login_required");
		}
		String language = language(registration.language());
		policy.check(registration.password());
		if (phone != null) {
			refuseIfTaken(NoticeChannel.SMS, phone);
		}
		if (email != null) {
			refuseIfTaken(NoticeChannel.EMAIL, email);
		}
		Customer customer = new Customer(UUID.randomUUID(), phone, email, hash.apply(registration.password()), language,
				clock.instant());
		customer.verifiedName = registration.verifiedName();
		customers.insert(customer);
		if (phone != null) {
			unknownLogins.forget(phone);
		}
		if (email != null) {
			unknownLogins.forget(email);
		}
		events.publishEvent(new CustomerRegistered(customer.id, Actor.customer(customer.id, from)));
		return customer.profile();
	}

	/** A phone number or e-mail address belongs to one account only. */
	public void refuseIfTaken(NoticeChannel kind, String address) {
		boolean taken = kind == NoticeChannel.SMS ? customers.phoneTaken(address) : customers.emailTaken(address);
		if (taken) {
			throw Refusal.conflict(kind == NoticeChannel.SMS ? "phone_taken" : "email_taken");
		}
	}

	static String language(@Nullable String tag) {
		return Languages.match(tag)
			.map(Languages::tagOf)
			.orElseThrow(() -> Refusal.unprocessable("unsupported_language"));
	}

	@Transactional(readOnly = true)
	public CustomerProfile profile(UUID customerId) {
		return customers.find(customerId)
			.map(Customer::profile)
			.orElseThrow(() -> Refusal.notFound("customer_not_found"));
	}

	@Transactional
	public CustomerProfile changeLanguage(UUID customerId, String tag, ClientAddress from) {
		Customer customer = customers.lock(customerId).orElseThrow(() -> Refusal.notFound("customer_not_found"));
		customer.language = language(tag);
		customers.update(customer);
		events.publishEvent(new LanguageChanged(customer.id, Actor.customer(customer.id, from), customer.language));
		return customer.profile();
	}

	@Transactional(noRollbackFor = Refusal.class)
	public void changePassword(UUID customerId, String current, String next, ClientAddress from) {
		rateLimits.consume(IdentityConfiguration.CREDENTIAL_PER_ACCOUNT, customerId.toString());
		Customer customer = customers.lock(customerId).orElseThrow(() -> Refusal.notFound("customer_not_found"));
		if (!passwords.matches(current, customer.passwordHash)) {
			throw Refusal.unprocessable("current_password_wrong");
		}
		policy.check(next);
		customer.changePassword(passwords.encode(next), clock.instant());
		customers.update(customer);
		tokens.revokeAll(customer.id);
		events.publishEvent(new PasswordChanged(customer.id, Actor.customer(customer.id, from), "changed"));
		notifications.send(customer.notice("password-changed"));
	}

	@Transactional(readOnly = true)
	public List<LoginRecord> recentLogins(UUID customerId, int limit) {
		return jdbc.sql(
				"SELECT at, ip, device, outcome FROM login_event WHERE customer_id = ? ORDER BY at DESC, id DESC LIMIT ?")
			.params(customerId, limit)
			.query((rs, n) -> new LoginRecord(rs.getTimestamp("at").toInstant(), rs.getString("ip"),
					rs.getString("device"), rs.getString("outcome")))
			.list();
	}

}
