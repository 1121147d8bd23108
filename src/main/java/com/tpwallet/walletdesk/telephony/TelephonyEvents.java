package com.tpwallet.walletdesk.telephony;

import com.tpwallet.walletdesk.platform.Actor;
import com.tpwallet.walletdesk.platform.AuditedAction;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What the hotline publishes. */
public interface TelephonyEvents {

	/** A number staff blocked (its calls are rejected) or unblocked; both audited. */
	record NumberBlocked(Actor actor, String number, boolean blocked, String reason) implements AuditedAction {

		@Override
		public String action() {
			return blocked ? "phone.number_blocked" : "phone.number_unblocked";
		}

		@Override
		public String subjectKind() {
			return "phone_number";
		}

		@Override
		public @Nullable UUID subjectId() {
			return null;
		}

		@Override
		public String details() {
			return "number=" + number + " reason=" + reason;
		}
	}

}
