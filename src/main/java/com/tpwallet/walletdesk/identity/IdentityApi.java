package com.tpwallet.walletdesk.identity;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** What other modules may ask of {@code identity}. */
public interface IdentityApi {

	Optional<CustomerProfile> customer(UUID customerId);

	/**
	 * Customers who have an e-mail address, in id order after {@code after} (the zero
	 * UUID for the first page): pages of a mailing to many customers.
	 */
	List<CustomerProfile> customersWithEmailAfter(UUID after, int limit);

	/** A customer by phone number (any common notation) or e-mail address. */
	Optional<CustomerProfile> customerByLogin(String phoneOrEmail);

	/**
	 * Sends a one-time code to the phone or e-mail registered for this login, if there is
	 * such an account (the same code, limits and throttles as a password reset). Says
	 * nothing about whether it exists.
	 */
	void sendVerificationCode(String phoneOrEmail, com.tpwallet.walletdesk.platform.ClientAddress from);

	/**
	 * The customer, only if the code given is the latest one sent to them and still good;
	 * a wrong code spends one of its tries. The code stays usable for a reset or an
	 * unlock.
	 */
	Optional<CustomerProfile> customerProvenByCode(String phoneOrEmail, String code);

	/** Many customers at once, by id (for batch work such as the transfer writer). */
	Map<UUID, CustomerProfile> customers(Collection<UUID> customerIds);

	/**
	 * Many customers at once, keyed by the login exactly as given; logins that match
	 * nobody are absent.
	 */
	Map<String, CustomerProfile> customersByLogin(Collection<String> logins);

	/**
	 * Checks the payment password; wrong entries count toward a 30-minute block even if
	 * the caller's transaction rolls back.
	 */
	PaymentPasswordCheck verifyPaymentPassword(UUID customerId, String pin);

	/**
	 * Refuses, as {@code 404 customer_not_found}, a staff member who may not read this
	 * customer ({@link StaffReach}); an unknown customer gets the same answer.
	 */
	void requireStaffReach(UUID staffId, UUID customerId);

	/** Every staff user, for routing and dashboards. */
	List<StaffMember> staffMembers();

	Optional<StaffMember> staffMember(UUID staffId);

	/**
	 * Makes the customer set a new password (by a code to their phone or e-mail) before
	 * they can sign in again; every session ends.
	 */
	void forcePasswordReset(UUID customerId, com.tpwallet.walletdesk.platform.Actor actor);

	/**
	 * Sends the customer a one-time code that confirms a movement the risk monitor found
	 * unusual (not sent again within a minute).
	 */
	void sendStepUpCode(UUID customerId);

	/**
	 * Whether the code is the step-up code last sent to the customer and still good; a
	 * wrong one spends one of its tries.
	 */
	boolean acceptStepUpCode(UUID customerId, String code);

	/** The customer's latest sign-ins, newest first. */
	List<LoginRecord> recentLogins(UUID customerId, int limit);

}
