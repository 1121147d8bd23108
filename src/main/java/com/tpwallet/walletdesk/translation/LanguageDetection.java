package com.tpwallet.walletdesk.translation;

import java.util.Optional;

/** Which served language (zh-CN, en, fr, de) a piece of customer text is written in. */
public interface LanguageDetection {

	/**
	 * The language of {@code text}, or empty when the text gives no reliable sign
	 * (digits, emoji, one letter).
	 */
	Optional<String> detect(String text);

}
