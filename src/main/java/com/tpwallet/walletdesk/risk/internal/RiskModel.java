package com.tpwallet.walletdesk.risk.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;

/**
 * The trained model (Tribuo logistic regression, ADR 0010), loaded from the class path:
 * the probability that a movement is fraud, and the features that pushed it up most,
 * which is what an agent reads next to the rules. Retrained by {@code bench/risk/train}.
 */
final class RiskModel {

	static final String RESOURCE = "risk/model.tribuo";

	static final String FRAUD = "fraud";

	static final String LEGIT = "legit";

	private static final String[] NAMES = RiskFeatures.NAMES.toArray(String[]::new);

	private final Model<Label> model;

	/**
	 * Per feature, in {@link RiskFeatures#NAMES}' order: how much one unit raises the
	 * log-odds of fraud.
	 */
	private final double[] pull;

	RiskModel(Model<Label> model) {
		this.model = model;
		this.pull = pull(model);
	}

	/** The model shipped with the service. */
	static RiskModel shipped() {
		try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
			return of(Model.deserializeFromStream(in));
		}
		catch (IOException e) {
			throw new UncheckedIOException("The risk model " + RESOURCE + " cannot be read", e);
		}
	}

	@SuppressWarnings("unchecked")
	static RiskModel of(Model<?> loaded) {
		if (!loaded.validate(Label.class) || !loaded.getOutputIDInfo().getDomain().contains(new Label(FRAUD))) {
			throw new IllegalStateException("The risk model does not tell fraud from legitimate movements");
		}
		return new RiskModel((Model<Label>) loaded);
	}

	record Scored(double probability, List<String> topFeatures) {
	}

	Scored score(double[] features) {
		Prediction<Label> prediction = model.predict(new ArrayExample<>(LabelFactory.UNKNOWN_LABEL, NAMES, features));
		double fraud = prediction.getOutputScores().get(FRAUD).getScore();
		return new Scored(fraud, topFeatures(features, 3));
	}

	/** The features that raised the score most, as {@code name:+contribution}. */
	List<String> topFeatures(double[] features, int count) {
		List<Map.Entry<String, Double>> contributions = new ArrayList<>();
		for (int i = 0; i < NAMES.length; i++) {
			double c = pull[i] * features[i];
			if (c > 0.05) {
				contributions.add(Map.entry(NAMES[i], c));
			}
		}
		contributions.sort(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()));
		return contributions.stream().limit(count).map(e -> e.getKey() + ":+" + twoDecimals(e.getValue())).toList();
	}

	/**
	 * As {@code %.2f} writes it (half up, from the shortest decimal that reads back as
	 * the same double), without a {@link java.util.Formatter} for every judged movement.
	 */
	static String twoDecimals(double value) {
		return new java.math.BigDecimal(Double.toString(value)).setScale(2, java.math.RoundingMode.HALF_UP)
			.toPlainString();
	}

	private static double[] pull(Model<Label> model) {
		Map<String, Map<String, Double>> weights = new HashMap<>();
		model.getTopFeatures(-1)
			.forEach((label, list) -> list
				.forEach(p -> weights.computeIfAbsent(p.getA(), k -> new HashMap<>()).put(label, p.getB())));
		double[] pull = new double[NAMES.length];
		for (int i = 0; i < NAMES.length; i++) {
			Map<String, Double> byLabel = weights.getOrDefault(NAMES[i], Map.of());
			pull[i] = byLabel.getOrDefault(FRAUD, 0.0) - byLabel.getOrDefault(LEGIT, 0.0);
		}
		return pull;
	}

}
