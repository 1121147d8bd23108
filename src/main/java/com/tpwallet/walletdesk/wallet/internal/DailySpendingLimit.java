package com.tpwallet.walletdesk.wallet.internal;

import com.tpwallet.walletdesk.platform.Refusal;
import com.tpwallet.walletdesk.wallet.Money;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * What one customer may send out in a Beijing day, all currencies together (ADR 0009):
 * payments, transfers and withdrawals count toward one limit in CNY, each currency
 * converted at a stated rate. Counted apart, 40,000 CNY and then 49,000 EUR passed on the
 * same day. The one rule both money paths (single postings and transfer batches) judge
 * with.
 */
@Component
class DailySpendingLimit {

	/**
	 * The stated rates: CNY fen per 100 minor units of each currency (1 EUR = 7.80 CNY).
	 * Rounded up when converting.
	 */
	static final Map<String, Long> DEFAULT_RATES = Map.of("CNY", 100L, "EUR", 780L, "USD", 720L);

	private final long limitInFen;

	private final Map<String, Long> fenPerHundred;

	@Autowired
	DailySpendingLimit(@Value(MoneyMovements.DAILY_LIMIT) long limitInFen, Environment environment) {
		this(limitInFen,
				Binder.get(environment)
					.bind("walletdesk.wallet.limit-rates", Bindable.mapOf(String.class, Long.class))
					.orElse(Map.of()));
	}

	DailySpendingLimit(long limitInFen, Map<String, Long> rates) {
		this.limitInFen = limitInFen;
		this.fenPerHundred = new java.util.HashMap<>(DEFAULT_RATES);
		this.fenPerHundred.putAll(rates);
	}

	static DailySpendingLimit of(long limitInFen) {
		return new DailySpendingLimit(limitInFen, Map.of());
	}

	/**
	 * An amount as CNY fen at the stated rate, rounded up; exact (an overflow throws
	 * rather than wraps).
	 */
	long inFen(long amount, String currency) {
		Long rate = fenPerHundred.get(currency);
		if (rate == null) {
			throw new IllegalArgumentException("No stated rate for " + currency);
		}
		return Math.ceilDiv(Math.multiplyExact(amount, rate), 100L);
	}

	/** What a customer has sent out today, per currency in minor units, as CNY fen. */
	long inFen(Map<String, Long> spentToday) {
		long total = 0;
		for (Map.Entry<String, Long> spent : spentToday.entrySet()) {
			total = Math.addExact(total, inFen(spent.getValue(), spent.getKey()));
		}
		return total;
	}

	/**
	 * Whether {@code money} more still fits under today's limit, after
	 * {@code spentTodayInFen} already sent.
	 */
	boolean allows(long spentTodayInFen, Money money) {
		// Subtraction, not addition: both are at most the limit, so nothing can wrap.
		return spentTodayInFen <= limitInFen && inFen(money.amount(), money.currency()) <= limitInFen - spentTodayInFen;
	}

	Refusal refusal() {
		return Refusal.unprocessable("limit_exceeded", String.valueOf(limitInFen / 100));
	}

}
