package com.tpwallet.walletdesk.feedback.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.io.ClassPathResource;

/**
 * The labelled examples in the repository ({@code feedback/training/<language>.tsv}:
 * kind, area, sentiment, text). The same line number in every language is the same
 * message in translation, so the held-out part is chosen by line: no translation of a
 * held-out message is trained on.
 */
final class TrainingSet {

	static final List<String> LANGUAGES = List.of("zh-CN", "en", "fr", "de");

	/** Every fourth message is held out for evaluation. */
	static boolean heldOut(int line) {
		return line % 4 == 3;
	}

	record Line(int number, FeedbackClassifier.Labelled example) {
	}

	static List<Line> read() {
		List<Line> lines = new ArrayList<>();
		for (String language : LANGUAGES) {
			String text;
			try {
				text = new ClassPathResource("feedback/training/" + language + ".tsv")
					.getContentAsString(StandardCharsets.UTF_8);
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
			int number = 0;
			for (String row : text.lines().toList()) {
				if (row.isBlank() || row.startsWith("#")) {
					continue;
				}
				String[] f = row.split("\t");
				if (f.length != 4) {
					throw new IllegalStateException("feedback/training/" + language + ".tsv: not 4 columns: " + row);
				}
				lines.add(new Line(number++, new FeedbackClassifier.Labelled(language, f[3], f[0], f[1], f[2])));
			}
		}
		return lines;
	}

	private TrainingSet() {
	}

}
