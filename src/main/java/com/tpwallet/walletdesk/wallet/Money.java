package com.tpwallet.walletdesk.wallet;

import com.tpwallet.walletdesk.platform.Refusal;
import java.util.Set;

/** An amount in minor units (fen, cent) of an ISO-4217 currency; never a floating-point number. */
public record Money(long amount, String currency) {

	public static final Set<String> CURRENCIES = Set.of("CNY", "EUR", "USD");

	/** Largest amount one request may move: 10 million in major units. */
	public static final long MAX_AMOUNT = 1_000_000_000L;

	/** A positive amount in a currency the wallet holds, or a 422 refusal. */
	public static Money positive(long amount, String currency) {
		if (!CURRENCIES.contains(currency)) {
			throw Refusal.unprocessable("currency_unsupported", String.join(", ", CURRENCIES.stream().sorted().toList()));
		}
		if (amount <= 0) {
			throw Refusal.unprocessable("amount_not_positive");
		}
		if (amount > MAX_AMOUNT) {
			throw Refusal.unprocessable("amount_too_large");
		}
		return new Money(amount, currency);
	}
}
