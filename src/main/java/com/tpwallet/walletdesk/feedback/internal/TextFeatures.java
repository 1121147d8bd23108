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
import java.util.regex.Pattern;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * What the classifier sees of a text: its words and word pairs as typed (so "how", "not"
 * and "would be nice" count), the stems of the words that carry meaning, and letter
 * triples inside words (so "withdrawl", "recharge" and "rechargement" look alike).
 * Chinese adds its characters and character pairs, since a segmenter misses colloquial
 * words. The words come from the knowledge module's analysers, in the text's language.
 */
@Component
class TextFeatures {

	private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

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
		Set<String> features = new TreeSet<>();
		List<String> words = terms.words(text, language);
		String previous = "^";
		for (String w : words) {
			features.add("w=" + w);
			features.add("b=" + previous + "_" + w);
			previous = w;
			if (!HAN.matcher(w).find()) {
				String padded = "#" + w + "#";
				for (int i = 0; i + 3 <= padded.length(); i++) {
					features.add("c=" + padded.substring(i, i + 3));
				}
			}
		}
		for (String stem : terms.stems(text, language)) {
			features.add("s=" + stem);
		}
		int[] han = text.codePoints()
			.filter(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)
			.toArray();
		for (int i = 0; i < han.length; i++) {
			features.add("h=" + Character.toString(han[i]));
			if (i + 1 < han.length) {
				features.add("h=" + Character.toString(han[i]) + Character.toString(han[i + 1]));
			}
		}
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
