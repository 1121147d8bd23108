package com.tpwallet.walletdesk.identity.internal;

import com.tpwallet.walletdesk.identity.StaffAccountChanged;
import com.tpwallet.walletdesk.platform.Actor;
import com.tpwallet.walletdesk.platform.Caller;
import com.tpwallet.walletdesk.platform.ClientAddress;
import com.tpwallet.walletdesk.platform.RateLimits;
import com.tpwallet.walletdesk.platform.Refusal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * TOTP two-factor authentication for staff: enrol, confirm with a first code, turn off
 * with password and code; and the administrator's requirement that every staff member use
 * it. The requirement cannot be switched on in the demo profile, whose staff sign in with
 * their password alone.
 */
@Service
class StaffTwoFactor {

	static final String REQUIRED = "staff_two_factor_required";

	/**
	 * Whether staff must use two-factor authentication, as an SQL expression: the token
	 * lookup reads it with every staff request.
	 */
	static final String REQUIRED_SQL = "coalesce((SELECT lower(value) = 'true' FROM identity_setting WHERE name = '"
			+ REQUIRED + "'), false)";

	private final StaffRepository staff;

	private final TotpAuthenticator totp;

	private final PasswordEncoder passwords;

	private final RateLimits rateLimits;

	private final ApplicationEventPublisher events;

	private final JdbcClient jdbc;

	private final Environment environment;

	private final Clock clock;

	StaffTwoFactor(StaffRepository staff, TotpAuthenticator totp, PasswordEncoder passwords, RateLimits rateLimits,
			ApplicationEventPublisher events, JdbcClient jdbc, Environment environment, Clock clock) {
		this.staff = staff;
		this.totp = totp;
		this.passwords = passwords;
		this.rateLimits = rateLimits;
		this.events = events;
		this.jdbc = jdbc;
		this.environment = environment;
		this.clock = clock;
	}

	@Transactional
	public TwoFactorEnrolment.Enrolment enrol(UUID staffId) {
		StaffUser user = load(staffId);
		if (user.totpEnabled) {
			throw Refusal.conflict("two_factor_already_enabled");
		}
		user.totpSecret = totp.newSecret();
		staff.update(user);
		return new TwoFactorEnrolment.Enrolment(user.totpSecret, totp.otpauthUri(user.totpSecret, user.username),
				totp.qrCodeDataUri(user.totpSecret, user.username));
	}

	@Transactional
	public void confirm(UUID staffId, String code, ClientAddress from) {
		rateLimits.consume(IdentityConfiguration.CREDENTIAL_PER_ACCOUNT, staffId.toString());
		StaffUser user = load(staffId);
		totp.confirmEnrolment(user.totpEnabled, user.totpSecret, code);
		user.totpEnabled = true;
		user.totpLastStep = 0;
		staff.update(user);
		events.publishEvent(new StaffAccountChanged(user.id, Actor.staff(user.id, from), "two_factor_enabled", ""));
	}

	@Transactional(noRollbackFor = Refusal.class)
	public void disable(UUID staffId, String password, String code, ClientAddress from) {
		rateLimits.consume(IdentityConfiguration.CREDENTIAL_PER_ACCOUNT, staffId.toString());
		StaffUser user = load(staffId);
		if (!user.totpEnabled) {
			throw Refusal.conflict("two_factor_not_enabled");
		}
		if (required()) {
			throw Refusal.conflict("two_factor_required_by_admin");
		}
		if (!passwords.matches(password, user.passwordHash)) {
			throw Refusal.unprocessable("current_password_wrong");
		}
		if (!accept(user, code)) {
			throw Refusal.unprocessable("two_factor_invalid");
		}
		user.totpEnabled = false;
		user.totpSecret = null;
		staff.update(user);
		events.publishEvent(new StaffAccountChanged(user.id, Actor.staff(user.id, from), "two_factor_disabled", ""));
	}

	/**
	 * A fresh code of the staff member's authenticator, spent once; the caller saves the
	 * user.
	 */
	boolean accept(StaffUser user, String code) {
		if (user.totpSecret == null) {
			return false;
		}
		var step = totp.verify(user.totpSecret, code.trim(), user.totpLastStep);
		step.ifPresent(s -> user.totpLastStep = s);
		return step.isPresent();
	}

	boolean required() {
		return jdbc.sql("SELECT " + REQUIRED_SQL).query(Boolean.class).single();
	}

	@Transactional
	public boolean require(boolean required, Caller admin, ClientAddress from) {
		if (required && environment.acceptsProfiles(Profiles.of("demo"))) {
			throw Refusal.unprocessable("staff_two_factor_not_in_demo");
		}
		if (required && !staff.find(admin.id()).map(u -> u.totpEnabled).orElse(false)) {
			// Otherwise the administrator who switches it on is the first one locked out
			// of the switch.
			throw Refusal.conflict("staff_two_factor_enrol_first");
		}
		jdbc.sql("""
				INSERT INTO identity_setting (name, value, changed_at) VALUES (?, ?, ?)
				ON CONFLICT (name) DO UPDATE SET value = EXCLUDED.value, changed_at = EXCLUDED.changed_at""")
			.params(REQUIRED, Boolean.toString(required), Timestamp.from(clock.instant()))
			.update();
		events.publishEvent(new StaffAccountChanged(admin.id(), Actor.of(admin, from),
				required ? "two_factor_required" : "two_factor_optional", "all staff"));
		return required;
	}

	private StaffUser load(UUID staffId) {
		return staff.lock(staffId).orElseThrow(() -> Refusal.notFound("staff_not_found"));
	}

}
