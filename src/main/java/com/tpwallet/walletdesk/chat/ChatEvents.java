package com.tpwallet.walletdesk.chat;

import com.tpwallet.walletdesk.platform.Actor;
import com.tpwallet.walletdesk.platform.AuditedAction;
import java.util.UUID;

/** What the chat publishes. */
public interface ChatEvents {

	/**
	 * An agent proved that the visitor in a chat is this customer (by a code sent to the
	 * customer's own phone or e-mail); recorded in the audit log.
	 */
	record VisitorIdentified(Actor actor, UUID conversationId, UUID customerId) implements AuditedAction {

		@Override
		public String action() {
			return "chat.visitor_identified";
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
			return "conversation=" + conversationId;
		}
	}

}
