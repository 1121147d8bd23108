package com.tpwallet.walletdesk.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tpwallet.walletdesk.Api.Response;
import com.tpwallet.walletdesk.HttpTestBase;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application with one setting pointing it at OpenSearch: answers and edits go
 * through the cluster.
 */
class OpenSearchConfiguredIntegrationTest extends HttpTestBase {

	@DynamicPropertySource
	static void openSearch(DynamicPropertyRegistry properties) {
		properties.add("walletdesk.knowledge.opensearch.url", () -> OpenSearchNode.shared().url());
		properties.add("walletdesk.knowledge.opensearch.index",
				() -> "walletdesk-articles-it-" + ProcessHandle.current().pid());
		// a node started moments ago on a busy machine can take longer than the default
		// five seconds to create an index; a build that fails is tried again by the next
		// look, which comes sooner here than the default 30 s
		properties.add("walletdesk.knowledge.opensearch.timeout", () -> "PT30S");
		properties.add("walletdesk.knowledge.refresh-interval", () -> "PT2S");
	}

	@Autowired
	ArticleSearch search;

	@Test
	void theAnswerBotAnswersFromOpenSearchAndSeesAnEditAtOnce() {
		assertThat(search).isInstanceOf(OpenSearchArticleSearch.class);
		await().atMost(Duration.ofSeconds(90))
			.untilAsserted(() -> assertThat(search.size()).as("indexed from PostgreSQL").isGreaterThanOrEqualTo(16));

		Response zh = api.post("/api/v1/answers", Map.of("question", "我忘记登录密码了，怎么找回？"), null);
		assertThat(zh.text("language")).isEqualTo("zh-CN");
		assertThat(zh.body().path("articles").get(0).path("slug").asString()).isEqualTo("forgot-password");
		assertThat(zh.body().path("articles").get(0).path("title").asString()).isEqualTo("忘记登录密码");

		String slug = "opensearch-" + ThreadLocalRandom.current().nextInt(1_000_000);
		String supervisor = api.staffToken("SUPERVISOR");
		api.call(
				"PUT", "/api/v1/staff/articles/" + slug + "/de", Map.of("title", "Quittungsdrucker verbinden", "body",
						"So verbinden Sie einen Quittungsdrucker.", "category", "payments", "status", "published"),
				supervisor);
		Response found = api.post("/api/v1/answers", Map.of("question", "Quittungsdrucker", "language", "de"), null);
		assertThat(found.body().path("articles").get(0).path("slug").asString()).isEqualTo(slug);

		api.call("PUT", "/api/v1/staff/articles/" + slug + "/de", Map.of("title", "Quittungsdrucker verbinden", "body",
				"So verbinden Sie einen Quittungsdrucker.", "status", "draft"), supervisor);
		Response gone = api.post("/api/v1/answers", Map.of("question", "Quittungsdrucker", "language", "de"), null);
		assertThat(gone.body().findValuesAsString("slug")).doesNotContain(slug);
	}

}
