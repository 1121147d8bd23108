package com.tpwallet.walletdesk.platform;

import java.util.Optional;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is making the request: a wallet customer or a staff user with a role. The principal
 * of every authenticated request. {@code twoFactorEnrolmentDue}: a staff member who must
 * enrol in two-factor authentication before anything else (read with the token, so the
 * check costs no query of its own).
 */
public record Caller(UUID id, Kind kind, Role role, String language, String name, boolean twoFactorEnrolmentDue) {

	public Caller(UUID id, Kind kind, Role role, String language, String name) {
		this(id, kind, role, language, name, false);
	}

	public enum Kind {

		CUSTOMER, STAFF

	}

	/**
	 * Roles. Agents, supervisors and admins in increasing power, each including the ones
	 * before it; the product team reads feedback and nothing else (supervisors and admins
	 * may read it too).
	 */
	public enum Role {

		CUSTOMER, PRODUCT, AGENT, SUPERVISOR, ADMIN

	}

	public boolean isCustomer() {
		return kind == Kind.CUSTOMER;
	}

	public boolean isStaff() {
		return kind == Kind.STAFF;
	}

	/** The customer's id, or a 403 {@code customers_only} refusal for staff. */
	public UUID customerId() {
		if (!isCustomer()) {
			throw Refusal.notAllowed("customers_only");
		}
		return id;
	}

	public boolean hasAtLeast(Role wanted) {
		if (!isStaff()) {
			return false;
		}
		if (role == Role.PRODUCT || wanted == Role.PRODUCT) {
			return role == wanted || role.compareTo(Role.SUPERVISOR) >= 0;
		}
		return role.compareTo(wanted) >= 0;
	}

	/** The caller of the current request, if it is authenticated. */
	public static Optional<Caller> current() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		return auth != null && auth.getPrincipal() instanceof Caller caller ? Optional.of(caller) : Optional.empty();
	}
}
