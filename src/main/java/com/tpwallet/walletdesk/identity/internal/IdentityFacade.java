package com.tpwallet.walletdesk.identity.internal;

import com.tpwallet.walletdesk.identity.CustomerProfile;
import com.tpwallet.walletdesk.identity.IdentityApi;
import com.tpwallet.walletdesk.identity.LoginRecord;
import com.tpwallet.walletdesk.identity.PaymentPasswordCheck;
import com.tpwallet.walletdesk.identity.StaffMember;
import com.tpwallet.walletdesk.identity.StaffReach;
import com.tpwallet.walletdesk.platform.Refusal;
import com.tpwallet.walletdesk.platform.ClientAddress;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class IdentityFacade implements IdentityApi {

	private final CustomerRepository customers;

	private final PaymentPasswords pins;

	private final CustomerAccounts accounts;

	private final StaffRepository staff;

	private final PasswordReset reset;

	private final StepUpCodes stepUp;

	IdentityFacade(CustomerRepository customers, PaymentPasswords pins, CustomerAccounts accounts,
			StaffRepository staff, PasswordReset reset, StepUpCodes stepUp) {
		this.reset = reset;
		this.stepUp = stepUp;
		this.staff = staff;
		this.customers = customers;
		this.pins = pins;
		this.accounts = accounts;
	}

	// The reads of customers below are one statement each: a read-only transaction
	// around one would only add its round trips for callers that have none open.
	// Called inside a caller's transaction (the transfer preparer's), they run in it.
	@Override
	public Optional<CustomerProfile> customer(UUID customerId) {
		return customers.find(customerId).map(Customer::profile);
	}

	@Override
	@Transactional(readOnly = true)
	public java.util.List<CustomerProfile> customersWithEmailAfter(UUID after, int limit) {
		return customers.withEmailAfter(after, limit).stream().map(Customer::profile).toList();
	}

	@Override
	public Optional<CustomerProfile> customerByLogin(String phoneOrEmail) {
		return customers.findByLogin(phoneOrEmail).map(Customer::profile);
	}

	@Override
	@Transactional(readOnly = true)
	public void requireStaffReach(UUID staffId, UUID customerId) {
		Customer customer = customers.find(customerId).orElseThrow(() -> Refusal.notFound("customer_not_found"));
		StaffUser user = staff.find(staffId).orElseThrow(() -> Refusal.notFound("customer_not_found"));
		if (!StaffReach.reaches(user.role, List.of(user.languages.split(",")), customer.language)) {
			throw Refusal.notFound("customer_not_found");
		}
	}

	@Override
	public void sendVerificationCode(String phoneOrEmail, ClientAddress from) {
		reset.request(phoneOrEmail, from);
	}

	@Override
	public void forcePasswordReset(UUID customerId, com.tpwallet.walletdesk.platform.Actor actor) {
		reset.force(customerId, actor);
	}

	@Override
	public void sendStepUpCode(UUID customerId) {
		stepUp.send(customerId);
	}

	@Override
	public boolean acceptStepUpCode(UUID customerId, String code) {
		return stepUp.accept(customerId, code);
	}

	@Override
	public Optional<CustomerProfile> customerProvenByCode(String phoneOrEmail, String code) {
		return reset.proven(phoneOrEmail, code);
	}

	@Override
	public Map<UUID, CustomerProfile> customers(Collection<UUID> customerIds) {
		Map<UUID, CustomerProfile> found = new HashMap<>();
		customers.findAll(customerIds).forEach(c -> found.put(c.id, c.profile()));
		return found;
	}

	@Override
	public Map<String, CustomerProfile> customersByLogin(Collection<String> logins) {
		Map<String, String> normalised = new HashMap<>();
		for (String login : logins) {
			if (LoginNames.looksLikeEmail(login)) {
				normalised.put(login, login.trim().toLowerCase(java.util.Locale.ROOT));
			}
			else {
				LoginNames.parsePhone(login).ifPresent(p -> normalised.put(login, p));
			}
		}
		Map<String, CustomerProfile> byKey = new HashMap<>();
		customers.findByPhonesOrEmails(normalised.values(), normalised.values()).forEach(c -> {
			if (c.phone != null) {
				byKey.put(c.phone, c.profile());
			}
			if (c.email != null) {
				byKey.put(c.email, c.profile());
			}
		});
		Map<String, CustomerProfile> result = new HashMap<>();
		normalised.forEach((login, key) -> {
			if (byKey.containsKey(key)) {
				result.put(login, byKey.get(key));
			}
		});
		return result;
	}

	@Override
	public PaymentPasswordCheck verifyPaymentPassword(UUID customerId, String pin) {
		return pins.verify(customerId, pin);
	}

	@Override
	@Transactional(readOnly = true)
	public List<StaffMember> staffMembers() {
		return staff.all().stream().map(IdentityFacade::member).toList();
	}

	// one statement: a read-only transaction around it would only add a round trip (the
	// chat asks this for every message it may translate)
	@Override
	public Optional<StaffMember> staffMember(UUID staffId) {
		return staff.find(staffId).map(IdentityFacade::member);
	}

	private static StaffMember member(StaffUser u) {
		return new StaffMember(u.id, u.username, u.displayName, u.role, List.of(u.languages.split(",")));
	}

	@Override
	public List<LoginRecord> recentLogins(UUID customerId, int limit) {
		return accounts.recentLogins(customerId, limit);
	}

}
