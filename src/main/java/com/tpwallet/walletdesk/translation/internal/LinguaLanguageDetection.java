package com.tpwallet.walletdesk.translation.internal;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import com.tpwallet.walletdesk.translation.LanguageDetection;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;

/**
 * Lingua, restricted to the four served languages (which keeps its models small and its
 * answers sharp on the short texts customers write). Text with Chinese characters in it
 * is Chinese: customers in China mix English product words into Chinese sentences (a
 * Chinese sentence about a "withdrawal" that has not arrived, say), never the other way
 * round.
 */
@Service
class LinguaLanguageDetection implements LanguageDetection {

	private static final int SAMPLE = 600;

	private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

	private static final Pattern LETTERS = Pattern.compile("\\p{L}{2,}");

	private static final Map<Language, String> TAGS = Map.of(Language.CHINESE, "zh-CN", Language.ENGLISH, "en",
			Language.FRENCH, "fr", Language.GERMAN, "de");

	private final LanguageDetector detector = LanguageDetectorBuilder
		.fromLanguages(Language.CHINESE, Language.ENGLISH, Language.FRENCH, Language.GERMAN)
		.build();

	@Override
	public Optional<String> detect(String text) {
		if (HAN.matcher(text).find()) {
			return Optional.of("zh-CN");
		}
		if (!LETTERS.matcher(text).find()) {
			return Optional.empty();
		}
		// a few sentences decide; a long mail's rest only costs time (n-grams grow with
		// it)
		String sample = text.length() > SAMPLE ? text.substring(0, SAMPLE) : text;
		return Optional.ofNullable(TAGS.get(detector.detectLanguageOf(sample)));
	}

}
