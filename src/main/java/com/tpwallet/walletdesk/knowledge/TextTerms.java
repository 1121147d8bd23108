package com.tpwallet.walletdesk.knowledge;

import java.util.List;

/**
 * A text read as the knowledge base reads customers' questions, in one of the served
 * languages: Chinese segmented by HanLP with the wallet dictionary, the others by
 * Lucene's analysers; the wallet's synonyms added. For modules that learn from customers'
 * words (feedback).
 */
public interface TextTerms {

	/** The words as typed, lower case, stop words kept. */
	List<String> words(String text, String language);

	/** The stems of the words that carry meaning (stop words removed, accents folded). */
	List<String> stems(String text, String language);

	/**
	 * What a learning model sees of a text: its words ({@code w=}) and word pairs
	 * ({@code b=}) as typed, so that "how", "not" and "after the update" count; the stems
	 * that carry meaning ({@code s=}); letter triples inside words ({@code c=}), so that
	 * "withdrawl" and "withdrawal" look alike; and for Chinese its characters and
	 * character pairs ({@code h=}), since a segmenter misses colloquial words.
	 */
	java.util.Set<String> features(String text, String language);

}
