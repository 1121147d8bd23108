package com.tpwallet.walletdesk.risk.internal;

import com.tpwallet.walletdesk.wallet.OutgoingScreening.Decision;
import java.util.List;

/**
 * The decision on a movement: the rules' points and the model's probability, against the
 * thresholds. Pure, so that the simulation that measures it runs the very same judge.
 */
final class RiskJudge {

	/**
	 * Where each decision starts: rule points or model probability at or above it.
	 */
	record Thresholds(int stepUpPoints, double stepUpProbability, int holdPoints, double holdProbability,
			int freezePoints, double freezeProbability) {

		static final Thresholds DEFAULT = new Thresholds(40, 0.95, 70, 0.99, 100, 0.999);

	}

	/**
	 * A judged movement: what to do, the combined score (0 to 1), the rules that fired
	 * and the model's top features.
	 */
	record Judgement(Decision decision, double score, double probability, List<RiskRule> rules,
			List<String> topFeatures, double[] features) {

		List<String> reasons() {
			return rules.stream().map(RiskRule::code).toList();
		}

	}

	private final RiskModel model;

	private final Thresholds thresholds;

	RiskJudge(RiskModel model, Thresholds thresholds) {
		this.model = model;
		this.thresholds = thresholds;
	}

	Judgement judge(Facts facts, boolean stepUpPassed) {
		List<RiskRule> rules = RiskRule.firing(facts);
		int points = rules.stream().mapToInt(RiskRule::points).sum();
		double[] features = RiskFeatures.of(facts);
		RiskModel.Scored scored = model.score(features);
		double p = scored.probability();
		Decision decision = decide(points, atStake(facts) ? p : 0, stepUpPassed);
		double score = Math.max(p, Math.min(1, points / 100.0));
		return new Judgement(decision, score, p, rules, scored.topFeatures(), features);
	}

	/**
	 * Whether a movement puts money at stake: 100 CNY or more, or with the last day's
	 * movements a fifth of the balance. A few yuan cannot drain a wallet, so the model
	 * alone (without a rule) does not stop them; the rules still do.
	 */
	static boolean atStake(Facts facts) {
		return facts.amount() >= 10_000 || facts.drained24h() >= 0.2;
	}

	/**
	 * Freeze, hold or step up at the first threshold reached; a step-up the customer has
	 * already passed lets the movement go.
	 */
	Decision decide(int points, double probability, boolean stepUpPassed) {
		Thresholds t = thresholds;
		if (points >= t.freezePoints() || probability >= t.freezeProbability()) {
			return Decision.FREEZE;
		}
		if (points >= t.holdPoints() || probability >= t.holdProbability()) {
			return Decision.HOLD;
		}
		if ((points >= t.stepUpPoints() || probability >= t.stepUpProbability()) && !stepUpPassed) {
			return Decision.STEP_UP;
		}
		return Decision.ALLOW;
	}

}
