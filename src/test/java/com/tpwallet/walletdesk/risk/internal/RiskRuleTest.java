package com.tpwallet.walletdesk.risk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** Each rule, firing and not firing, on facts built by hand. */
class RiskRuleTest {

	/** Tuesday 10 March 2026, 15:00 in Beijing. */
	static final Instant NOW = Instant.parse("2026-03-10T07:00:00Z");

	/** A year-old customer with an ordinary history, about to send 100 CNY. */
	record Given(Facts.Kind kind, long amount, long available, boolean newPayee, int attempts1h, int attempts24h,
			long outSum24h, int newPayees1h, int refusals1h, long outCount, long outSum, int inSenders24h,
			long inSum24h, int declined1h, @Nullable Instant newDevice, @Nullable Instant securityChange, Instant since,
			Instant at) {

		static Given ordinary() {
			return new Given(Facts.Kind.TRANSFER, 10_000, 500_000, false, 0, 1, 5_000, 0, 0, 300, 3_000_000, 0, 0, 0,
					null, null, NOW.minus(Duration.ofDays(365)), NOW);
		}

		Facts facts() {
			return new Facts(kind, amount, available, newPayee,
					new History(attempts1h, attempts24h, outSum24h, newPayees1h, refusals1h, outCount, outSum,
							inSenders24h, inSum24h, declined1h, newDevice, securityChange, since),
					at);
		}

		Given kind(Facts.Kind k) {
			return new Given(k, amount, available, newPayee, attempts1h, attempts24h, outSum24h, newPayees1h,
					refusals1h, outCount, outSum, inSenders24h, inSum24h, declined1h, newDevice, securityChange, since,
					at);
		}

		Given amount(long a, long avail) {
			return new Given(kind, a, avail, newPayee, attempts1h, attempts24h, outSum24h, newPayees1h, refusals1h,
					outCount, outSum, inSenders24h, inSum24h, declined1h, newDevice, securityChange, since, at);
		}

		Given toNewPayee(int alreadyThisHour) {
			return new Given(kind, amount, available, true, attempts1h, attempts24h, outSum24h, alreadyThisHour,
					refusals1h, outCount, outSum, inSenders24h, inSum24h, declined1h, newDevice, securityChange, since,
					at);
		}

		Given attempts(int hour, int day) {
			return new Given(kind, amount, available, newPayee, hour, day, outSum24h, newPayees1h, refusals1h, outCount,
					outSum, inSenders24h, inSum24h, declined1h, newDevice, securityChange, since, at);
		}

		Given history(long count, long sum, Instant customerSince) {
			return new Given(kind, amount, available, newPayee, attempts1h, attempts24h, outSum24h, newPayees1h,
					refusals1h, count, sum, inSenders24h, inSum24h, declined1h, newDevice, securityChange,
					customerSince, at);
		}

		Given received(int senders, long sum, long outSum24h) {
			return new Given(kind, amount, available, newPayee, attempts1h, attempts24h, outSum24h, newPayees1h,
					refusals1h, outCount, outSum, senders, sum, declined1h, newDevice, securityChange, since, at);
		}

		Given newDevice(Duration ago) {
			return new Given(kind, amount, available, newPayee, attempts1h, attempts24h, outSum24h, newPayees1h,
					refusals1h, outCount, outSum, inSenders24h, inSum24h, declined1h, at.minus(ago), securityChange,
					since, at);
		}

		Given securityChange(Duration ago) {
			return new Given(kind, amount, available, newPayee, attempts1h, attempts24h, outSum24h, newPayees1h,
					refusals1h, outCount, outSum, inSenders24h, inSum24h, declined1h, newDevice, at.minus(ago), since,
					at);
		}

		Given refusals(int n) {
			return new Given(kind, amount, available, newPayee, attempts1h, attempts24h, outSum24h, newPayees1h, n,
					outCount, outSum, inSenders24h, inSum24h, declined1h, newDevice, securityChange, since, at);
		}

		Given declined(int n) {
			return new Given(kind, amount, available, newPayee, attempts1h, attempts24h, outSum24h, newPayees1h,
					refusals1h, outCount, outSum, inSenders24h, inSum24h, n, newDevice, securityChange, since, at);
		}

		Given at(Instant when) {
			return new Given(kind, amount, available, newPayee, attempts1h, attempts24h, outSum24h, newPayees1h,
					refusals1h, outCount, outSum, inSenders24h, inSum24h, declined1h, newDevice, securityChange, since,
					when);
		}

	}

