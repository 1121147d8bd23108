package com.tpwallet.walletdesk.wallet.internal;

import com.tpwallet.walletdesk.wallet.Money;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The bank that pays withdrawals out to cards; it may reject a payout (wrong card, name
 * mismatch).
 */
interface PayoutBank {

	record PayoutAnswer(boolean paid, @Nullable String rejection) {
	}

	PayoutAnswer payout(UUID withdrawalId, Money money, BankCard card, String holderName);

}
