package com.tpwallet.walletdesk.translation;

import com.tpwallet.walletdesk.platform.Refusal;

/**
 * No translation can be had ({@code translation_unavailable}, 503), and why: the caller
 * hands the conversation to a person who speaks the language and says so to supervisors,
 * who count the fallbacks by reason.
 */
public class TranslationUnavailable extends Refusal {

	/** Why machine translation could not carry the text. */
	public enum Reason {

		/** no translator is configured */
		NO_TRANSLATOR,
		/** the translator failed or did not answer */
		TRANSLATOR_FAILED,
		/** the translator's quota is used up */
		OVER_QUOTA,
		/** the translation broke the glossary or an amount, date, number or reference */
		CHECK_FAILED;

		public String code() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

	}

	private final Reason reason;

	public TranslationUnavailable(Reason reason) {
		super(Kind.UNAVAILABLE, "translation_unavailable");
		this.reason = reason;
	}

	public Reason reason() {
		return reason;
	}

}
