package com.tpwallet.walletdesk.translation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import com.tpwallet.walletdesk.IntegrationTest;
import com.tpwallet.walletdesk.platform.Refusal;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The DeepL adapter against a local server that speaks DeepL's API, errors included. */
@IntegrationTest
class HttpDeepLTest {

	record Seen(String path, String authorization, JsonNode body) {
	}

	@Autowired
	TranslationFailures failures;

	HttpServer server;

	final List<Seen> seen = new CopyOnWriteArrayList<>();

	/** The statuses to answer, in order; then 200. */
	final Queue<Integer> statuses = new ConcurrentLinkedQueue<>();

	@BeforeEach
	void start() throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/", exchange -> {
			JsonNode body = JsonMapper.builder().build().readTree(exchange.getRequestBody().readAllBytes());
			seen.add(new Seen(exchange.getRequestURI().getPath(),
					exchange.getRequestHeaders().getFirst("Authorization"), body));
			Integer status = statuses.poll();
			byte[] answer = status == null
					? ("{\"translations\": [{\"detected_source_language\": \"ZH\", \"text\": \"<"
							+ body.path("target_lang").asString() + "> " + body.path("text").path(0).asString()
							+ "\"}]}")
						.getBytes(StandardCharsets.UTF_8)
					: "{\"message\": \"no\"}".getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(status == null ? 200 : status, answer.length);
			exchange.getResponseBody().write(answer);
			exchange.close();
		});
		server.start();
	}

	@AfterEach
	void stop() {
		server.stop(0);
	}

	HttpDeepL deepl() {
		return new HttpDeepL(RestClient.builder(), "secret-key:fx", "http://127.0.0.1:" + server.getAddress().getPort(),
				Duration.ofSeconds(5), 3, Duration.ofMillis(1), failures);
	}

	@Test
	void aTranslationIsAskedWithTheKeyAndDeepLsLanguageCodes() {
		assertThat(deepl().translate("您的提现明天到账。", "zh-CN", "de")).isEqualTo("<DE> 您的提现明天到账。");
		Seen request = seen.get(0);
		assertThat(request.path()).isEqualTo("/v2/translate");
		assertThat(request.authorization()).isEqualTo("DeepL-Auth-Key secret-key:fx");
		assertThat(request.body().path("text").isArray()).isTrue();
		assertThat(request.body().path("source_lang").asString()).isEqualTo("ZH");
		assertThat(deepl().translate("Hallo", "de", "zh-CN")).isEqualTo("<ZH-HANS> Hallo");
	}

	@Test
	void tooManyRequestsAndServerErrorsAreRetriedWithAPause() {
		statuses.addAll(List.of(429, 503));
		assertThat(deepl().translate("Bonjour", "fr", "en")).isEqualTo("<EN-GB> Bonjour");
		assertThat(seen).hasSize(3);
	}

	@Test
	void aUsedUpQuotaIsNotRetriedAndIsRecorded() {
		statuses.add(456);
		assertThatThrownBy(() -> deepl().translate("Bonjour", "fr", "en"))
			.isInstanceOfSatisfying(com.tpwallet.walletdesk.translation.TranslationUnavailable.class, r -> {
				assertThat(r.code()).isEqualTo("translation_unavailable");
				assertThat(r.reason())
					.isEqualTo(com.tpwallet.walletdesk.translation.TranslationUnavailable.Reason.OVER_QUOTA);
			});
		assertThat(seen).hasSize(1);
		assertThat(failures.last().reason()).contains("quota");
	}

	@Test
	void aServiceThatStaysBusyEndsInTheFallbackAfterItsAttempts() {
		statuses.addAll(List.of(500, 500, 500));
		assertThatThrownBy(() -> deepl().translate("Hallo", "de", "en")).isInstanceOfSatisfying(
				com.tpwallet.walletdesk.translation.TranslationUnavailable.class, r -> assertThat(r.reason())
					.isEqualTo(com.tpwallet.walletdesk.translation.TranslationUnavailable.Reason.TRANSLATOR_FAILED));
		assertThat(seen).hasSize(3);
	}

	@Test
	void freeKeysUseTheFreeEndpoint() {
		assertThat(HttpDeepL.baseUrl("abc:fx", null)).isEqualTo(HttpDeepL.FREE);
		assertThat(HttpDeepL.baseUrl("abc", "")).isEqualTo(HttpDeepL.PRO);
		assertThat(HttpDeepL.baseUrl("abc", "http://deepl.local/")).isEqualTo("http://deepl.local");
	}

	@Test
	void sameLanguageTextIsNeverSent() {
		assertThat(deepl().translate("Hallo", "de", "de")).isEqualTo("Hallo");
		assertThat(seen).isEmpty();
	}

}
