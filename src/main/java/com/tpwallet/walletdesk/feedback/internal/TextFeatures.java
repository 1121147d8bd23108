package com.tpwallet.walletdesk.feedback.internal;

import com.tpwallet.walletdesk.knowledge.TextTerms;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * What the classifier sees of a text: the knowledge module's features of it (words and
 * word pairs as typed, stems, letter triples, Chinese characters and their pairs, see
 * {@link TextTerms#features}), the feedback cues of {@code feedback/cues.tsv}, and
 * whether it asks or exclaims.
 */
@Component
class TextFeatures {

	private final TextTerms terms;

	/** Feature → entries of {@code feedback/cues.tsv}, normalised like the texts. */
	private final Map<String, List<String>> cues = new LinkedHashMap<>();

	TextFeatures(TextTerms terms) {
		this.terms = terms;
		String file;
		try {
			file = new ClassPathResource("feedback/cues.tsv").getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		file.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).forEach(l -> {
			String[] f = l.split("\t");
			cues.put(f[0], Arrays.stream(f[1].split(", ")).map(TextFeatures::normalise).toList());
		});
	}

	/** Lower case, accents and umlauts folded, ß as ss, typographic apostrophes plain. */
	static String normalise(String text) {
		String folded = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
			.replaceAll("\\p{M}", "");
		return folded.replace("ß", "ss").replace('’', '\'');
	}

	/**
	 * The features with their weights: the cues count most (they carry across languages),
	 * letter triples least (there are many of them).
	 */
	Map<String, Double> of(String text, String language) {
		Map<String, Double> features = new TreeMap<>();
		for (String name : names(text, language)) {
			features.put(name, name.startsWith("c=") || name.startsWith("h=") ? TRIPLE_WEIGHT
					: name.startsWith("t=") || name.startsWith("k=") ? CUE_WEIGHT : 1.0);
		}
		return features;
	}

	static final double CUE_WEIGHT = Double.parseDouble(System.getProperty("feedback.cueWeight", "3"));

	static final double TRIPLE_WEIGHT = Double.parseDouble(System.getProperty("feedback.tripleWeight", "0.3"));

	private Set<String> names(String text, String language) {
		Set<String> features = new TreeSet<>(terms.features(text, language));
		String plain = " " + normalise(text) + " ";
		cues.forEach((feature, entries) -> {
			if (entries.stream().anyMatch(plain::contains)) {
				features.add(feature);
			}
		});
		if (text.contains("?") || text.contains("？")) {
			features.add("q=?");
		}
		if (text.contains("!") || text.contains("！")) {
			features.add("q=!");
		}
		return features;
	}

}
