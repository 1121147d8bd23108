package com.tpwallet.walletdesk.risk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.tpwallet.walletdesk.wallet.OutgoingScreening.Decision;
import java.time.Duration;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The shipped model loads and scores, and the judge turns rule points and probability
 * into a decision at the thresholds.
 */
class RiskJudgeTest {

	static final RiskModel MODEL = RiskModel.shipped();

	final RiskJudge judge = new RiskJudge(MODEL, RiskJudge.Thresholds.DEFAULT);

	@Test
	void theShippedModelLoadsWithEveryFeatureAndScoresAProbability() {
		double[] ordinary = RiskFeatures.of(RiskRuleTest.Given.ordinary().facts());
		assertThat(ordinary).hasSize(RiskFeatures.NAMES.size());
		RiskModel.Scored scored = MODEL.score(ordinary);
		assertThat(scored.probability()).isBetween(0.0, 0.1);
	}

	@Test
	void aTakeoverDrainScoresHighAndSaysWhichFeaturesPushedIt() {
		RiskRuleTest.Given takeover = RiskRuleTest.Given.ordinary()
			.amount(400_000, 500_000)
			.toNewPayee(2)
			.newDevice(Duration.ofMinutes(5))
			.securityChange(Duration.ofMinutes(10))
			.attempts(3, 3);
		RiskModel.Scored scored = MODEL.score(RiskFeatures.of(takeover.facts()));
		assertThat(scored.probability()).isGreaterThan(0.9);
		assertThat(scored.topFeatures()).isNotEmpty().allMatch(f -> f.matches("[a-z_0-9]+:\\+\\d+\\.\\d\\d"));
	}

	@Test
	void aFeaturesContributionIsWrittenAsPercentPointTwoFWouldWriteIt() {
		Random random = new Random(7);
		for (int i = 0; i < 100_000; i++) {
			double value = random.nextDouble() * Math.pow(10, random.nextInt(7) - 3);
			assertThat(RiskModel.twoDecimals(value)).isEqualTo(String.format(Locale.ROOT, "%.2f", value));
		}
		for (double value : new double[] { 0.125, 1.005, 2.675, 0.055, 0.005, 0.0049999, 1e-9, 12345.675, 99.995 }) {
			assertThat(RiskModel.twoDecimals(value)).as("%s", value)
				.isEqualTo(String.format(Locale.ROOT, "%.2f", value));
		}
	}

	@Test
	void pointsDecideAtEachThreshold() {
		assertThat(judge.decide(39, 0.0, false)).isEqualTo(Decision.ALLOW);
		assertThat(judge.decide(40, 0.0, false)).isEqualTo(Decision.STEP_UP);
		assertThat(judge.decide(69, 0.0, false)).isEqualTo(Decision.STEP_UP);
		assertThat(judge.decide(70, 0.0, false)).isEqualTo(Decision.HOLD);
		assertThat(judge.decide(100, 0.0, false)).isEqualTo(Decision.FREEZE);
	}

	@Test
	void theModelAloneDecidesAtItsOwnThresholds() {
		assertThat(judge.decide(0, 0.94, false)).isEqualTo(Decision.ALLOW);
		assertThat(judge.decide(0, 0.95, false)).isEqualTo(Decision.STEP_UP);
		assertThat(judge.decide(0, 0.99, false)).isEqualTo(Decision.HOLD);
		assertThat(judge.decide(0, 0.999, false)).isEqualTo(Decision.FREEZE);
	}

	@Test
	void theModelAloneDoesNotStopAFewYuanButTheRulesStill() {
		// ten yuan, a hundredth of the balance: nothing a drain is made of
		RiskRuleTest.Given small = RiskRuleTest.Given.ordinary().amount(1_000, 100_000);
		assertThat(RiskJudge.atStake(small.facts())).isFalse();
		assertThat(RiskJudge.atStake(small.amount(10_000, 100_000).facts())).isTrue();
		assertThat(RiskJudge.atStake(small.amount(5_000, 20_000).facts())).as("with the day's 5,000: two fifths")
			.isTrue();
		assertThat(judge.judge(small.toNewPayee(3).facts(), false).decision()).as("a burst rule fires")
			.isEqualTo(Decision.STEP_UP);
	}

	@Test
	void aPassedStepUpLetsAStepUpGoButNotAHoldOrAFreeze() {
		assertThat(judge.decide(50, 0.0, true)).isEqualTo(Decision.ALLOW);
		assertThat(judge.decide(70, 0.0, true)).isEqualTo(Decision.HOLD);
		assertThat(judge.decide(100, 0.0, true)).isEqualTo(Decision.FREEZE);
	}

	@Test
	void aJudgementCarriesTheRulesThatFiredAndACombinedScore() {
		RiskRuleTest.Given burst = RiskRuleTest.Given.ordinary().toNewPayee(3).attempts(9, 9);
		RiskJudge.Judgement judgement = judge.judge(burst.facts(), false);
		assertThat(judgement.reasons()).containsExactly("velocity_hour", "new_payees_burst");
		assertThat(judgement.decision()).isEqualTo(Decision.HOLD);
		assertThat(judgement.score()).isGreaterThanOrEqualTo(0.8);
	}

}
