package com.tpwallet.walletdesk.mail;

import com.tpwallet.walletdesk.platform.Actor;
import com.tpwallet.walletdesk.platform.AuditedAction;
import java.util.UUID;

/** What the e-mail channel publishes. */
public interface MailEvents {

	/** Staff linked an e-mail contact to a customer; recorded in the audit log. */
	record ContactLinked(Actor actor, UUID contactId, UUID customerId, int tickets) implements AuditedAction {

		@Override
		public String action() {
			return "mail.contact_linked";
		}

		@Override
		public String subjectKind() {
			return "customer";
		}

		@Override
		public UUID subjectId() {
			return customerId;
		}

		@Override
		public String details() {
			return "contact=" + contactId + " tickets=" + tickets;
		}
	}

}
