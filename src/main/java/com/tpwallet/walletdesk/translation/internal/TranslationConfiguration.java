package com.tpwallet.walletdesk.translation.internal;

import com.tpwallet.walletdesk.translation.Translator;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

/** The translator: LibreTranslate when its URL is set, none otherwise. */
@Configuration(proxyBeanMethods = false)
class TranslationConfiguration {

	@Bean
	Translator translator(RestClient.Builder builder,
			@Value("${walletdesk.translation.libretranslate.url:}") String url,
			@Value("${walletdesk.translation.libretranslate.api-key:}") String apiKey,
			@Value("${walletdesk.translation.timeout:PT10S}") Duration timeout, TranslationFailures failures) {
		return url.isBlank() ? new NoTranslator() : new HttpLibreTranslate(builder, url, apiKey, timeout, failures);
	}

}
