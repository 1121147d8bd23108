package com.tpwallet.walletdesk.translation.internal;

import com.tpwallet.walletdesk.translation.TranslationUnavailable;
import com.tpwallet.walletdesk.translation.Translator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Every translation, whatever the provider, goes through the wallet's rules: the
 * glossary's term replaces the variants a translator may choose (Abhebung → Auszahlung),
 * and what must come through unchanged (amounts, ticket numbers, transaction references,
 * card endings, dates) is checked; a translation that breaks one is rejected, recorded,
 * and refused as {@code translation_unavailable}, so a person takes over.
 */
class GuardedTranslator implements Translator {

	/**
	 * Tokens that must survive: references (P2026…), dates, ticket numbers (#123), card
	 * endings (****4242), amounts and other numbers.
	 */
	static final Pattern FIXED = Pattern
		.compile("[A-Z]\\d{6,}|\\d{4}-\\d{2}-\\d{2}|#\\d+|\\*{2,}\\d{2,4}|\\d+(?:[.,:]\\d+)*");

	private final Translator provider;

	private final Glossary glossary;

	private final TranslationFailures failures;

	GuardedTranslator(Translator provider, Glossary glossary, TranslationFailures failures) {
		this.provider = provider;
		this.glossary = glossary;
		this.failures = failures;
	}

	@Override
	public String provider() {
		return provider.provider();
	}

	@Override
	public String translate(String text, @Nullable String source, String target) {
		if (target.equals(source)) {
			return text;
		}
		String translated = glossary.apply(provider.translate(text, source, target), target);
		List<String> lost = lost(text, translated);
		if (!lost.isEmpty()) {
			failures.record(provider(), "changed " + String.join(", ", lost));
			throw new TranslationUnavailable(TranslationUnavailable.Reason.CHECK_FAILED);
		}
		return translated;
	}

	/** What must come through unchanged and is missing from the translation. */
	static List<String> lost(String original, String translated) {
		List<String> missing = new ArrayList<>();
		List<String> fixed = new ArrayList<>();
		Matcher m = FIXED.matcher(original);
		while (m.find()) {
			fixed.add(m.group());
		}
		fixed.sort(Comparator.comparingInt(String::length).reversed());
		String rest = translated;
		for (String token : fixed) {
			int at = rest.indexOf(token);
			if (at < 0) {
				missing.add(token);
			}
			else {
				rest = rest.substring(0, at) + rest.substring(at + token.length());
			}
		}
		return missing;
	}

}
