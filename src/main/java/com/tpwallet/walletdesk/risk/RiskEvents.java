package com.tpwallet.walletdesk.risk;

import com.tpwallet.walletdesk.platform.Actor;
import com.tpwallet.walletdesk.platform.AuditedAction;
import java.util.List;
import java.util.UUID;

/** What the risk monitor did, and what supervisors decided about it. */
public interface RiskEvents {

	/**
	 * A freeze or a hold ({@code measure}) that people must review: the customer is told,
	 * and a ticket opens in the security queue.
	 */
	record AlertRaised(UUID alertId, UUID customerId, String measure, double score, List<String> reasons,
			Actor actor) implements AuditedAction {

		public String action() {
			return "risk.alert_raised";
		}

		public String subjectKind() {
			return "customer";
		}

		public UUID subjectId() {
			return customerId;
		}

		public String details() {
			return "alert=" + alertId + " " + measure + " score=" + String.format(java.util.Locale.ROOT, "%.2f", score)
					+ " reasons=" + String.join(",", reasons);
		}

	}

	/**
	 * A supervisor's verdict on an alert: fraud confirmed, or a false positive released.
	 */
	record AlertReviewed(UUID alertId, UUID customerId, String outcome, Actor actor,
			String note) implements AuditedAction {

		public String action() {
			return "risk.alert_" + outcome;
		}

		public String subjectKind() {
			return "customer";
		}

		public UUID subjectId() {
			return customerId;
		}

		public String details() {
			return "alert=" + alertId;
		}

	}

}
