package com.tpwallet.walletdesk.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The answer bot on the embedded index, over the evaluation set: top-1 at 90 % or better
 * in every language.
 */
class AnswerBotEvaluationTest {

	@Test
	void answersAtLeastNineInTenQuestionsWithTheRightArticleFirstInEveryLanguage() {
		assertThat(AnswerBotEvaluation.cases()).hasSizeGreaterThanOrEqualTo(Integer.getInteger("eval.minimum", 330));
		LuceneArticleSearch search = new LuceneArticleSearch(new LanguageAnalyzers());
		search.replaceAll(ArticleFiles.documents());
		Map<String, AnswerBotEvaluation.Tally> tally = AnswerBotEvaluation.run(AnswerBotEvaluation.bot(search),
				"Answer bot evaluation, embedded Lucene index");
		AnswerBotEvaluation.assertTopOneAtLeast(tally, 0.9);
	}

}
