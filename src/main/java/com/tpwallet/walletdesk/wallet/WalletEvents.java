package com.tpwallet.walletdesk.wallet;

import com.tpwallet.walletdesk.platform.Actor;
import com.tpwallet.walletdesk.platform.AuditedAction;
import java.util.UUID;

/** What the wallet publishes. */
public interface WalletEvents {

	record TransactionPosted(UUID transactionId, UUID customerId, String type, long amount, String currency) {
	}

	record PaymentFailed(UUID transactionId, UUID customerId, String reason, long amount, String currency) {
	}

	record TopUpFailed(UUID transactionId, UUID customerId, String reason) {
	}

	record WithdrawalSettled(UUID transactionId, UUID customerId) {
	}

	record WithdrawalFailed(UUID transactionId, UUID customerId, String reason) {
	}

	/** A staff or system action on a wallet, recorded in the audit log. */
	record WalletActionTaken(Actor actor, String action, UUID subjectId, String details) implements AuditedAction {
		public String subjectKind() {
			return "wallet";
		}
	}

}
