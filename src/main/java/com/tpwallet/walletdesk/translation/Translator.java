package com.tpwallet.walletdesk.translation;

import org.jspecify.annotations.Nullable;

/**
 * Machine translation between the served languages (zh-CN, en, fr, de), behind a port:
 * LibreTranslate when {@code walletdesk.translation.libretranslate.url} is set, else
 * none. A translation that cannot be had throws a {@code Refusal}
 * {@code translation_unavailable} (503): the caller then falls back to a person who
 * speaks the language, and never sends an untranslated or empty text.
 */
public interface Translator {

	/** The provider in use: {@code libretranslate}, or {@code none}. */
	String provider();

	/**
	 * {@code text} from {@code source} (null: the provider detects it) into
	 * {@code target}; same-language text is returned as it is, never sent.
	 */
	String translate(String text, @Nullable String source, String target);

}
