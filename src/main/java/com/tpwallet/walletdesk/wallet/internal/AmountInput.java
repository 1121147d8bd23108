package com.tpwallet.walletdesk.wallet.internal;

import com.tpwallet.walletdesk.platform.Refusal;
import com.tpwallet.walletdesk.wallet.Money;
import java.math.BigDecimal;

/**
 * Amounts arrive as JSON numbers in minor units. They are read as decimals so that
 * {@code 12.5} is refused rather than silently truncated to 12.
 */
final class AmountInput {

	private AmountInput() {
	}

	static Money money(BigDecimal amount, String currency) {
		BigDecimal stripped = amount.stripTrailingZeros();
		if (stripped.scale() > 0) {
			throw Refusal.unprocessable("amount_not_integer");
		}
		if (stripped.compareTo(BigDecimal.valueOf(Money.MAX_AMOUNT)) > 0) {
			throw Refusal.unprocessable("amount_too_large");
		}
		if (stripped.signum() <= 0) {
			throw Refusal.unprocessable("amount_not_positive");
		}
		return Money.positive(stripped.longValueExact(), currency);
	}

	/**
	 * The amount as a whole number of minor units if it is one, for recording refused
	 * attempts.
	 */
	static long bestEffort(BigDecimal amount) {
		try {
			return amount.stripTrailingZeros().longValueExact();
		}
		catch (ArithmeticException e) {
			return 0;
		}
	}

}