	static boolean fires(RiskRule rule, Given given) {
		return rule.firesFor(given.facts());
	}

	@Test
	void anOrdinaryTransferToAKnownFriendFiresNoRule() {
		assertThat(RiskRule.firing(Given.ordinary().facts())).isEmpty();
	}

	@Test
	void velocityPerHourFiresAtTheTenthAttemptAndFiveTimesTheCustomersUsualRate() {
		assertThat(fires(RiskRule.VELOCITY_HOUR, Given.ordinary().attempts(9, 9))).isTrue();
		assertThat(fires(RiskRule.VELOCITY_HOUR, Given.ordinary().attempts(8, 8))).isFalse();
		// a wallet that makes ~140 movements an hour is allowed its pace
		Given busy = Given.ordinary().history(100_000, 1_000_000_000, NOW.minus(Duration.ofDays(365)));
		assertThat(fires(RiskRule.VELOCITY_HOUR, busy.attempts(200, 2_000))).isFalse();
		assertThat(fires(RiskRule.VELOCITY_HOUR, busy.attempts(700, 2_000))).isTrue();
	}

	@Test
	void velocityPerDayFiresAtTheThirtiethAttempt() {
		assertThat(fires(RiskRule.VELOCITY_DAY, Given.ordinary().attempts(0, 29))).isTrue();
		assertThat(fires(RiskRule.VELOCITY_DAY, Given.ordinary().attempts(0, 28))).isFalse();
	}

	@Test
	void theFourthNewPersonWithinAnHourIsABurstButMerchantsDoNotCount() {
		assertThat(fires(RiskRule.NEW_PAYEES_BURST, Given.ordinary().toNewPayee(3))).isTrue();
		assertThat(fires(RiskRule.NEW_PAYEES_BURST, Given.ordinary().toNewPayee(2))).isFalse();
		assertThat(fires(RiskRule.NEW_PAYEES_BURST, Given.ordinary().toNewPayee(3).kind(Facts.Kind.PAYMENT))).isFalse();
	}

	@Test
	void tenTimesTheUsualAmountNeedsAHistoryAndAtLeast500Cny() {
		// usual: 10,000 fen (100 CNY)
		assertThat(fires(RiskRule.AMOUNT_FAR_ABOVE_HISTORY, Given.ordinary().amount(100_000, 500_000))).isTrue();
		assertThat(fires(RiskRule.AMOUNT_FAR_ABOVE_HISTORY, Given.ordinary().amount(99_999, 500_000))).isFalse();
		assertThat(fires(RiskRule.AMOUNT_FAR_ABOVE_HISTORY,
				Given.ordinary().history(2, 20_000, NOW.minus(Duration.ofDays(365))).amount(100_000, 500_000)))
			.isFalse();
	}

	@Test
	void aNewDeviceAndALargeAmountToSomeoneNewFire() {
		Given large = Given.ordinary().amount(200_000, 1_000_000).toNewPayee(0);
		assertThat(fires(RiskRule.NEW_DEVICE_LARGE_AMOUNT, large.newDevice(Duration.ofHours(20)))).isTrue();
		assertThat(fires(RiskRule.NEW_DEVICE_LARGE_AMOUNT, large.newDevice(Duration.ofHours(25)))).isFalse();
		assertThat(fires(RiskRule.NEW_DEVICE_LARGE_AMOUNT,
				large.newDevice(Duration.ofHours(20)).amount(199_999, 1_000_000)))
			.isFalse();
	}

	@Test
	void aThirdOfTheBalanceToSomeoneNewSoonAfterASecurityChangeFires() {
		Given third = Given.ordinary().amount(30_000, 90_000).toNewPayee(0);
		assertThat(fires(RiskRule.OUT_SOON_AFTER_SECURITY_CHANGE, third.securityChange(Duration.ofMinutes(30))))
			.isTrue();
		assertThat(fires(RiskRule.OUT_SOON_AFTER_SECURITY_CHANGE, third.newDevice(Duration.ofMinutes(30)))).isTrue();
		assertThat(fires(RiskRule.OUT_SOON_AFTER_SECURITY_CHANGE, third.securityChange(Duration.ofHours(3)))).isFalse();
		assertThat(fires(RiskRule.OUT_SOON_AFTER_SECURITY_CHANGE,
				Given.ordinary().amount(30_000, 90_000).securityChange(Duration.ofMinutes(30))))
			.as("to a known friend")
			.isFalse();
	}

