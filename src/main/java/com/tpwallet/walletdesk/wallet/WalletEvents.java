package com.tpwallet.walletdesk.wallet;

import com.tpwallet.walletdesk.platform.Actor;
import com.tpwallet.walletdesk.platform.AuditedAction;
import java.util.UUID;

/**
 * What the wallet publishes, after its transaction commits. A {@code reason} is the
 * machine-readable code the customer's history shows for the same record (a rule's code
 * such as {@code insufficient_funds}, or the gateway's or bank's decline code).
 */
public interface WalletEvents {

	/**
	 * Money moved: a succeeded top-up, payment, transfer (each side) or refund;
	 * {@code counterpartyId} is the other customer of a transfer.
	 */
	record TransactionPosted(UUID transactionId, UUID customerId, TransactionType type, Money money,
			@org.jspecify.annotations.Nullable UUID counterpartyId) {
	}

	/**
	 * A top-up the card issuer accepted (also a {@link TransactionPosted}); published on
	 * its own so that whoever watches top-ups is not handed every transfer.
	 */
	record TopUpSucceeded(UUID transactionId, UUID customerId, Money money) {
	}

	/** A payment the wallet refused; the attempt is in the customer's history. */
	record PaymentFailed(UUID transactionId, UUID customerId, String reason, Money money) {
	}

	/** A top-up the gateway declined. */
	record TopUpFailed(UUID transactionId, UUID customerId, String reason, Money money) {
	}

	/** A withdrawal the bank paid out. */
	record WithdrawalSettled(UUID transactionId, UUID customerId, Money money) {
	}

	/** A withdrawal the bank sent back; the money is available to the customer again. */
	record WithdrawalFailed(UUID transactionId, UUID customerId, String reason, Money money) {
	}

	/** A staff or system action on a wallet, recorded in the audit log. */
	record WalletActionTaken(Actor actor, String action, UUID subjectId, String details) implements AuditedAction {
		public String subjectKind() {
			return "wallet";
		}
	}

}
