package com.tpwallet.walletdesk.disputes;

import com.tpwallet.walletdesk.platform.Actor;
import com.tpwallet.walletdesk.platform.AuditedAction;
import java.util.UUID;

/** What happens to disputes that other modules (risk, the audit log) hear of. */
public interface DisputeEvents {

	/**
	 * A dispute moved: {@code transition} is opened, acknowledged, customer_asked,
	 * customer_answered, merchant_asked, merchant_answered, decided, reopened, withdrawn,
	 * closed or escalated; {@code status} is where it stands now.
	 */
	record DisputeMoved(UUID disputeId, long number, UUID customerId, String transition, String status, String details,
			Actor actor) implements AuditedAction, DisputeEvents {

		public String action() {
			return "dispute." + transition;
		}

		public String subjectKind() {
			return "customer";
		}

		public UUID subjectId() {
			return customerId;
		}

	}

	/**
	 * A customer says a movement was not theirs: risk freezes money going out at once
	 * (the customer can still receive) and raises an alert.
	 */
	record UnauthorisedReported(UUID disputeId, UUID customerId, UUID transactionId) implements DisputeEvents {
	}

}
