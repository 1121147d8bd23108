package com.tpwallet.walletdesk.identity;

import com.tpwallet.walletdesk.platform.Actor;
import com.tpwallet.walletdesk.platform.AuditedAction;
import java.util.UUID;

/** Everything {@code identity} publishes; each one is also recorded in the audit log. */
public sealed interface IdentityEvents extends AuditedAction {

	UUID customerId();

	@Override
	default String subjectKind() {
		return "customer";
	}

	@Override
	default UUID subjectId() {
		return customerId();
	}

	record CustomerRegistered(UUID customerId, Actor actor) implements IdentityEvents {
		public String action() {
			return "customer.registered";
		}
	}

	record LoginSucceeded(UUID customerId, Actor actor) implements IdentityEvents {
		public String action() {
			return "customer.login_succeeded";
		}
	}

	record LoginFailed(UUID customerId, Actor actor, String details) implements IdentityEvents {
		public String action() {
			return "customer.login_failed";
		}
	}

	record AccountLocked(UUID customerId, Actor actor) implements IdentityEvents {
		public String action() {
			return "customer.locked";
		}
	}

	record AccountUnlocked(UUID customerId, Actor actor, String details) implements IdentityEvents {
		public String action() {
			return "customer.unlocked";
		}
	}

	record PasswordChanged(UUID customerId, Actor actor, String details) implements IdentityEvents {
		public String action() {
			return "customer.password_changed";
		}
	}

	record PasswordResetRequested(UUID customerId, Actor actor, String details) implements IdentityEvents {
		public String action() {
			return "customer.password_reset_requested";
		}
	}

	record PaymentPasswordChanged(UUID customerId, Actor actor, String details) implements IdentityEvents {
		public String action() {
			return "customer.payment_password_changed";
		}
	}

	record PaymentPasswordBlocked(UUID customerId, Actor actor) implements IdentityEvents {
		public String action() {
			return "customer.payment_password_blocked";
		}
	}

	record TwoFactorChanged(UUID customerId, Actor actor, String details) implements IdentityEvents {
		public String action() {
			return "customer.two_factor_changed";
		}
	}

	record CustomerViewedByStaff(UUID customerId, Actor actor, String details) implements IdentityEvents {
		public String action() {
			return "staff.customer_viewed";
		}
	}

	record VerifiedNameRecorded(UUID customerId, Actor actor, String details) implements IdentityEvents {
		public String action() {
			return "customer.verified_name_recorded";
		}
	}

	record LanguageChanged(UUID customerId, Actor actor, String details) implements IdentityEvents {
		public String action() {
			return "customer.language_changed";
		}
	}

	/** A second address proven by a code and added to the account; details: its kind. */
	record ContactAddressAdded(UUID customerId, Actor actor, String details) implements IdentityEvents {
		public String action() {
			return "customer.contact_address_added";
		}
	}

	/** The customer chose how notices reach them; details: the channel. */
	record NoticeChannelChosen(UUID customerId, Actor actor, String details) implements IdentityEvents {
		public String action() {
			return "customer.notice_channel_chosen";
		}
	}

}
