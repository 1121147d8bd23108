package com.tpwallet.walletdesk.support;

import com.tpwallet.walletdesk.translation.TranslationUnavailable;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Why a conversation went to a person who speaks the customer's language instead of
 * machine translation; supervisors count conversations by these reasons.
 */
public enum HumanFallback {

	/** no translator is configured */
	NO_TRANSLATOR,
	/** the translator failed or did not answer */
	TRANSLATOR_FAILED,
	/** the translator's quota is used up */
	OVER_QUOTA,
	/** a translation broke the glossary or a number */
	CHECK_FAILED,
	/** the agent or the customer said a translation was unclear */
	FLAGGED_UNCLEAR,
	/** a dispute is always handled in the customer's own language */
	DISPUTE;

	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static List<String> codes() {
		return Arrays.stream(values()).map(HumanFallback::code).toList();
	}

	/** The fallback a failed translation calls for. */
	public static HumanFallback of(TranslationUnavailable unavailable) {
		return valueOf(unavailable.reason().name());
	}

}
