package com.tpwallet.walletdesk.identity.internal;

import com.tpwallet.walletdesk.identity.CustomerProfile;
import com.tpwallet.walletdesk.identity.IdentityEvents.AccountUnlocked;
import com.tpwallet.walletdesk.identity.IdentityEvents.CustomerViewedByStaff;
import com.tpwallet.walletdesk.identity.IdentityEvents.VerifiedNameRecorded;
import com.tpwallet.walletdesk.identity.StaffReach;
import com.tpwallet.walletdesk.notifications.Notifications;
import com.tpwallet.walletdesk.platform.Actor;
import com.tpwallet.walletdesk.platform.Caller;
import com.tpwallet.walletdesk.platform.ClientAddress;
import com.tpwallet.walletdesk.platform.Refusal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What staff do with customer accounts (find, view, unlock after verifying identity,
 * record the verified name, send a reset code), each only for customers they may reach,
 * every step audited.
 */
@Service
class CustomerCare {

	/** The identity checks an agent can record before unlocking an account. */
	static final Set<String> CHECKS = Set.of("sms_code", "email_code", "account_questions", "id_document",
			"video_call");

	private final CustomerRepository customers;

	private final StaffRepository staff;

	private final PasswordReset reset;

	private final Notifications notifications;

	private final ApplicationEventPublisher events;

	private final JdbcClient jdbc;

	private final Clock clock;

	CustomerCare(CustomerRepository customers, StaffRepository staff, PasswordReset reset, Notifications notifications,
			ApplicationEventPublisher events, JdbcClient jdbc, Clock clock) {
		this.customers = customers;
		this.staff = staff;
		this.reset = reset;
		this.notifications = notifications;
		this.events = events;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * By phone number (any common format), e-mail address, or part of the verified name;
	 * only customers this staff member may reach, each view audited.
	 */
	@Transactional
	public List<CustomerProfile> search(String query, Caller agent, ClientAddress from) {
		String text = query.strip();
		List<Customer> found = customers.findByLogin(text)
			.map(List::of)
			.orElseGet(() -> LoginNames.looksLikeEmail(text) ? List.of() : customers.findByName(text, 20));
		return found.stream().filter(c -> reaches(agent, c)).map(c -> {
			events.publishEvent(new CustomerViewedByStaff(c.id, Actor.staff(agent.id(), from), "search"));
			return c.profile();
		}).toList();
	}

	/**
	 * The customer, if this staff member may reach them ({@link StaffReach}); otherwise
	 * as if there were none.
	 */
	private Customer reachable(Optional<Customer> customer, Caller agent) {
		return customer.filter(c -> reaches(agent, c)).orElseThrow(() -> Refusal.notFound("customer_not_found"));
	}

	private boolean reaches(Caller agent, Customer customer) {
		List<String> languages = staff.find(agent.id()).map(u -> List.of(u.languages.split(","))).orElse(List.of());
		return StaffReach.reaches(agent.role(), languages, customer.language);
	}

	@Transactional
	public CustomerProfile view(UUID customerId, Caller agent, ClientAddress from) {
		Customer customer = reachable(customers.find(customerId), agent);
		events.publishEvent(new CustomerViewedByStaff(customer.id, Actor.staff(agent.id(), from), "profile"));
		return customer.profile();
	}

	@Transactional
	public void unlock(UUID customerId, List<String> checks, @Nullable String note, Caller agent, ClientAddress from) {
		String recorded = recordable(checks);
		Customer customer = reachable(customers.lock(customerId), agent);
		jdbc.sql(
				"INSERT INTO identity_verification (id, customer_id, staff_id, checks, note, at) VALUES (?, ?, ?, ?, ?, ?)")
			.params(UUID.randomUUID(), customer.id, agent.id(), recorded, note, Timestamp.from(clock.instant()))
			.update();
		boolean wasLocked = customer.isLocked();
		customer.unlock();
		customers.update(customer);
		events.publishEvent(new AccountUnlocked(customer.id, Actor.staff(agent.id(), from), "checks=" + recorded));
		if (wasLocked) {
			notifications.send(customer.notice("account-unlocked"));
		}
	}

	/**
	 * Records the customer's real name (实名) after the given identity checks; withdrawals
	 * must match it.
	 */
	@Transactional
	public CustomerProfile recordVerifiedName(UUID customerId, String name, List<String> checks, Caller agent,
			ClientAddress from) {
		String recorded = recordable(checks);
		Customer customer = reachable(customers.lock(customerId), agent);
		jdbc.sql(
				"INSERT INTO identity_verification (id, customer_id, staff_id, checks, note, at) VALUES (?, ?, ?, ?, ?, ?)")
			.params(UUID.randomUUID(), customer.id, agent.id(), recorded, "verified name",
					Timestamp.from(clock.instant()))
			.update();
		customer.verifiedName = name.trim();
		customers.update(customer);
		events.publishEvent(new VerifiedNameRecorded(customer.id, Actor.staff(agent.id(), from), "checks=" + recorded));
		return customer.profile();
	}

	/**
	 * The checks as recorded (sorted, distinct), or a refusal when none or an unknown one
	 * is named.
	 */
	private static String recordable(List<String> checks) {
		if (checks.isEmpty() || !CHECKS.containsAll(checks)) {
			throw Refusal.unprocessable("verification_checks_invalid",
					String.join(", ", CHECKS.stream().sorted().toList()));
		}
		return String.join(",", checks.stream().distinct().sorted().toList());
	}

	@Transactional
	public void sendPasswordReset(UUID customerId, String channel, Caller agent, ClientAddress from) {
		Customer customer = reachable(customers.lock(customerId), agent);
		boolean byEmail = "email".equals(channel);
		if (byEmail ? customer.email == null : customer.phone == null) {
			throw Refusal.unprocessable("channel_unavailable");
		}
		reset.send(customer, byEmail, Actor.staff(agent.id(), from));
	}

}
