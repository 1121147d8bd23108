package com.tpwallet.walletdesk.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenSearch adapter against a real OpenSearch node: the same articles and questions
 * as the embedded index, ranked alike, and edits visible at once.
 */
class OpenSearchArticleSearchTest {

	static final LanguageAnalyzers ANALYZERS = new LanguageAnalyzers();
	static OpenSearchArticleSearch openSearch;
	static LuceneArticleSearch lucene;

	@BeforeAll
	static void indexTheShippedArticlesInBoth() {
		openSearch = adapter("articles-" + UUID.randomUUID());
		openSearch.replaceAll(ArticleFiles.documents());
		lucene = new LuceneArticleSearch(ANALYZERS);
		lucene.replaceAll(ArticleFiles.documents());
	}

	static OpenSearchArticleSearch adapter(String index) {
		var requests = new JdkClientHttpRequestFactory();
		requests.setReadTimeout(Duration.ofSeconds(30));
		RestClient http = RestClient.builder().baseUrl(OpenSearchNode.shared().url()).requestFactory(requests).build();
		return new OpenSearchArticleSearch(ANALYZERS, http, JsonMapper.builder().build(), index,
				Duration.ofSeconds(30));
	}

	@Test
	void theAnswerBotOnOpenSearchAnswersNineInTenQuestionsRightInEveryLanguage() {
		Map<String, AnswerBotEvaluation.Tally> tally = AnswerBotEvaluation.run(AnswerBotEvaluation.bot(openSearch),
				"Answer bot evaluation, OpenSearch index");
		AnswerBotEvaluation.assertTopOneAtLeast(tally, 0.9);
	}

	@Test
	void bothIndexesPutTheSameArticleFirstForNearlyEveryQuestion() {
		List<AnswerBotEvaluation.Case> cases = AnswerBotEvaluation.cases();
		List<String> different = new ArrayList<>();
		for (AnswerBotEvaluation.Case c : cases) {
			String embedded = first(lucene.search(c.question(), c.language(), 3));
			String remote = first(openSearch.search(c.question(), c.language(), 3));
			if (!embedded.equals(remote)) {
				different.add(c.question() + ": " + embedded + " / " + remote);
			}
		}
		System.out.printf("%nOpenSearch and Lucene agree on the first article for %d of %d questions%n",
				cases.size() - different.size(), cases.size());
		different.forEach(d -> System.out.println("  differs: " + d));
		assertThat(different.size()).as("questions ranked differently").isLessThanOrEqualTo(cases.size() / 20);
	}

	@Test
	void titlesComeBackInEveryLanguageAndScoresAreLikeLucenes() {
		ArticleSearch.Hit remote = openSearch.search("提现什么时候到账", "zh-CN", 1).getFirst();
		ArticleSearch.Hit embedded = lucene.search("提现什么时候到账", "zh-CN", 1).getFirst();
		assertThat(remote.slug()).isEqualTo("withdrawal-delayed");
		assertThat(remote.titles()).containsOnlyKeys("zh-CN", "en", "fr", "de").isEqualTo(embedded.titles());
		assertThat(remote.score()).isCloseTo(embedded.score(), org.assertj.core.data.Percentage.withPercentage(25));
	}

	@Test
	void misspeltWordsAreFoundWithTypoTolerance() {
		assertThat(first(openSearch.search("withdrawl not arived", "en", 3))).isEqualTo("withdrawal-delayed");
		assertThat(first(openSearch.search("Auszahlungg verspätet", "de", 3))).isEqualTo("withdrawal-delayed");
	}

	@Test
	void anEditIsFoundAtOnceAndARemovedArticleIsGone() {
		OpenSearchArticleSearch search = adapter("edits-" + UUID.randomUUID());
		search.replaceAll(ArticleFiles.documents());
		int shipped = search.size();
		search.put(new ArticleSearch.Document("red-envelope", "payments",
				Map.of("en",
						new ArticleSearch.Text("Sending a red envelope", "hongbao lucky money",
								"Open a chat and tap the envelope."),
						"zh-CN", new ArticleSearch.Text("发红包", "红包 hongbao", "在聊天中点击红包按钮。"))));
		assertThat(search.size()).isEqualTo(shipped + 1);
		assertThat(first(search.search("how do I send a hongbao", "en", 3))).isEqualTo("red-envelope");
		assertThat(first(search.search("怎么发红包", "zh-CN", 3))).isEqualTo("red-envelope");

		search.remove("red-envelope");
		search.remove("red-envelope"); // twice, as two instances might: no harm
		assertThat(search.size()).isEqualTo(shipped);
		assertThat(search.search("hongbao", "en", 3)).extracting(ArticleSearch.Hit::slug)
			.doesNotContain("red-envelope");
	}

	@Test
	void aRebuildLeavesOutWhatIsNoLongerPublished() {
		OpenSearchArticleSearch search = adapter("rebuild-" + UUID.randomUUID());
		search.replaceAll(ArticleFiles.documents());
		List<ArticleSearch.Document> fewer = ArticleFiles.documents()
			.stream()
			.filter(d -> !d.slug().equals("app-crash"))
			.toList();
		search.replaceAll(fewer);
		assertThat(search.size()).isEqualTo(fewer.size());
		assertThat(search.search("app crashes on start", "en", 5)).extracting(ArticleSearch.Hit::slug)
			.doesNotContain("app-crash");
	}

	@Test
	void anIndexThatDoesNotExistYetIsEmpty() {
		assertThat(adapter("never-" + UUID.randomUUID()).size()).isZero();
	}

	private static String first(List<ArticleSearch.Hit> hits) {
		return hits.isEmpty() ? "" : hits.getFirst().slug();
	}

}
