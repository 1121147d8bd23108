package com.tpwallet.walletdesk.risk.internal;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/**
 * The explainable rules, each one named, with the points it adds when it fires. A rule
 * that compares with the customer's own habits lets a busy wallet be busy.
 */
enum RiskRule {

	/** Many attempts in an hour: at least 10, and 5 times the customer's usual rate. */
	VELOCITY_HOUR(40, f -> f.attempts1hWithThis() >= Math.max(10, 5 * f.history().usualPerHour(f.at()))),

	/** Many attempts in a day: at least 30, and 3 times the customer's usual day. */
	VELOCITY_DAY(30, f -> f.attempts24hWithThis() >= Math.max(30, 3 * 24 * f.history().usualPerHour(f.at()))),

	/** A fourth (or later) person or card never paid before, within an hour. */
	NEW_PAYEES_BURST(40, f -> f.newPersonPayee() && f.newPayees1hWithThis() >= 4),

	/**
	 * Ten times what the customer usually sends, and at least 500 CNY, with a history to
	 * compare (3 movements or more).
	 */
	AMOUNT_FAR_ABOVE_HISTORY(40,
			f -> f.history().outCount() >= 3 && f.amount() >= 50_000 && f.amount() >= 10 * f.history().usualAmount()),

	/**
	 * A sign-in from a new device in the last day, and a large amount (2,000 CNY, or half
	 * the balance) to a person or card never paid before.
	 */
	NEW_DEVICE_LARGE_AMOUNT(50,
			f -> f.newDeviceWithin(Duration.ofDays(1)) && f.newPersonPayee()
					&& (f.amount() >= 200_000 || f.shareOfBalance() >= 0.5)),

	/**
	 * Money to a person or card never paid before soon (2 hours) after a password reset,
	 * a 2FA or payment-password change or a sign-in from a new device, taking a third of
	 * the balance or more.
	 */
	OUT_SOON_AFTER_SECURITY_CHANGE(50,
			f -> (f.securityChangeWithin(Duration.ofHours(2)) || f.newDeviceWithin(Duration.ofHours(2)))
					&& f.newPersonPayee() && f.shareOfBalance() >= 0.3),

	/**
	 * Since a sign-in from a new device in the last two days, 40 % of the money gone to
	 * people or cards: a slow drain under the velocity limits.
	 */
	DRAIN_AFTER_NEW_DEVICE(50,
			f -> f.newDeviceWithin(Duration.ofDays(2)) && f.toPersonOrCard() && f.drained24h() >= 0.4),

	/** Five attempts or more in an hour between midnight and 6 in the morning. */
	NIGHT_BURST(30, f -> f.atNight() && f.attempts1hWithThis() >= 5),

	/**
	 * Money from 5 senders or more in a day, most of it (70 %) leaving again to someone
	 * never paid before, from an account under 60 days old: a mule cashing out (a shop
	 * paying its usual supplier is not).
	 */
	MULE_CASH_OUT(60,
			f -> f.history().inSenders24h() >= 5 && f.cashOutOfReceived() >= 0.7 && f.newPersonPayee()
					&& f.accountAgeDays() < 60),

	/**
	 * An account under 30 days old sending on 80 % of what others sent it in the last
	 * day, to a person or card never paid before.
	 */
	FRESH_ACCOUNT_CASH_OUT(60,
			f -> f.accountAgeDays() < 30 && f.history().inSenders24h() >= 1 && f.cashOutOfReceived() >= 0.8
					&& f.newPersonPayee()),

	/**
	 * Trying again after the monitor stepped up or held two movements in the last hour (a
	 * customer who passes a step-up has been stepped up once).
	 */
	PERSISTS_AFTER_REFUSAL(50, f -> f.history().riskRefusals1h() >= 2),

	/** Five declined top-ups or more in an hour: someone testing stolen cards. */
	CARD_TESTING(100, f -> f.history().declinedTopUps1h() >= 5),

	/** A week-old account paying 5 new people or cards or more within an hour. */
	NEW_ACCOUNT_FAN_OUT(30, f -> f.accountAgeDays() < 7 && f.newPersonPayee() && f.newPayees1hWithThis() >= 5);

	private final int points;

	private final Predicate<Facts> fires;

	RiskRule(int points, Predicate<Facts> fires) {
		this.points = points;
		this.fires = fires;
	}

	int points() {
		return points;
	}

	boolean firesFor(Facts facts) {
		return fires.test(facts);
	}

	/** The code stored with a decision and shown (in words) to agents. */
	String code() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

	static List<RiskRule> firing(Facts facts) {
		return java.util.Arrays.stream(values()).filter(rule -> rule.firesFor(facts)).toList();
	}

}
