package com.tpwallet.walletdesk.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import com.tpwallet.walletdesk.Api.Response;
import com.tpwallet.walletdesk.HttpTestBase;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

class ArticleLibraryIntegrationTest extends HttpTestBase {

	static final List<String> SLUGS = List.of("forgot-password", "account-locked", "payment-failed", "topup-failed",
			"withdrawal-delayed", "transaction-history", "change-payment-password", "two-factor-authentication",
			"account-frozen", "transaction-dispute", "contact-support", "language-settings", "whats-new", "app-crash",
			"account-security", "feedback");

	@Test
	void everyShippedArticleIsThereInFourLanguagesForAnyoneToRead() {
		for (String language : List.of("zh-CN", "en", "fr", "de")) {
			Response list = api.get("/api/v1/articles?language=" + language, null);
			assertThat(list.body().findValuesAsString("slug")).containsAll(SLUGS);
			assertThat(list.body().findValuesAsString("language")).containsOnly(language);
		}
		Response zh = api.get("/api/v1/articles/forgot-password?language=zh-CN", null);
		assertThat(zh.text("title")).isEqualTo("忘记登录密码");
		assertThat(zh.text("html")).contains("<strong>10 分钟内有效</strong>");
		assertThat(zh.body().path("fallback").asBoolean()).isFalse();
		assertThat(api.get("/api/v1/articles/withdrawal-delayed", null, "Accept-Language", "de").text("title"))
			.isEqualTo("Meine Auszahlung ist nicht angekommen");
		assertThat(api.get("/api/v1/articles/no-such-thing", null).code()).isEqualTo("article_not_found");
	}

	@Test
	void aMissingTranslationFallsBackToEnglishAndDraftsStayHidden() {
		String slug = "test-article-" + ThreadLocalRandom.current().nextInt(1_000_000);
		String supervisor = api.staffToken("SUPERVISOR");
		Response saved = api.call("PUT", "/api/v1/staff/articles/" + slug + "/en",
				Map.of("title", "Card limits", "body",
						"Your **limit** is shown <script>alert(1)</script> [here](https://example.com).", "category",
						"payments"),
				supervisor);
		assertThat(saved.text("status")).isEqualTo("draft");
		assertThat(saved.text("html")).contains("<strong>limit</strong>")
			.doesNotContain("<script")
			.contains("href=\"https://example.com\"");
		assertThat(api.get("/api/v1/articles/" + slug + "?language=en", null).status()).as("a draft is not public")
			.isEqualTo(404);
		api.call("PUT", "/api/v1/staff/articles/" + slug + "/en",
				Map.of("title", "Card limits", "body", "Updated.", "status", "published"), supervisor);
		Response german = api.get("/api/v1/articles/" + slug + "?language=de", null);
		assertThat(german.body().path("fallback").asBoolean()).isTrue();
		assertThat(german.text("language")).isEqualTo("en");
		assertThat(api.get("/api/v1/staff/articles/" + slug + "/en/history", supervisor).body()).hasSize(2);
		assertThat(api
			.call("PUT", "/api/v1/staff/articles/" + slug + "/en", Map.of("title", "x", "body", "y"),
					api.staffToken("AGENT"))
			.status()).isEqualTo(403);
		assertThat(api.call("PUT", "/api/v1/staff/articles/Bad_Slug/en", Map.of("title", "x", "body", "y"), supervisor)
			.status()).isEqualTo(422);
	}

}
