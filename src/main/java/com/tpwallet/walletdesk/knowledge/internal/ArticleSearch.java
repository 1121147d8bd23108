package com.tpwallet.walletdesk.knowledge.internal;

import java.util.List;
import java.util.Map;

/**
 * The search index behind the help-centre search box and the answer bot. The embedded
 * implementation is Lucene in memory, rebuilt from PostgreSQL at start-up, so application
 * instances keep no state of their own.
 */
interface ArticleSearch {

	/**
	 * What is indexed of one published article: per language, its title, search keywords
	 * and body.
	 */
	record Document(String slug, String category, Map<String, Text> texts) {
	}

	record Text(String title, String keywords, String body) {
	}

	/** A found article with its title in each language it has. */
	record Hit(String slug, double score, Map<String, String> titles) {

		String title(String language) {
			return titles.getOrDefault(language, titles.getOrDefault("en", slug));
		}
	}

	/** Replaces the whole index (start-up, or another instance changed articles). */
	void replaceAll(List<Document> documents);

	/** Adds or replaces one article. */
	void put(Document document);

	void remove(String slug);

	/**
	 * The best articles for a question, best first; {@code language} weighs that
	 * language's texts highest.
	 */
	List<Hit> search(String question, String language, int limit);

	int size();

	/**
	 * A published article by its slug, with its titles (score 0): empty when there is
	 * none.
	 */
	java.util.Optional<Hit> article(String slug);

}
