package com.tpwallet.walletdesk.translation.internal;

import com.tpwallet.walletdesk.translation.Translator;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

/**
 * The translator: LibreTranslate when its URL is set, else DeepL when its key is set,
 * else none (there is no offline engine for these four languages to install here).
 */
@Configuration(proxyBeanMethods = false)
class TranslationConfiguration {

	@Bean
	Translator translator(RestClient.Builder builder,
			@Value("${walletdesk.translation.libretranslate.url:}") String libreUrl,
			@Value("${walletdesk.translation.libretranslate.api-key:}") String libreKey,
			@Value("${walletdesk.translation.deepl.api-key:}") String deeplKey,
			@Value("${walletdesk.translation.deepl.url:}") String deeplUrl,
			@Value("${walletdesk.translation.timeout:PT10S}") Duration timeout,
			@Value("${walletdesk.translation.attempts:3}") int attempts,
			@Value("${walletdesk.translation.retry-pause:PT0.5S}") Duration pause, TranslationFailures failures,
			Glossary glossary) {
		if (!libreUrl.isBlank()) {
			return new GuardedTranslator(new HttpLibreTranslate(builder, libreUrl, libreKey, timeout, failures),
					glossary, failures);
		}
		if (!deeplKey.isBlank()) {
			return new GuardedTranslator(new HttpDeepL(builder, deeplKey, deeplUrl, timeout, attempts, pause, failures),
					glossary, failures);
		}
		return new NoTranslator();
	}

}
