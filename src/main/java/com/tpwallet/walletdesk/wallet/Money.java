package com.tpwallet.walletdesk.wallet;

import com.tpwallet.walletdesk.platform.Refusal;
import java.util.Set;

/**
 * An amount in minor units (fen, cent) of an ISO-4217 currency; never a floating-point
 * number.
 */
public record Money(long amount, String currency) {

	public static final Set<String> CURRENCIES = Set.of("CNY", "EUR", "USD");

	/** Largest amount one request may move: 10 million in major units. */
	public static final long MAX_AMOUNT = 1_000_000_000L;

	/** A positive amount in a currency the wallet holds, or a 422 refusal. */
	public static Money positive(long amount, String currency) {
		if (!CURRENCIES.contains(currency)) {
			throw Refusal.unprocessable("currency_unsupported",
					String.join(", ", CURRENCIES.stream().sorted().toList()));
		}
		if (amount <= 0) {
			throw Refusal.unprocessable("amount_not_positive");
		}
		if (amount > MAX_AMOUNT) {
			throw Refusal.unprocessable("amount_too_large");
		}
		return new Money(amount, currency);
	}

	/**
	 * The sum of two amounts in minor units, or an {@link ArithmeticException} where a
	 * {@code long} would wrap: a wrapped sum once let a refund of 2^63 - 1 pass the "not
	 * more than paid" check.
	 */
	public static long sum(long a, long b) {
		return Math.addExact(a, b);
	}

	/**
	 * Whether {@code amount} more fits under {@code limit} after {@code already}, without
	 * ever wrapping.
	 */
	public static boolean fitsUnder(long already, long amount, long limit) {
		return amount >= 0 && amount <= MAX_AMOUNT && already <= limit && amount <= limit - already;
	}
}
