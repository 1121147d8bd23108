package com.tpwallet.walletdesk.wallet;

import com.tpwallet.walletdesk.platform.Actor;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What other modules (support's customer-360, troubleshooters, risk, disputes) may ask of
 * the wallet.
 */
public interface WalletApi {

	List<Balance> balances(UUID customerId);

	boolean isFrozen(UUID customerId);

	/** Why and since when the wallet is frozen, if it is. */
	Optional<Freeze> freezeOf(UUID customerId);

	record Freeze(String reason, java.time.Instant frozenAt) {
	}

	/**
	 * After confirmed fraud, takes back what can still be taken back of what left the
	 * wallet since {@code since}: held withdrawals not yet sent to the bank, and
	 * transfers whose money is still in the recipient's wallet (each a balanced
	 * reversal). Answers how many were reversed.
	 */
	int reverseAfterFraud(UUID customerId, java.time.Instant since, Actor actor);

	/** The reason a wallet frozen by the risk monitor carries. */
	String RISK_FREEZE = "risk_monitor";

	/**
	 * What an amount is worth in CNY fen at the wallet's stated rates (those of the daily
	 * limit), rounded up.
	 */
	long valueInFen(Money money);

	/**
	 * The available balance in {@code currency} as it stood at {@code at} (to explain a
	 * refused attempt).
	 */
	long availableAt(UUID customerId, String currency, java.time.Instant at);

	List<TransactionView> recentTransactions(UUID customerId, int limit);

	List<TransactionView> failedAttempts(UUID customerId, int limit);

	List<TransactionView> pendingWithdrawals(UUID customerId);

	Optional<TransactionView> transaction(UUID transactionId);

	void freeze(UUID customerId, String reason, Actor actor);

	void unfreeze(UUID customerId, Actor actor);

	/**
	 * Returns (part of) a posted payment with a new balancing posting; the payment itself
	 * is never edited.
	 */
	TransactionView refund(UUID paymentId, long amount, String reason, Actor actor);

	/**
	 * What a decided dispute gives back: a refund posting related to the disputed
	 * movement, paid by the merchant for a payment and by the operator otherwise; all
	 * refunds of one movement together never exceed it.
	 */
	TransactionView refundDisputed(UUID transactionId, long amount, String reason, Actor actor);

	/**
	 * Credits a customer at once while a large dispute is decided (type
	 * {@code provisional_credit}, related to the disputed movement).
	 */
	TransactionView provisionalCredit(UUID transactionId, long amount, String reason, Actor actor);

	/**
	 * Takes a provisional credit back (type {@code provisional_reversal}), as much of it
	 * as the customer still has available; answers how much was taken back.
	 */
	long takeBackProvisionalCredit(UUID creditId, String reason, Actor actor);

}
