package com.tpwallet.walletdesk.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class CallerLocaleResolverUnitTest {

	@Test
	void picksTheFirstServedLanguageOfAcceptLanguage() {
		assertThat(CallerLocaleResolver.fromHeader("ja, fr-CA;q=0.8, en;q=0.5")).contains(Locale.FRENCH);
		assertThat(CallerLocaleResolver.fromHeader("zh-Hans-CN")).contains(Locale.forLanguageTag("zh-CN"));
		assertThat(CallerLocaleResolver.fromHeader("de-AT")).contains(Locale.GERMAN);
	}

	@Test
	void ignoresHeadersNamingNoServedLanguageOrMalformedOnes() {
		assertThat(CallerLocaleResolver.fromHeader("ja")).isEmpty();
		assertThat(CallerLocaleResolver.fromHeader(";;;=")).isEmpty();
		assertThat(CallerLocaleResolver.fromHeader(null)).isEmpty();
	}

}
