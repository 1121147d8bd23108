package com.tpwallet.walletdesk.translation.internal;

import com.tpwallet.walletdesk.translation.LanguageDetection;

/** Lets tests of other modules use the real detector without a Spring context. */
public final class LinguaLanguageDetectionAccess {

	private LinguaLanguageDetectionAccess() {
	}

	public static LanguageDetection create() {
		return new LinguaLanguageDetection();
	}

}
