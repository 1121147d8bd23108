package com.tpwallet.walletdesk.wallet.internal;

import com.tpwallet.walletdesk.wallet.Money;
import java.util.UUID;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * A stand-in payout bank: cards ending in {@code 0000} do not exist at the bank
 * ({@code bank_card_unknown}); a holder name containing {@code MISMATCH} does not match
 * the bank's records ({@code bank_name_mismatch}); everything else is paid. Only in the
 * demo, dev and test profiles: anywhere else it would accept any valid card number as
 * money.
 */
@Component
@Profile({ "demo", "dev", "test" })
class SimulatedPayoutBank implements PayoutBank {

	@Override
	public PayoutAnswer payout(UUID withdrawalId, Money money, BankCard card, String holderName) {
		if (card.number().endsWith("0000")) {
			return new PayoutAnswer(false, "bank_card_unknown");
		}
		if (holderName.toUpperCase().contains("MISMATCH")) {
			return new PayoutAnswer(false, "bank_name_mismatch");
		}
		return new PayoutAnswer(true, null);
	}

}
