package com.tpwallet.walletdesk.feedback.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Trains on the repository's examples minus the held-out part, and measures on that part:
 * accuracy per label and language, and a confusion matrix for each (rows: the true label,
 * columns: what the classifier said).
 */
final class ClassifierEvaluation {

	record Score(String language, Labels.Field field, int right, int total, Map<String, Map<String, Integer>> confusion,
			List<String> misses) {

		double accuracy() {
			return total == 0 ? 0 : (double) right / total;
		}

	}

	static List<Score> run(TextFeatures features) {
		List<TrainingSet.Line> lines = TrainingSet.read();
		List<FeedbackClassifier.Labelled> training = new ArrayList<>();
		List<FeedbackClassifier.Labelled> held = new ArrayList<>();
		for (TrainingSet.Line l : lines) {
			(TrainingSet.heldOut(l.number()) ? held : training).add(l.example());
		}
		return measure(FeedbackClassifier.train(training, features), held);
	}

	/**
	 * Trains on every example in the repository and measures on messages from elsewhere
	 * (a file of language, kind, area, sentiment and text), which it never saw.
	 */
	static List<Score> runOnUnseen(TextFeatures features, List<FeedbackClassifier.Labelled> unseen) {
		List<FeedbackClassifier.Labelled> training = TrainingSet.read()
			.stream()
			.map(TrainingSet.Line::example)
			.toList();
		return measure(FeedbackClassifier.train(training, features), unseen);
	}

	private static List<Score> measure(FeedbackClassifier classifier, List<FeedbackClassifier.Labelled> held) {
		List<Score> scores = new ArrayList<>();
		for (String language : TrainingSet.LANGUAGES) {
			List<FeedbackClassifier.Labelled> mine = held.stream().filter(e -> e.language().equals(language)).toList();
			List<FeedbackClassifier.Verdict> said = mine.stream()
				.map(e -> classifier.classify(e.text(), e.language()))
				.toList();
			for (Labels.Field field : Labels.Field.values()) {
				Map<String, Map<String, Integer>> confusion = new LinkedHashMap<>();
				field.values.forEach(v -> confusion.put(v, new LinkedHashMap<>()));
				int right = 0;
				List<String> misses = new ArrayList<>();
				for (int i = 0; i < mine.size(); i++) {
					String truth = mine.get(i).label(field);
					String guess = switch (field) {
						case KIND -> said.get(i).kind();
						case AREA -> said.get(i).area();
						case SENTIMENT -> said.get(i).sentiment();
					};
					confusion.get(truth).merge(guess, 1, Integer::sum);
					right += truth.equals(guess) ? 1 : 0;
					if (!truth.equals(guess)) {
						misses.add(truth + " → " + guess + ": " + mine.get(i).text());
					}
				}
				scores.add(new Score(language, field, right, mine.size(), confusion, misses));
			}
		}
		return scores;
	}

	/** The table the closing note and {@code bench/feedback/evaluate} print. */
	static String table(List<Score> scores) {
		StringBuilder out = new StringBuilder(
				"| language | kind | area | sentiment | held-out messages |\n|---|---:|---:|---:|---:|\n");
		for (String language : TrainingSet.LANGUAGES) {
			Map<Labels.Field, Score> mine = new LinkedHashMap<>();
			scores.stream().filter(s -> s.language().equals(language)).forEach(s -> mine.put(s.field(), s));
			out.append(String.format(Locale.ROOT, "| %s | %.1f %% | %.1f %% | %.1f %% | %d |%n", language,
					100 * mine.get(Labels.Field.KIND).accuracy(), 100 * mine.get(Labels.Field.AREA).accuracy(),
					100 * mine.get(Labels.Field.SENTIMENT).accuracy(), mine.get(Labels.Field.KIND).total()));
		}
		for (Score s : scores) {
			out.append(String.format(Locale.ROOT, "%nConfusion, %s, %s (rows: true, columns: said)%n", s.language(),
					s.field().code()));
			out.append(String.format(Locale.ROOT, "%-16s", ""));
			s.field().values.forEach(v -> out.append(String.format(Locale.ROOT, "%16s", v)));
			out.append('\n');
			s.confusion().forEach((truth, row) -> {
				out.append(String.format(Locale.ROOT, "%-16s", truth));
				s.field().values.forEach(v -> out.append(String.format(Locale.ROOT, "%16d", row.getOrDefault(v, 0))));
				out.append('\n');
			});
			s.misses().forEach(m -> out.append("  ").append(m).append('\n'));
		}
		return out.toString();
	}

	private ClassifierEvaluation() {
	}

}
