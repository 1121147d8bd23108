package com.tpwallet.walletdesk.platform;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The four languages walletdesk serves, as BCP 47 tags: zh-CN, en, fr, de. */
public final class Languages {

	public static final List<Locale> SUPPORTED = List.of(Locale.forLanguageTag("zh-CN"), Locale.ENGLISH, Locale.FRENCH,
			Locale.GERMAN);

	public static final Locale DEFAULT = Locale.ENGLISH;

	private Languages() {
	}

	/**
	 * The supported locale a tag such as {@code fr-CA}, {@code zh} or {@code zh-Hans-CN}
	 * stands for.
	 */
	public static Optional<Locale> match(String tag) {
		if (tag == null || tag.isBlank()) {
			return Optional.empty();
		}
		Locale wanted = Locale.forLanguageTag(tag.trim().replace('_', '-'));
		return SUPPORTED.stream().filter(l -> l.getLanguage().equals(wanted.getLanguage())).findFirst();
	}

	public static boolean isSupported(String tag) {
		return tag != null && SUPPORTED.stream().anyMatch(l -> l.toLanguageTag().equals(tag));
	}

	public static String tagOf(Locale locale) {
		return match(locale.toLanguageTag()).orElse(DEFAULT).toLanguageTag();
	}

}
