package com.tpwallet.walletdesk.wallet.internal;

import com.tpwallet.walletdesk.platform.Refusal;
import com.tpwallet.walletdesk.wallet.Money;
import com.tpwallet.walletdesk.wallet.OutgoingScreening;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Whether money may leave a customer's wallet, judged on the state read under the
 * accounts' locks: the wallet is not frozen, the available balance covers the amount, and
 * the day's total in every currency stays within the daily limit (in that order: the
 * first reason is the one the customer is told). The one rule that payments, withdrawals
 * and transfer batches all apply (after library's PlacingOnHoldPolicy); the balance
 * constraint in the database is only the last safety net.
 */
@Component
class OutgoingMoneyPolicy {

	/** What the rule looks at, as read under the locks. */
	record Wallet(boolean frozen, long available, long spentTodayInFen) {
	}

	private final DailySpendingLimit limit;

	OutgoingMoneyPolicy(DailySpendingLimit limit) {
		this.limit = limit;
	}

	/** The reason the money may not go, or empty when it may. */
	Optional<SpendingRefusal> judge(Wallet wallet, Money money) {
		if (wallet.frozen()) {
			return Optional.of(SpendingRefusal.WALLET_FROZEN);
		}
		if (wallet.available() < money.amount()) {
			return Optional.of(SpendingRefusal.INSUFFICIENT_BALANCE);
		}
		if (!limit.allows(wallet.spentTodayInFen(), money)) {
			return Optional.of(SpendingRefusal.LIMIT_EXCEEDED);
		}
		return Optional.empty();
	}

	/**
	 * The reason the risk monitor's verdict refuses the money, or empty when it lets it
	 * go.
	 */
	Optional<SpendingRefusal> screened(OutgoingScreening.Verdict verdict) {
		return switch (verdict.decision()) {
			case ALLOW -> Optional.empty();
			case STEP_UP -> Optional.of(SpendingRefusal.RISK_STEP_UP);
			case HOLD -> Optional.of(SpendingRefusal.RISK_REVIEW);
			case FREEZE -> Optional.of(SpendingRefusal.WALLET_FROZEN);
		};
	}

	/** The refusal the customer is given, with the limit when that is the reason. */
	Refusal refusal(SpendingRefusal reason) {
		return reason == SpendingRefusal.LIMIT_EXCEEDED ? limit.refusal() : Refusal.unprocessable(reason.code());
	}

	/** What the money adds to the day's total, in the limit's unit. */
	long spentInFen(Money money) {
		return limit.inFen(money.amount(), money.currency());
	}

}
