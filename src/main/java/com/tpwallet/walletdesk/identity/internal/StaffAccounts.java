package com.tpwallet.walletdesk.identity.internal;

import com.tpwallet.walletdesk.identity.StaffAccountChanged;
import com.tpwallet.walletdesk.platform.Actor;
import com.tpwallet.walletdesk.platform.Caller;
import com.tpwallet.walletdesk.platform.ClientAddress;
import com.tpwallet.walletdesk.platform.Caller.Role;
import com.tpwallet.walletdesk.platform.Refusal;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff accounts: creating them, and what an administrator does when someone leaves or a
 * password may be known: disable one (its sessions end at once, and it signs in no more),
 * enable it again, end its sessions, or set a new password. Every step is audited.
 */
@Service
class StaffAccounts {

	private final StaffRepository staff;

	private final TokenStore tokens;

	private final PasswordPolicy policy;

	private final PasswordEncoder passwords;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	StaffAccounts(StaffRepository staff, TokenStore tokens, PasswordPolicy policy, PasswordEncoder passwords,
			ApplicationEventPublisher events, Clock clock) {
		this.staff = staff;
		this.tokens = tokens;
		this.policy = policy;
		this.passwords = passwords;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	public StaffAccounts.StaffSummary disable(UUID staffId, String reason, Caller admin, ClientAddress from) {
		StaffUser user = other(staffId, admin);
		user.disabledAt = clock.instant();
		staff.update(user);
		tokens.revokeAll(user.id);
		events.publishEvent(new StaffAccountChanged(user.id, Actor.of(admin, from), "disabled", "reason=" + reason));
		return StaffAccounts.StaffSummary.of(user);
	}

	@Transactional
	public StaffAccounts.StaffSummary enable(UUID staffId, Caller admin, ClientAddress from) {
		StaffUser user = other(staffId, admin);
		user.disabledAt = null;
		user.loginSucceeded();
		staff.update(user);
		events.publishEvent(new StaffAccountChanged(user.id, Actor.of(admin, from), "enabled", ""));
		return StaffAccounts.StaffSummary.of(user);
	}

	@Transactional
	public void revokeSessions(UUID staffId, Caller admin, ClientAddress from) {
		StaffUser user = staff.lock(staffId).orElseThrow(() -> Refusal.notFound("staff_not_found"));
		tokens.revokeAll(user.id);
		events.publishEvent(new StaffAccountChanged(user.id, Actor.of(admin, from), "sessions_revoked", ""));
	}

	/**
	 * A new password set by an administrator: the old sessions end and any lock is
	 * lifted.
	 */
	@Transactional
	public void resetPassword(UUID staffId, String newPassword, Caller admin, ClientAddress from) {
		StaffUser user = staff.lock(staffId).orElseThrow(() -> Refusal.notFound("staff_not_found"));
		policy.check(newPassword);
		user.passwordHash = passwords.encode(newPassword);
		user.loginSucceeded();
		staff.update(user);
		tokens.revokeAll(user.id);
		events.publishEvent(new StaffAccountChanged(user.id, Actor.of(admin, from), "password_reset", ""));
	}

	/**
	 * A lost authenticator: two-factor is turned off and the sessions end. The staff
	 * member signs in with the password and, while an administrator requires it, must
	 * enrol a new authenticator before anything else.
	 */
	@Transactional
	public void resetTwoFactor(UUID staffId, Caller admin, ClientAddress from) {
		StaffUser user = other(staffId, admin);
		user.totpEnabled = false;
		user.totpSecret = null;
		staff.update(user);
		tokens.revokeAll(user.id);
		events.publishEvent(new StaffAccountChanged(user.id, Actor.of(admin, from), "two_factor_reset", ""));
	}

	/**
	 * Another staff account: an administrator does not disable themselves (someone must
	 * be left to undo it).
	 */
	private StaffUser other(UUID staffId, Caller admin) {
		if (staffId.equals(admin.id())) {
			throw Refusal.unprocessable("staff_self");
		}
		return staff.lock(staffId).orElseThrow(() -> Refusal.notFound("staff_not_found"));
	}

	record NewStaff(String username, String displayName, String password, Role role, List<String> languages) {
	}

	record StaffSummary(UUID id, String username, String displayName, Role role, List<String> languages,
			boolean disabled) {
		static StaffSummary of(StaffUser u) {
			return new StaffSummary(u.id, u.username, u.displayName, u.role, List.of(u.languages.split(",")),
					u.disabledAt != null);
		}
	}

	@Transactional
	public StaffSummary createStaff(NewStaff request) {
		return createStaff(request, passwords::encode);
	}

	/**
	 * As {@link #createStaff(NewStaff)}, the password hashed by {@code hash} (the demo
	 * data's).
	 */
	@Transactional
	public StaffSummary createStaff(NewStaff request, java.util.function.UnaryOperator<String> hash) {
		if (request.role() == Role.CUSTOMER) {
			throw Refusal.unprocessable("role_invalid");
		}
		if (!request.username().matches("[a-zA-Z0-9._-]{3,64}")) {
			throw Refusal.unprocessable("username_invalid");
		}
		if (staff.exists(request.username())) {
			throw Refusal.conflict("username_taken");
		}
		policy.check(request.password());
		List<String> languages = request.languages().isEmpty() ? List.of("en")
				: request.languages().stream().map(CustomerAccounts::language).distinct().toList();
		StaffUser user = new StaffUser(UUID.randomUUID(), request.username(), request.displayName(),
				hash.apply(request.password()), request.role(), String.join(",", languages));
		staff.insert(user, clock.instant());
		return StaffSummary.of(user);
	}

	@Transactional(readOnly = true)
	public List<StaffSummary> allStaff() {
		return staff.all().stream().map(StaffSummary::of).toList();
	}

}
