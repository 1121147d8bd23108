package com.tpwallet.walletdesk.translation.internal;

import com.tpwallet.walletdesk.platform.HttpPartner;
import com.tpwallet.walletdesk.platform.Refusal;
import com.tpwallet.walletdesk.translation.TranslationUnavailable;
import com.tpwallet.walletdesk.translation.Translator;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.client.HttpStatusCodeException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * DeepL: {@code POST /v2/translate} with {@code Authorization: DeepL-Auth-Key <key>},
 * {@code {text: [...], target_lang, source_lang?}} → {@code {translations:
 * [{detected_source_language, text}]}}. Keys ending in {@code :fx} use the free endpoint.
 * 429 and 5xx are retried with a growing pause; 456 means the quota is used up. Anything
 * that does not end in a translation is recorded and refused as
 * {@code translation_unavailable}.
 */
class HttpDeepL implements Translator {

	static final String PRO = "https://api.deepl.com";

	static final String FREE = "https://api-free.deepl.com";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final RestClient http;

	private final TranslationFailures failures;

	private final int attempts;

	private final Duration pause;

	HttpDeepL(RestClient.Builder builder, String apiKey, @Nullable String url, Duration timeout, int attempts,
			Duration pause, TranslationFailures failures) {
		this.http = HttpPartner.client(builder, baseUrl(apiKey, url), timeout)
			.defaultHeader("Authorization", "DeepL-Auth-Key " + apiKey)
			.build();
		this.attempts = attempts;
		this.pause = pause;
		this.failures = failures;
	}

	/** The free API for keys ending in {@code :fx}, unless a URL is configured. */
	static String baseUrl(String apiKey, @Nullable String url) {
		if (url != null && !url.isBlank()) {
			return url.replaceAll("/+$", "");
		}
		return apiKey.endsWith(":fx") ? FREE : PRO;
	}

	@Override
	public String provider() {
		return "deepl";
	}

	@Override
	public String translate(String text, @Nullable String source, String target) {
		if (target.equals(source)) {
			return text;
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("text", List.of(text));
		body.put("target_lang", targetCode(target));
		if (source != null) {
			body.put("source_lang", sourceCode(source));
		}
		byte[] json = JSON.writeValueAsBytes(body);
		String reason = "no answer";
		for (int attempt = 1; attempt <= attempts; attempt++) {
			try {
				JsonNode answer = http.post()
					.uri("/v2/translate")
					.contentType(MediaType.APPLICATION_JSON)
					.contentLength(json.length)
					.body(json)
					.retrieve()
					.body(JsonNode.class);
				String translated = answer == null ? "" : answer.path("translations").path(0).path("text").asString("");
				if (translated.isBlank()) {
					throw unavailable("an empty translation");
				}
				return translated;
			}
			catch (HttpStatusCodeException e) {
				int status = e.getStatusCode().value();
				if (status == 456) {
					throw unavailable("quota used up (456)", TranslationUnavailable.Reason.OVER_QUOTA);
				}
				if (status != 429 && status < 500) {
					throw unavailable("refused (" + status + ")");
				}
				reason = "busy (" + status + ")";
			}
			catch (RestClientException e) {
				reason = e.getClass().getSimpleName();
			}
			sleep(pause.multipliedBy(1L << (attempt - 1)));
		}
		throw unavailable(reason + " after " + attempts + " attempts");
	}

	private static void sleep(Duration d) {
		try {
			Thread.sleep(d.toMillis());
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	private TranslationUnavailable unavailable(String reason) {
		return unavailable(reason, TranslationUnavailable.Reason.TRANSLATOR_FAILED);
	}

	private TranslationUnavailable unavailable(String reason, TranslationUnavailable.Reason why) {
		failures.record(provider(), reason);
		return new TranslationUnavailable(why);
	}

	static String targetCode(String language) {
		return switch (language) {
			case "zh-CN" -> "ZH-HANS";
			case "en" -> "EN-GB";
			default -> language.toUpperCase(java.util.Locale.ROOT);
		};
	}

	static String sourceCode(String language) {
		return language.equals("zh-CN") ? "ZH" : language.toUpperCase(java.util.Locale.ROOT);
	}

}
