package com.tpwallet.walletdesk.identity.internal;

import com.tpwallet.walletdesk.identity.IdentityEvents.PaymentPasswordBlocked;
import com.tpwallet.walletdesk.identity.IdentityEvents.PaymentPasswordChanged;
import com.tpwallet.walletdesk.identity.PaymentPasswordCheck;
import com.tpwallet.walletdesk.platform.Actor;
import com.tpwallet.walletdesk.platform.ClientAddress;
import com.tpwallet.walletdesk.platform.Refusal;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The 6-digit payment password, separate from the login password: set once, changed with
 * the old one and the new one twice; five wrong entries block payments for 30 minutes.
 */
@Service
class PaymentPasswords {

	private final CustomerRepository customers;

	private final PinHasher pins;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final TransactionTemplate ownTransaction;

	PaymentPasswords(CustomerRepository customers, PinHasher pins, ApplicationEventPublisher events, Clock clock,
			PlatformTransactionManager transactions) {
		this.customers = customers;
		this.pins = pins;
		this.events = events;
		this.clock = clock;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * A PIN is six digits and not one anybody would guess first (all alike, straight
	 * runs).
	 */
	static void checkFormat(String pin) {
		if (pin == null || !pin.matches("\\d{6}")) {
			throw Refusal.unprocessable("pin_format");
		}
		boolean allSame = pin.chars().distinct().count() == 1;
		boolean run = "0123456789".contains(pin) || "9876543210".contains(pin);
		if (allSame || run) {
			throw Refusal.unprocessable("pin_too_simple");
		}
	}

	@Transactional
	public void set(UUID customerId, String pin, ClientAddress from) {
		checkFormat(pin);
		Customer customer = load(customerId);
		if (customer.pinHash != null) {
			throw Refusal.conflict("payment_password_already_set");
		}
		customer.pinHash = pins.hash(pin);
		customer.pinAccepted();
		customers.update(customer);
		events.publishEvent(new PaymentPasswordChanged(customer.id, Actor.customer(customer.id, from), "set"));
	}

	@Transactional(noRollbackFor = Refusal.class)
	public void change(UUID customerId, String oldPin, String newPin, String confirmPin, ClientAddress from) {
		checkFormat(newPin);
		if (!newPin.equals(confirmPin)) {
			throw Refusal.unprocessable("pin_mismatch");
		}
		Customer customer = load(customerId);
		PaymentPasswordCheck check = verify(customer, oldPin, Actor.customer(customer.id, from));
		if (check != PaymentPasswordCheck.ACCEPTED) {
			throw Refusal.unprocessable(check.refusalCode());
		}
		customer.pinHash = pins.hash(newPin);
		customers.update(customer);
		events.publishEvent(new PaymentPasswordChanged(customer.id, Actor.customer(customer.id, from), "changed"));
	}

	/**
	 * The common case, the right PIN with nothing to reset or re-hash, is one read with
	 * no transaction around it: it writes nothing, so a transaction would only add its
	 * round trips to every payment. Anything else takes the customer's row lock and
	 * checks again, in a transaction of its own: a wrong entry counts even when the
	 * payment that asked is rolled back.
	 */
	public PaymentPasswordCheck verify(UUID customerId, String pin) {
		Customer seen = customers.find(customerId).orElseThrow(() -> Refusal.notFound("customer_not_found"));
		if (acceptedAsItIs(seen, pin)) {
			return PaymentPasswordCheck.ACCEPTED;
		}
		return ownTransaction.execute(tx -> {
			Customer customer = load(customerId);
			return verify(customer, pin, Actor.customer(customer.id, ClientAddress.INTERNAL));
		});
	}

	/**
	 * The right PIN, with no wrong entry counted and no block to lift, under the current
	 * key: accepting it changes nothing. A wrong entry made at the same moment is counted
	 * under the lock as before; this one counts as made just before it.
	 */
	private boolean acceptedAsItIs(Customer customer, @Nullable String pin) {
		return customer.pinHash != null && customer.pinFailures == 0 && customer.pinBlockedUntil == null && pin != null
				&& pin.matches("\\d{6}") && !pins.needsRehash(customer.pinHash) && pins.matches(pin, customer.pinHash);
	}

	/**
	 * Checks the PIN of a customer already locked by the caller's transaction; a wrong
	 * one counts.
	 */
	PaymentPasswordCheck verify(Customer customer, @Nullable String pin, Actor actor) {
		Instant now = clock.instant();
		if (customer.pinHash == null) {
			return PaymentPasswordCheck.NOT_SET;
		}
		if (customer.pinBlocked(now)) {
			return PaymentPasswordCheck.BLOCKED;
		}
		if (pin != null && pin.matches("\\d{6}") && pins.matches(pin, customer.pinHash)) {
			boolean rehash = pins.needsRehash(customer.pinHash);
			if (rehash) {
				// Argon2id from before, or an old key: the correct PIN is at hand once
				customer.pinHash = pins.hash(pin);
			}
			if (rehash || customer.pinFailures > 0 || customer.pinBlockedUntil != null) {
				customer.pinAccepted();
				customers.update(customer);
			}
			return PaymentPasswordCheck.ACCEPTED;
		}
		boolean blockedNow = customer.pinFailed(now);
		customers.update(customer);
		if (blockedNow) {
			events.publishEvent(new PaymentPasswordBlocked(customer.id, actor));
			return PaymentPasswordCheck.BLOCKED;
		}
		return PaymentPasswordCheck.WRONG;
	}

	private Customer load(UUID customerId) {
		return customers.lock(customerId).orElseThrow(() -> Refusal.notFound("customer_not_found"));
	}

}
