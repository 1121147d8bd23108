package com.tpwallet.walletdesk.identity.internal;

import com.tpwallet.walletdesk.identity.CustomerProfile;
import com.tpwallet.walletdesk.identity.IdentityEvents.ContactAddressAdded;
import com.tpwallet.walletdesk.identity.IdentityEvents.NoticeChannelChosen;
import com.tpwallet.walletdesk.identity.NoticeChannel;
import com.tpwallet.walletdesk.notifications.Notice;
import com.tpwallet.walletdesk.notifications.Notifications;
import com.tpwallet.walletdesk.platform.Actor;
import com.tpwallet.walletdesk.platform.ClientAddress;
import com.tpwallet.walletdesk.platform.RateLimits;
import com.tpwallet.walletdesk.platform.Refusal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A customer's second address (a phone for an account opened by e-mail, or the reverse),
 * added only once a code sent to it comes back, and the channel notices go by. An address
 * is proven before it is trusted: notices, and the login, would otherwise go to a
 * stranger's number.
 */
@Service
class SecondAddresses {

	static final Duration VALIDITY = Duration.ofMinutes(10);

	static final int MAX_TRIES = 5;

	private final CustomerRepository customers;

	private final CustomerAccounts accounts;

	private final OneTimeCodes codes;

	private final Notifications notifications;

	private final RateLimits rateLimits;

	private final UnknownLogins unknownLogins;

	private final ApplicationEventPublisher events;

	private final JdbcClient jdbc;

	private final Clock clock;

	SecondAddresses(CustomerRepository customers, CustomerAccounts accounts, OneTimeCodes codes,
			Notifications notifications, RateLimits rateLimits, UnknownLogins unknownLogins,
			ApplicationEventPublisher events, JdbcClient jdbc, Clock clock) {
		this.unknownLogins = unknownLogins;
		this.customers = customers;
		this.accounts = accounts;
		this.codes = codes;
		this.notifications = notifications;
		this.rateLimits = rateLimits;
		this.events = events;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Where the code went, for the customer to recognise (the address as they typed it,
	 * normalised).
	 */
	record CodeSent(NoticeChannel kind, String address, Instant expiresAt) {
	}

	/**
	 * Sends a code to the new phone or e-mail address. Exactly one is given; the account
	 * must not have one of that kind yet, and no other account may use it.
	 */
	@Transactional
	CodeSent sendCode(UUID customerId, @Nullable String phone, @Nullable String email) {
		boolean byPhone = phone != null && !phone.isBlank();
		boolean byEmail = email != null && !email.isBlank();
		if (byPhone == byEmail) {
			throw Refusal.unprocessable("contact_address_required");
		}
		rateLimits.consume(IdentityConfiguration.CREDENTIAL_PER_ACCOUNT, customerId.toString());
		Customer customer = customers.lock(customerId).orElseThrow(() -> Refusal.notFound("customer_not_found"));
		NoticeChannel kind = byPhone ? NoticeChannel.SMS : NoticeChannel.EMAIL;
		if (customer.has(kind)) {
			throw Refusal.conflict("contact_address_exists");
		}
		String address = byPhone ? LoginNames.phone(phone) : LoginNames.email(email);
		accounts.refuseIfTaken(kind, address);
		String code = codes.sixDigits();
		UUID salt = UUID.randomUUID();
		Instant now = clock.instant();
		Instant expiresAt = now.plus(VALIDITY);
		jdbc.sql(
				"""
						INSERT INTO contact_address_code (customer_id, kind, address, salt, code_hash, attempts, sent_at, expires_at)
						VALUES (?, ?, ?, ?, ?, 0, ?, ?)
						ON CONFLICT (customer_id) DO UPDATE SET kind = excluded.kind, address = excluded.address,
						  salt = excluded.salt, code_hash = excluded.code_hash, attempts = 0, sent_at = excluded.sent_at,
						  expires_at = excluded.expires_at""")
			.params(customerId, kind.code(), address, salt, OneTimeCodes.digest(salt.toString(), code),
					Timestamp.from(now), Timestamp.from(expiresAt))
			.update();
		notifications.send(kind == NoticeChannel.SMS
				? Notice.sms(address, customer.language, "contact-code", code, VALIDITY.toMinutes())
				: Notice.email(address, customer.language, "contact-code", code, VALIDITY.toMinutes()));
		return new CodeSent(kind, address, expiresAt);
	}

	/**
	 * Adds the address the code was sent to, when the code is right and still good. A
	 * wrong code spends one of its tries.
	 */
	@Transactional(noRollbackFor = Refusal.class)
	CustomerProfile confirm(UUID customerId, String code, ClientAddress from) {
		rateLimits.consume(IdentityConfiguration.CREDENTIAL_PER_ACCOUNT, customerId.toString());
		record Pending(NoticeChannel kind, String address, UUID salt, String hash, int attempts, Instant expiresAt) {
		}
		Pending pending = jdbc.sql("""
				SELECT kind, address, salt, code_hash, attempts, expires_at FROM contact_address_code
				WHERE customer_id = ? FOR UPDATE""")
			.param(customerId)
			.query((rs, n) -> new Pending(NoticeChannel.ofCode(rs.getString("kind")).orElseThrow(),
					rs.getString("address"), rs.getObject("salt", UUID.class), rs.getString("code_hash"),
					rs.getInt("attempts"), rs.getTimestamp("expires_at").toInstant()))
			.optional()
			.orElseThrow(() -> Refusal.unprocessable("contact_code_invalid"));
		if (!clock.instant().isBefore(pending.expiresAt()) || pending.attempts() >= MAX_TRIES) {
			throw Refusal.unprocessable("contact_code_invalid");
		}
		if (!OneTimeCodes.matches(pending.salt().toString(), pending.hash(), code)) {
			jdbc.sql("UPDATE contact_address_code SET attempts = attempts + 1 WHERE customer_id = ?")
				.param(customerId)
				.update();
			throw Refusal.unprocessable("contact_code_invalid");
		}
		Customer customer = customers.lock(customerId).orElseThrow(() -> Refusal.notFound("customer_not_found"));
		accounts.refuseIfTaken(pending.kind(), pending.address());
		customer.addAddress(pending.kind(), pending.address());
		customers.update(customer);
		jdbc.sql("DELETE FROM contact_address_code WHERE customer_id = ?").param(customerId).update();
		unknownLogins.forget(pending.address());
		events
			.publishEvent(new ContactAddressAdded(customerId, Actor.customer(customerId, from), pending.kind().code()));
		return customer.profile();
	}

	/** The customer chooses how notices reach them. */
	@Transactional
	CustomerProfile chooseNoticeChannel(UUID customerId, String channel, ClientAddress from) {
		NoticeChannel chosen = NoticeChannel.ofCode(channel)
			.orElseThrow(() -> Refusal.unprocessable("notice_channel_unknown"));
		Customer customer = customers.lock(customerId).orElseThrow(() -> Refusal.notFound("customer_not_found"));
		customer.chooseNoticeChannel(chosen);
		customers.update(customer);
		events.publishEvent(new NoticeChannelChosen(customerId, Actor.customer(customerId, from), chosen.code()));
		return customer.profile();
	}

}
