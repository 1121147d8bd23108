package com.tpwallet.walletdesk.identity.internal;

import com.tpwallet.walletdesk.identity.IdentityEvents.TwoFactorChanged;
import com.tpwallet.walletdesk.platform.Actor;
import com.tpwallet.walletdesk.platform.ClientAddress;
import com.tpwallet.walletdesk.platform.RateLimits;
import com.tpwallet.walletdesk.platform.Refusal;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turning TOTP two-factor authentication on (enrol, then confirm with a first code) and
 * off.
 */
@Service
class TwoFactorEnrolment {

	private final CustomerRepository customers;

	private final TotpAuthenticator totp;

	private final SecondFactor secondFactor;

	private final PasswordEncoder passwords;

	private final RateLimits rateLimits;

	private final ApplicationEventPublisher events;

	TwoFactorEnrolment(CustomerRepository customers, TotpAuthenticator totp, SecondFactor secondFactor,
			PasswordEncoder passwords, RateLimits rateLimits, ApplicationEventPublisher events) {
		this.customers = customers;
		this.totp = totp;
		this.secondFactor = secondFactor;
		this.passwords = passwords;
		this.rateLimits = rateLimits;
		this.events = events;
	}

	record Enrolment(String secret, String otpauthUri, String qrCode) {
	}

	@Transactional
	public Enrolment enrol(UUID customerId) {
		Customer customer = load(customerId);
		if (customer.totpEnabled) {
			throw Refusal.conflict("two_factor_already_enabled");
		}
		customer.totpSecret = totp.newSecret();
		customers.update(customer);
		String account = customer.displayLogin();
		return new Enrolment(customer.totpSecret, totp.otpauthUri(customer.totpSecret, account),
				totp.qrCodeDataUri(customer.totpSecret, account));
	}

	@Transactional
	public List<String> confirm(UUID customerId, String code, ClientAddress from) {
		rateLimits.consume(IdentityConfiguration.CREDENTIAL_PER_ACCOUNT, customerId.toString());
		Customer customer = load(customerId);
		totp.confirmEnrolment(customer.totpEnabled, customer.totpSecret, code);
		customer.totpEnabled = true;
		customer.totpLastStep = 0;
		customers.update(customer);
		List<String> recovery = totp.recoveryCodes();
		secondFactor.replaceRecoveryCodes(customer, recovery);
		events.publishEvent(new TwoFactorChanged(customer.id, Actor.customer(customer.id, from), "enabled"));
		return recovery;
	}

	@Transactional(noRollbackFor = Refusal.class)
	public void disable(UUID customerId, String password, String code, ClientAddress from) {
		rateLimits.consume(IdentityConfiguration.CREDENTIAL_PER_ACCOUNT, customerId.toString());
		Customer customer = load(customerId);
		if (!customer.totpEnabled) {
			throw Refusal.conflict("two_factor_not_enabled");
		}
		if (!passwords.matches(password, customer.passwordHash)) {
			throw Refusal.unprocessable("current_password_wrong");
		}
		if (!secondFactor.accept(customer, code)) {
			throw Refusal.unprocessable("two_factor_invalid");
		}
		customer.totpEnabled = false;
		customer.totpSecret = null;
		customers.update(customer);
		secondFactor.replaceRecoveryCodes(customer, List.of());
		events.publishEvent(new TwoFactorChanged(customer.id, Actor.customer(customer.id, from), "disabled"));
	}

	private Customer load(UUID customerId) {
		return customers.lock(customerId).orElseThrow(() -> Refusal.notFound("customer_not_found"));
	}

}
