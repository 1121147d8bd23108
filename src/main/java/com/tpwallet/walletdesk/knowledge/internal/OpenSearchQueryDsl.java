package com.tpwallet.walletdesk.knowledge.internal;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes the Lucene query that {@link QuestionQuery} builds in OpenSearch's query DSL, so
 * that both indexes answer the same question the same way. The terms are already analysed
 * (OpenSearch holds pre-analysed tokens, see {@link OpenSearchArticleSearch}), so every
 * query here is on exact terms. Only the query types {@code QuestionQuery} produces are
 * known; anything else is a programming error, not a user's.
 */
final class OpenSearchQueryDsl {

	/** The field that keeps a part's words at their positions, for phrase queries. */
	static final String SEQUENCE = "_seq";

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private OpenSearchQueryDsl() {
	}

	static ObjectNode of(Query query) {
		return of(query, 1f);
	}

	private static ObjectNode of(Query query, float boost) {
		return switch (query) {
			case BoostQuery boosted -> of(boosted.getQuery(), boost * boosted.getBoost());
			case BooleanQuery bool -> bool(bool, boost);
			case TermQuery term -> term(term.getTerm(), boost);
			case SynonymQuery synonyms -> synonyms(synonyms, boost);
			case PhraseQuery phrase -> phrase(phrase, boost);
			case FuzzyQuery fuzzy -> fuzzy(fuzzy, boost);
			default -> throw new IllegalArgumentException("No OpenSearch form for " + query.getClass().getName());
		};
	}

	private static ObjectNode bool(BooleanQuery query, float boost) {
		ObjectNode root = NODES.objectNode();
		ObjectNode bool = root.putObject("bool");
		for (BooleanClause clause : query.clauses()) {
			String occur = switch (clause.occur()) {
				case MUST -> "must";
				case SHOULD -> "should";
				case FILTER -> "filter";
				case MUST_NOT -> "must_not";
			};
			bool.withArray(occur).add(of(clause.query()));
		}
		if (query.getMinimumNumberShouldMatch() > 0) {
			bool.put("minimum_should_match", query.getMinimumNumberShouldMatch());
		}
		bool.put("boost", boost);
		return root;
	}

	private static ObjectNode term(Term term, float boost) {
		ObjectNode root = NODES.objectNode();
		root.putObject("term").putObject(term.field()).put("value", token(term.text())).put("boost", boost);
		return root;
	}

	/**
	 * Words at one position (synonyms) count as one word, as in Lucene: the best of them
	 * scores.
	 */
	private static ObjectNode synonyms(SynonymQuery query, float boost) {
		ObjectNode root = NODES.objectNode();
		ObjectNode disMax = root.putObject("dis_max");
		for (Term term : query.getTerms()) {
			disMax.withArray("queries").add(term(term, 1f));
		}
		disMax.put("boost", boost);
		return root;
	}

	/**
	 * Gaps between the phrase's positions widen the slop: in Lucene a gap matches any
	 * word.
	 */
	private static ObjectNode phrase(PhraseQuery query, float boost) {
		Term[] terms = query.getTerms();
		int[] positions = query.getPositions();
		List<String> words = new ArrayList<>();
		int gaps = 0;
		for (int i = 0; i < terms.length; i++) {
			gaps += i == 0 ? 0 : positions[i] - positions[i - 1] - 1;
			words.add(token(terms[i].text()));
		}
		ObjectNode root = NODES.objectNode();
		root.putObject("match_phrase")
			.putObject(query.getField() + SEQUENCE)
			.put("query", String.join(" ", words))
			.put("slop", query.getSlop() + gaps)
			.put("boost", boost);
		return root;
	}

	private static ObjectNode fuzzy(FuzzyQuery query, float boost) {
		ObjectNode root = NODES.objectNode();
		root.putObject("fuzzy")
			.putObject(query.getTerm().field())
			.put("value", token(query.getTerm().text()))
			.put("fuzziness", query.getMaxEdits())
			.put("prefix_length", query.getPrefixLength())
			.put("transpositions", query.getTranspositions())
			.put("boost", boost);
		return root;
	}

	/**
	 * A token as OpenSearch's whitespace analyser will see it: one token, never split.
	 */
	static String token(String text) {
		return text.replaceAll("\\s", "_");
	}

}
