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

}
