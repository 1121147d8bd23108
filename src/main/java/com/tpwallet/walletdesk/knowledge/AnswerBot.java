package com.tpwallet.walletdesk.knowledge;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Answers a customer's question with knowledge-base articles (the help-centre search box
 * and the chat bot).
 */
public interface AnswerBot {

	/**
	 * The best articles for {@code question}, best first, with titles in the question's
	 * language; {@code language} (zh-CN, en, fr, de) when the caller knows it, else it is
	 * detected from the text.
	 */
	Answer answer(String question, @Nullable String language);

	/**
	 * {@code confident} when the best article clearly fits; a bot then answers with it
	 * instead of asking back.
	 */
	record Answer(String language, boolean confident, List<SuggestedArticle> articles) {
	}

	record SuggestedArticle(String slug, String title, double score) {
	}

}
