package com.tpwallet.walletdesk.translation.internal;

import com.tpwallet.walletdesk.translation.TranslationUnavailable;
import com.tpwallet.walletdesk.translation.Translator;
import org.jspecify.annotations.Nullable;

/**
 * No translator configured (the default: there is no offline engine for these four
 * languages to install here, and the product never pretends to have one). Every
 * translation is unavailable; people who speak the language take over.
 */
class NoTranslator implements Translator {

	@Override
	public String provider() {
		return "none";
	}

	@Override
	public String translate(String text, @Nullable String source, String target) {
		if (target.equals(source)) {
			return text;
		}
		throw new TranslationUnavailable(TranslationUnavailable.Reason.NO_TRANSLATOR);
	}

}
