package com.tpwallet.walletdesk.knowledge.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.QueryBuilder;

/**
 * How a question becomes a search query, the same for the embedded Lucene index and for
 * OpenSearch. A question is read in every language (customers mix them), weighted towards
 * the language it is written in; title and keyword matches count more than body matches;
 * adjacent words found together in a title or keyword list count extra; a word that
 * appears nowhere in the index is looked up with typo tolerance (one or two edits)
 * instead.
 */
final class QuestionQuery {

	/** The indexed parts of an article in each language, with their weight. */
	static final Map<String, Float> FIELDS = Map.of("title", 3f, "keywords", 2.5f, "body", 1f);

	/**
	 * The parts in which adjacent words of a question score extra when found together.
	 */
	static final List<String> PAIR_FIELDS = List.of("title", "keywords");

	private static final float OTHER_LANGUAGE = 0.35f;

	private static final float TYPO = 0.6f;

	private static final float PAIR = 1.5f;

	/**
	 * Words of a question read at most: questions are short, and a pasted text or a row
	 * of emoji would otherwise make a query larger than Lucene allows (1,024 clauses over
	 * all languages and fields).
	 */
	static final int MAX_WORDS = 24;

	/** Which words an index holds, per language, in any of the article's parts. */
	interface Vocabulary {

		Set<String> known(String language, Collection<String> words) throws IOException;

	}

	private final LanguageAnalyzers analyzers;

	QuestionQuery(LanguageAnalyzers analyzers) {
		this.analyzers = analyzers;
	}

	static String field(String language, String part) {
		return language + "." + part;
	}

	Query build(String text, String language, Vocabulary vocabulary) throws IOException {
		Reading reading = read(language, text);
		String question = reading.question();
		BooleanQuery.Builder all = new BooleanQuery.Builder();
		for (String lang : LanguageAnalyzers.LANGUAGES) {
			float weight = lang.equals(language) ? 1f : OTHER_LANGUAGE;
			QueryBuilder builder = new QueryBuilder(analyzers.questions(lang));
			for (Map.Entry<String, Float> part : FIELDS.entrySet()) {
				Query q = builder.createBooleanQuery(field(lang, part.getKey()), question, Occur.SHOULD);
				if (q != null) {
					all.add(new BoostQuery(q, part.getValue() * weight), Occur.SHOULD);
				}
			}
			if (lang.equals(language)) {
				List<String> words = reading.words();
				// "payment password" together says more than its two words
				for (int i = 1; i < words.size(); i++) {
					for (String part : PAIR_FIELDS) {
						PhraseQuery pair = new PhraseQuery(1, field(lang, part), words.get(i - 1), words.get(i));
						all.add(new BoostQuery(pair, PAIR), Occur.SHOULD);
					}
				}
				for (String word : unknownWords(lang, words, vocabulary)) {
					for (Map.Entry<String, Float> part : FIELDS.entrySet()) {
						Term term = new Term(field(lang, part.getKey()), word);
						all.add(new BoostQuery(new FuzzyQuery(term, word.length() >= 7 ? 2 : 1, 1),
								part.getValue() * TYPO), Occur.SHOULD);
					}
				}
			}
		}
		return all.build();
	}

	/**
	 * A question as read: up to the end of its {@link #MAX_WORDS}th word, and those words
	 * as the index has them.
	 */
	private record Reading(String question, List<String> words) {
	}

	/**
	 * One pass of the language's analysis: words in order, stop words gone, compound
	 * parts left out.
	 */
	private Reading read(String language, String text) throws IOException {
		List<String> words = new ArrayList<>();
		int[] end = { text.length() };
		analyse(language, text, (token, step, endOffset) -> {
			if (step > 0 && words.size() < MAX_WORDS) {
				words.add(token);
				if (words.size() == MAX_WORDS) {
					end[0] = endOffset;
				}
			}
		});
		return new Reading(text.substring(0, end[0]), words);
	}

	/**
	 * Receives each indexed token with its position increment (0 for a compound part at
	 * its word’s place) and where it ends in the text.
	 */
	interface Tokens {

		void accept(String token, int positionIncrement, int endOffset);

	}

	void analyse(String language, String text, Tokens tokens) throws IOException {
		try (TokenStream stream = analyzers.indexing(language).tokenStream("text", text)) {
			CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
			PositionIncrementAttribute step = stream.addAttribute(PositionIncrementAttribute.class);
			OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
			stream.reset();
			while (stream.incrementToken()) {
				tokens.accept(term.toString(), step.getPositionIncrement(), offset.endOffset());
			}
			stream.end();
		}
	}

	/**
	 * Words of the question that no article of that language contains: probably misspelt.
	 */
	private static Set<String> unknownWords(String language, List<String> words, Vocabulary vocabulary)
			throws IOException {
		if (language.equals("zh-CN")) {
			// Chinese typos are wrong characters, not wrong letters: the synonym list
			// maps them
			return Set.of();
		}
		Set<String> candidates = new LinkedHashSet<>();
		for (String word : words) {
			if (word.length() >= 4 && word.chars().allMatch(Character::isLetter)) {
				candidates.add(word);
			}
		}
		if (!candidates.isEmpty()) {
			candidates.removeAll(vocabulary.known(language, candidates));
		}
		return candidates;
	}

}