	@Test
	void fortyPercentGoneSinceANewDeviceIsASlowDrain() {
		// 5,000 out in the day, 30,000 now, of 80,000 there was: 35,000 / 85,000 = 41 %
		Given drain = Given.ordinary().amount(30_000, 80_000).newDevice(Duration.ofHours(30));
		assertThat(fires(RiskRule.DRAIN_AFTER_NEW_DEVICE, drain)).isTrue();
		assertThat(fires(RiskRule.DRAIN_AFTER_NEW_DEVICE, drain.amount(20_000, 80_000))).isFalse();
		assertThat(fires(RiskRule.DRAIN_AFTER_NEW_DEVICE, drain.kind(Facts.Kind.PAYMENT))).isFalse();
	}

	@Test
	void fiveAttemptsInAnHourAtNightAreABurst() {
		Instant threeAm = Instant.parse("2026-03-10T19:00:00Z");
		assertThat(fires(RiskRule.NIGHT_BURST, Given.ordinary().attempts(4, 4).at(threeAm))).isTrue();
		assertThat(fires(RiskRule.NIGHT_BURST, Given.ordinary().attempts(4, 4))).isFalse();
		assertThat(fires(RiskRule.NIGHT_BURST, Given.ordinary().attempts(3, 3).at(threeAm))).isFalse();
	}

	@Test
	void aYoungAccountSendingOnMoneyFromManySendersIsAMule() {
		Given mule = Given.ordinary()
			.history(0, 0, NOW.minus(Duration.ofDays(10)))
			.received(5, 300_000, 0)
			.amount(250_000, 300_000)
			.toNewPayee(0);
		assertThat(fires(RiskRule.MULE_CASH_OUT, mule)).isTrue();
		assertThat(fires(RiskRule.MULE_CASH_OUT, mule.received(4, 300_000, 0))).isFalse();
		assertThat(fires(RiskRule.MULE_CASH_OUT, mule.history(0, 0, NOW.minus(Duration.ofDays(90))))).isFalse();
	}

	@Test
	void aFreshAccountSendingOnAlmostAllItReceivedFires() {
		Given fresh = Given.ordinary()
			.history(0, 0, NOW.minus(Duration.ofDays(3)))
			.received(1, 100_000, 0)
			.amount(90_000, 100_000)
			.toNewPayee(0);
		assertThat(fires(RiskRule.FRESH_ACCOUNT_CASH_OUT, fresh)).isTrue();
		assertThat(fires(RiskRule.FRESH_ACCOUNT_CASH_OUT, fresh.amount(70_000, 100_000))).isFalse();
		assertThat(fires(RiskRule.FRESH_ACCOUNT_CASH_OUT, fresh.received(0, 0, 0))).isFalse();
	}

	@Test
	void tryingAgainAfterTwoRefusalsInAnHourPersists() {
		assertThat(fires(RiskRule.PERSISTS_AFTER_REFUSAL, Given.ordinary().refusals(2))).isTrue();
		assertThat(fires(RiskRule.PERSISTS_AFTER_REFUSAL, Given.ordinary().refusals(1))).isFalse();
	}

	@Test
	void fiveDeclinedTopUpsInAnHourAreCardTesting() {
		assertThat(fires(RiskRule.CARD_TESTING, Given.ordinary().declined(5).kind(Facts.Kind.TOP_UP))).isTrue();
		assertThat(fires(RiskRule.CARD_TESTING, Given.ordinary().declined(4).kind(Facts.Kind.TOP_UP))).isFalse();
	}

	@Test
	void aWeekOldAccountPayingAFifthNewPersonWithinAnHourFansOut() {
		Given young = Given.ordinary().history(0, 0, NOW.minus(Duration.ofDays(2)));
		assertThat(fires(RiskRule.NEW_ACCOUNT_FAN_OUT, young.toNewPayee(4))).isTrue();
		assertThat(fires(RiskRule.NEW_ACCOUNT_FAN_OUT, young.toNewPayee(3))).isFalse();
		assertThat(fires(RiskRule.NEW_ACCOUNT_FAN_OUT, Given.ordinary().toNewPayee(4))).isFalse();
	}

}
