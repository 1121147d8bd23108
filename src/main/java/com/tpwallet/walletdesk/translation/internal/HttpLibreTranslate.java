package com.tpwallet.walletdesk.translation.internal;

import com.tpwallet.walletdesk.platform.HttpPartner;
import com.tpwallet.walletdesk.platform.Refusal;
import com.tpwallet.walletdesk.translation.TranslationUnavailable;
import com.tpwallet.walletdesk.translation.Translator;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * LibreTranslate (self-hostable): {@code POST /translate {q, source, target, format,
 * api_key?}} → {@code {translatedText, detectedLanguage?}}. Languages as LibreTranslate
 * names them ({@code zh} for zh-CN). Any failure (unreachable, an error status, an empty
 * answer) is recorded and refused as {@code translation_unavailable}.
 */
class HttpLibreTranslate implements Translator {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final RestClient http;

	private final @Nullable String apiKey;

	private final TranslationFailures failures;

	HttpLibreTranslate(RestClient.Builder builder, String url, @Nullable String apiKey, Duration timeout,
			TranslationFailures failures) {
		this.http = HttpPartner.client(builder, url, timeout).build();
		this.apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey;
		this.failures = failures;
	}

	@Override
	public String provider() {
		return "libretranslate";
	}

	@Override
	public String translate(String text, @Nullable String source, String target) {
		if (target.equals(source)) {
			return text;
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("q", text);
		body.put("source", source == null ? "auto" : code(source));
		body.put("target", code(target));
		body.put("format", "text");
		if (apiKey != null) {
			body.put("api_key", apiKey);
		}
		JsonNode answer;
		try {
			// a whole body with its length: LibreTranslate's server does not read chunked
			// requests
			byte[] json = JSON.writeValueAsBytes(body);
			answer = http.post()
				.uri("/translate")
				.contentType(MediaType.APPLICATION_JSON)
				.contentLength(json.length)
				.body(json)
				.retrieve()
				.body(JsonNode.class);
		}
		catch (RestClientException e) {
			throw unavailable(e.getClass().getSimpleName() + ": " + e.getMessage());
		}
		String translated = answer == null ? "" : answer.path("translatedText").asString("");
		if (translated.isBlank()) {
			throw unavailable("an empty translation");
		}
		return translated;
	}

	private TranslationUnavailable unavailable(String reason) {
		return unavailable(reason, TranslationUnavailable.Reason.TRANSLATOR_FAILED);
	}

	private TranslationUnavailable unavailable(String reason, TranslationUnavailable.Reason why) {
		failures.record(provider(), reason);
		return new TranslationUnavailable(why);
	}

	/** LibreTranslate's language codes. */
	static String code(String language) {
		return language.equals("zh-CN") ? "zh" : language;
	}

}
