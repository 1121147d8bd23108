package com.tpwallet.walletdesk.risk.internal;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What the risk monitor knows of a customer when money is about to leave: their recent
 * attempts, what they usually send, what came in, and when their security last changed.
 * Read once per transaction from the decisions already stored, and brought up to date in
 * memory as a batch's movements are judged one after another. Amounts are CNY fen.
 *
 * @param outAttempts1h money-out attempts in the last hour, refused ones included
 * @param outAttempts24h the same over a day
 * @param outSum24h what went out in the last day (allowed movements)
 * @param newPayees1h distinct people and cards first tried in the last hour (merchants
 * are not counted: money drained goes to people and cards)
 * @param riskRefusals1h movements out the monitor stepped up or held in the last hour
 * @param outCount movements out ever allowed
 * @param outSum what they amounted to
 * @param inSenders24h distinct customers who sent money in the last day
 * @param inSum24h what they sent
 * @param declinedTopUps1h top-ups the card issuer declined in the last hour
 * @param lastNewDevice the latest sign-in from a device (address) not seen before
 * @param lastSecurityChange the latest password reset or change, 2FA or payment-password
 * change
 * @param customerSince when the customer registered
 */
record History(int outAttempts1h, int outAttempts24h, long outSum24h, int newPayees1h, int riskRefusals1h,
		long outCount, long outSum, int inSenders24h, long inSum24h, int declinedTopUps1h,
		@Nullable Instant lastNewDevice, @Nullable Instant lastSecurityChange, Instant customerSince) {

	static History newCustomer(Instant since) {
		return new History(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, null, null, since);
	}

	/** The customer's usual money-out movement, or 0 with no history. */
	long usualAmount() {
		return outCount == 0 ? 0 : outSum / outCount;
	}

	/** How many movements out they usually make in an hour, over their time with us. */
	double usualPerHour(Instant now) {
		double hours = Math.clamp(Duration.between(customerSince, now).toMinutes() / 60.0, 24, 24 * 30);
		return outCount / hours;
	}

	boolean within(@Nullable Instant at, Duration window, Instant now) {
		return at != null && !at.isBefore(now.minus(window));
	}

	/**
	 * After one more attempt: counted; if it went ahead, summed; if the monitor stepped
	 * it up or held it, counted as a refusal.
	 */
	History afterAttempt(long amount, boolean newPersonPayee, boolean allowed, boolean refusedByRisk) {
		return new History(outAttempts1h + 1, outAttempts24h + 1, allowed ? outSum24h + amount : outSum24h,
				newPersonPayee ? newPayees1h + 1 : newPayees1h, refusedByRisk ? riskRefusals1h + 1 : riskRefusals1h,
				allowed ? outCount + 1 : outCount, allowed ? outSum + amount : outSum, inSenders24h, inSum24h,
				declinedTopUps1h, lastNewDevice, lastSecurityChange, customerSince);
	}

	/** With one more declined top-up (not stored yet). */
	History withDeclinedTopUp() {
		return new History(outAttempts1h, outAttempts24h, outSum24h, newPayees1h, riskRefusals1h, outCount, outSum,
				inSenders24h, inSum24h, declinedTopUps1h + 1, lastNewDevice, lastSecurityChange, customerSince);
	}

}
