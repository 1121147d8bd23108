package com.tpwallet.walletdesk.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import com.tpwallet.walletdesk.Api.Response;
import com.tpwallet.walletdesk.HttpTestBase;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

class AnswerApiIntegrationTest extends HttpTestBase {

	@Test
	void anyoneGetsTheBestArticlesInTheLanguageTheyWroteIn() {
		Response zh = api.post("/api/v1/answers", Map.of("question", "我忘记登录密码了，怎么找回？"), null);
		assertThat(zh.status()).isEqualTo(200);
		assertThat(zh.text("language")).isEqualTo("zh-CN");
		assertThat(zh.body().path("confident").asBoolean()).isTrue();
		assertThat(zh.body().path("articles").get(0).path("slug").asString()).isEqualTo("forgot-password");
		assertThat(zh.body().path("articles").get(0).path("title").asString()).isEqualTo("忘记登录密码");
		assertThat(zh.body().path("articles").get(0).path("score").asDouble()).isPositive();

		Response de = api.post("/api/v1/answers", Map.of("question", "auszahlung nicht angekommen"), null);
		assertThat(de.text("language")).isEqualTo("de");
		assertThat(de.body().path("articles").get(0).path("title").asString())
			.isEqualTo("Meine Auszahlung ist nicht angekommen");
	}

	@Test
	void aGivenLanguageDecidesTheTitles() {
		Response fr = api.post("/api/v1/answers", Map.of("question", "withdrawal", "language", "fr"), null);
		assertThat(fr.text("language")).isEqualTo("fr");
		assertThat(fr.body().path("articles").get(0).path("slug").asString()).isEqualTo("withdrawal-delayed");
		assertThat(fr.body().path("articles").get(0).path("title").asString())
			.isEqualTo("Mon retrait n’est pas arrivé");
	}

	@Test
	void aQuestionNothingAnswersGetsNoArticlesAndNoConfidence() {
		Response none = api.post("/api/v1/answers", Map.of("question", "xqzv wkkrp"), null);
		assertThat(none.status()).isEqualTo(200);
		assertThat(none.body().path("confident").asBoolean()).isFalse();
		assertThat(none.body().path("articles")).isEmpty();
	}

	@Test
	void badQuestionsAreRefusedClearly() {
		assertThat(api.post("/api/v1/answers", Map.of("question", " "), null).status()).isEqualTo(400);
		assertThat(api.post("/api/v1/answers", Map.of("question", "x".repeat(1001)), null).status()).isEqualTo(400);
		Map<String, Object> klingon = new HashMap<>(Map.of("question", "password", "language", "tlh"));
		Response refused = api.post("/api/v1/answers", klingon, null);
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.code()).isEqualTo("unsupported_language");
	}

	@Test
	void theLongestQuestionsAreAnsweredFromTheirFirstWords() {
		StringBuilder words = new StringBuilder("withdrawal not arrived");
		for (int i = 0; words.length() < 990; i++) {
			words.append(" w").append(i);
		}
		Response many = api.post("/api/v1/answers", Map.of("question", words.toString()), null);
		assertThat(many.status()).isEqualTo(200);
		assertThat(many.body().path("articles").get(0).path("slug").asString()).isEqualTo("withdrawal-delayed");
		Response emoji = api.post("/api/v1/answers", Map.of("question", "提现没到账" + "\uD83D\uDE00".repeat(490)), null);
		assertThat(emoji.status()).isEqualTo(200);
		assertThat(emoji.body().path("articles").get(0).path("slug").asString()).isEqualTo("withdrawal-delayed");
	}

	@Test
	void anArticleIsFoundAsSoonAsItIsPublishedAndNotBefore() {
		String slug = "quokka-" + ThreadLocalRandom.current().nextInt(1_000_000);
		String supervisor = api.staffToken("SUPERVISOR");
		api.call("PUT", "/api/v1/staff/articles/" + slug + "/en", Map.of("title", "Quokka stickers", "body",
				"How to collect quokka stickers.", "keywords", "quokka sticker album"), supervisor);
		assertThat(api.post("/api/v1/answers", Map.of("question", "quokka stickers"), null)
			.body()
			.findValuesAsString("slug")).as("a draft is not an answer").doesNotContain(slug);
		api.call("PUT", "/api/v1/staff/articles/" + slug + "/en",
				Map.of("title", "Quokka stickers", "body", "How to collect quokka stickers.", "status", "published"),
				supervisor);
		Response found = api.post("/api/v1/answers", Map.of("question", "quokka stickers"), null);
		assertThat(found.body().path("articles").get(0).path("slug").asString()).isEqualTo(slug);
		api.call("PUT", "/api/v1/staff/articles/" + slug + "/en",
				Map.of("title", "Quokka stickers", "body", "Gone.", "status", "draft"), supervisor);
		assertThat(api.post("/api/v1/answers", Map.of("question", "quokka stickers"), null)
			.body()
			.findValuesAsString("slug")).doesNotContain(slug);
	}

}
