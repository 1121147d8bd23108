package com.tpwallet.walletdesk.wallet;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Screens money about to leave a wallet, inside the request and before it moves: every
 * payment, transfer and withdrawal, the batched transfers included. The wallet owns this
 * port; the risk module implements it, so that the wallet never depends on risk.
 */
public interface OutgoingScreening {

	/**
	 * Opens a screening for the movements of one database transaction, each customer with
	 * the payee they mean to pay: what is known of them is read once, then each movement
	 * is judged in arrival order (a batch's earlier transfers count for its later ones).
	 */
	Session open(Collection<Party> parties);

	/** A customer about to pay a payee (named as in {@link OutgoingMovement}). */
	record Party(UUID customerId, String payee) {
	}

	interface Session {

		/** Judges one movement that the wallet's own rules would let through. */
		Verdict judge(OutgoingMovement movement);

		/**
		 * Writes what was judged: movements that went ahead in the caller's transaction,
		 * refusals in one of their own (so that they stay when the caller's rolls back).
		 */
		void close();

	}

	/**
	 * Money about to leave: {@code amountInFen} is its value in CNY fen at the wallet's
	 * stated rates; {@code payee} names whom it goes to, the same way every time (a
	 * customer's id, {@code merchant:<id>}, {@code card:<last 4>});
	 * {@code availableBefore} is the available balance in its currency before it leaves;
	 * {@code stepUpPassed} says the customer proved again who they are (an SMS code) for
	 * this request.
	 */
	record OutgoingMovement(UUID transactionId, UUID customerId, TransactionType type, Money money, long amountInFen,
			String payee, long availableBefore, boolean stepUpPassed) {
	}

	/** What the screening decided, and why (the rules that fired). */
	record Verdict(Decision decision, List<String> reasons) {
	}

	/**
	 * Allow; step up (prove again who you are with an SMS code, then repeat); hold the
	 * movement for review; freeze the wallet's outgoing money.
	 */
	enum Decision {

		ALLOW("allow"), STEP_UP("step_up"), HOLD("hold"), FREEZE("freeze");

		private final String code;

		Decision(String code) {
			this.code = code;
		}

		public String code() {
			return code;
		}

	}

}
