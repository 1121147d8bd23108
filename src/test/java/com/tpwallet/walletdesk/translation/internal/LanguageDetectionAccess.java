package com.tpwallet.walletdesk.translation.internal;

import com.tpwallet.walletdesk.translation.LanguageDetection;

/** Lets tests of other modules use the real detector without a Spring context. */
public final class LanguageDetectionAccess {

	private LanguageDetectionAccess() {
	}

	public static LanguageDetection create() {
		return new OptimaizeLanguageDetection();
	}

}
