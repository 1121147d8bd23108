package com.tpwallet.walletdesk.feedback.internal;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Three linear models (multinomial logistic regression, Tribuo, ADR 0011) over
 * {@link TextFeatures}: one for the kind, one for the product area, one for the
 * sentiment. Trained on every language at once, so that words shared across languages
 * ("app", "paypal", "2fa") help each other.
 */
final class FeedbackClassifier {

	/** A text with its labels, for training or evaluation. */
	record Labelled(String language, String text, String kind, String area, String sentiment) {

		String label(Labels.Field field) {
			return switch (field) {
				case KIND -> kind;
				case AREA -> area;
				case SENTIMENT -> sentiment;
			};
		}

	}

	/** What the classifier says of a text, with its confidence in each label. */
	record Verdict(String kind, double kindConfidence, String area, double areaConfidence, String sentiment,
			double sentimentConfidence) {
	}

	static final long SEED = 20261127L;

	static final double RATE = Double.parseDouble(System.getProperty("feedback.rate", "0.5"));

	static final int EPOCHS = Integer.parseInt(System.getProperty("feedback.epochs", "25"));

	private final Map<Labels.Field, Model<Label>> models;

	private final TextFeatures features;

	/**
	 * What the classifier says of a text none of whose features it has seen (digits, an
	 * emoji, a word from no training text): each field's most frequent label, with no
	 * confidence, since nothing in the text speaks for it.
	 */
	private final Verdict noEvidence;

	private FeedbackClassifier(Map<Labels.Field, Model<Label>> models, TextFeatures features, Verdict noEvidence) {
		this.models = models;
		this.features = features;
		this.noEvidence = noEvidence;
	}

	static FeedbackClassifier train(List<Labelled> examples, TextFeatures features) {
		Map<Labels.Field, MutableDataset<Label>> data = new EnumMap<>(Labels.Field.class);
		LabelFactory labels = new LabelFactory();
		for (Labels.Field field : Labels.Field.values()) {
			data.put(field, new MutableDataset<>(new SimpleDataSourceProvenance("walletdesk feedback, " + field.code(),
					OffsetDateTime.now(), labels), labels));
		}
		for (Labelled e : examples) {
			Map<String, Double> f = features.of(e.text(), e.language());
			String[] n = f.keySet().toArray(String[]::new);
			double[] v = f.values().stream().mapToDouble(Double::doubleValue).toArray();
			for (Labels.Field field : Labels.Field.values()) {
				data.get(field).add(new ArrayExample<>(new Label(e.label(field)), n, v));
			}
		}
		Map<Labels.Field, Model<Label>> models = new EnumMap<>(Labels.Field.class);
		for (Labels.Field field : Labels.Field.values()) {
			models.put(field,
					new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(RATE, 0.1), EPOCHS, 1_000_000, 1, SEED)
						.train(data.get(field)));
		}
		return new FeedbackClassifier(models, features, mostFrequent(examples));
	}

	private static Verdict mostFrequent(List<Labelled> examples) {
		Map<Labels.Field, String> labels = new EnumMap<>(Labels.Field.class);
		for (Labels.Field field : Labels.Field.values()) {
			labels.put(field,
					examples.stream()
						.collect(Collectors.groupingBy(e -> e.label(field), TreeMap::new, Collectors.counting()))
						.entrySet()
						.stream()
						.max(Map.Entry.comparingByValue())
						.orElseThrow()
						.getKey());
		}
		return new Verdict(labels.get(Labels.Field.KIND), 0, labels.get(Labels.Field.AREA), 0,
				labels.get(Labels.Field.SENTIMENT), 0);
	}

	Verdict classify(String text, String language) {
		Map<String, Double> f = features.of(text, language);
		String[] n = f.keySet().toArray(String[]::new);
		double[] v = f.values().stream().mapToDouble(Double::doubleValue).toArray();
		if (!knowsAnyOf(n)) {
			return noEvidence; // Tribuo refuses to predict from no known feature
		}
		Prediction<Label> kind = predict(Labels.Field.KIND, n, v);
		Prediction<Label> area = predict(Labels.Field.AREA, n, v);
		Prediction<Label> sentiment = predict(Labels.Field.SENTIMENT, n, v);
		return new Verdict(kind.getOutput().getLabel(), kind.getOutput().getScore(), area.getOutput().getLabel(),
				area.getOutput().getScore(), sentiment.getOutput().getLabel(), sentiment.getOutput().getScore());
	}

	private boolean knowsAnyOf(String[] names) {
		// the three models were trained on the same features
		ImmutableFeatureMap known = models.get(Labels.Field.KIND).getFeatureIDMap();
		return Arrays.stream(names).anyMatch(name -> known.get(name) != null);
	}

	private Prediction<Label> predict(Labels.Field field, String[] names, double[] values) {
		return models.get(field).predict(new ArrayExample<>(LabelFactory.UNKNOWN_LABEL, names, values));
	}

}
