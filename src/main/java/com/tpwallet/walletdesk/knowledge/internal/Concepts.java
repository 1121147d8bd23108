package com.tpwallet.walletdesk.knowledge.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What a wallet's customers talk about, named once for every language
 * ({@code knowledge/search/concepts.tsv}): 提现, cash out, retrait and Auszahlung are all
 * "withdraw". The intent model sees a question's concepts, and each pair of them, beside
 * its words. A concept learnt from the examples of one language so counts in all four,
 * and a question put in words no example used still meets the concepts behind them: "the
 * app took it off my balance but the bank has nothing" is deducted, balance, bank and
 * arrive, which the withdrawal examples of every language taught.
 */
final class Concepts {

	/** A way of saying a concept: the words of a phrase, or a Chinese string. */
	private record Saying(String concept, List<String> words) {

		/**
		 * Whether the question's words hold this phrase: its words in order, each within
		 * {@link #GAP} words of the one before.
		 */
		boolean in(List<String> question) {
			for (int start = 0; start < question.size(); start++) {
				if (matches(words.getFirst(), question.get(start)) && rest(question, start)) {
					return true;
				}
			}
			return false;
		}

		private boolean rest(List<String> question, int at) {
			for (String word : words.subList(1, words.size())) {
				int next = -1;
				for (int i = at + 1; i < question.size() && i <= at + GAP; i++) {
					if (matches(word, question.get(i))) {
						next = i;
						break;
					}
				}
				if (next < 0) {
					return false;
				}
				at = next;
			}
			return true;
		}

		private static boolean matches(String word, String asked) {
			if (word.startsWith("=")) {
				return asked.equals(word.substring(1));
			}
			if (word.startsWith("*")) {
				return asked.contains(word.substring(1));
			}
			// a stem and its endings (scan, scanned; Auszahlung, Auszahlungen), not the
			// tail of a compound (a Quittungsdrucker is a printer, not a receipt)
			return asked.startsWith(word) && asked.length() - word.length() <= ENDING;
		}
	}

	private static final int GAP = 4;

	/** The longest ending a word of the lexicon matches beyond itself. */
	private static final int ENDING = 5;

	private static final String FILE = "concepts.tsv";

	private static final Concepts SHARED = new Concepts(LanguageAnalyzers.lines(FILE));

	/** Per language: its ways of saying each concept. */
	private final Map<String, List<Saying>> sayings;

	private final String source;

	Concepts(List<String> lines) {
		this.source = String.join("\n", lines);
		this.sayings = lines.stream()
			.map(line -> line.split("\t"))
			.collect(Collectors.groupingBy(cells -> cells[1],
					Collectors.flatMapping(
							cells -> Arrays.stream(cells[2].split("\\|")).map(s -> saying(cells[0], cells[1], s)),
							Collectors.toList())));
	}

	/** The lexicon on the class path. */
	static Concepts shared() {
		return SHARED;
	}

	/**
	 * The lexicon as read, for the digest of what a shipped model was trained on: a model
	 * trained with other concepts is another model.
	 */
	String source() {
		return source;
	}

	/**
	 * The question's concepts as features: {@code k=concept} for each, and {@code kk=a+b}
	 * for each pair (an alert alone is news; an alert and failing payments is a frozen
	 * wallet).
	 */
	Set<String> features(String text, String language) {
		boolean chinese = "zh-CN".equals(language);
		List<Saying> known = sayings.getOrDefault(served(language), List.of());
		String folded = fold(text);
		List<String> words = words(folded);
		TreeSet<String> concepts = new TreeSet<>();
		for (Saying saying : known) {
			if (!concepts.contains(saying.concept())
					&& (chinese ? folded.contains(saying.words().getFirst()) : saying.in(words))) {
				concepts.add(saying.concept());
			}
		}
		Set<String> features = new TreeSet<>();
		List<String> found = new ArrayList<>(concepts);
		for (int i = 0; i < found.size(); i++) {
			features.add("k=" + found.get(i));
			for (int j = i + 1; j < found.size(); j++) {
				features.add("kk=" + found.get(i) + "+" + found.get(j));
			}
		}
		return features;
	}

	private static Saying saying(String concept, String language, String text) {
		String folded = fold(text);
		return new Saying(concept, "zh-CN".equals(language) ? List.of(folded) : words(folded));
	}

	/** Lower case, accents removed (é as e, ü as u, ß as ss). */
	private static String fold(String text) {
		String decomposed = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
		return decomposed.replaceAll("\\p{M}+", "").replace("ß", "ss");
	}

	/** Words as runs of letters and digits, "=" and "*" kept for the lexicon's marks. */
	private static List<String> words(String folded) {
		return Arrays.stream(folded.split("[^\\p{L}\\p{N}=*]+")).filter(w -> !w.isEmpty()).toList();
	}

	private static String served(String language) {
		return LanguageAnalyzers.LANGUAGES.contains(language) ? language : "en";
	}

}
