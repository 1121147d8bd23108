package com.tpwallet.walletdesk.translation.internal;

import com.optimaize.langdetect.DetectedLanguage;
import com.optimaize.langdetect.LanguageDetector;
import com.optimaize.langdetect.LanguageDetectorBuilder;
import com.optimaize.langdetect.ngram.NgramExtractors;
import com.optimaize.langdetect.profiles.LanguageProfile;
import com.optimaize.langdetect.profiles.LanguageProfileReader;
import com.optimaize.langdetect.text.TextObjectFactory;
import com.optimaize.langdetect.text.TextObjectFactoryBuilder;
import com.optimaize.langdetect.text.UrlTextFilter;
import com.tpwallet.walletdesk.translation.LanguageDetection;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;

/**
 * Character n-gram profiles of English, French and German (the library's profiles for
 * short text), about 3 MB of heap; ADR 0015 says why not Lingua, whose models for the
 * same three languages took 84 MB. Text with Chinese characters in it is Chinese:
 * customers in China mix English product words into Chinese sentences (a Chinese sentence
 * about a "withdrawal" that has not arrived, say), never the other way round.
 */
@Service
class OptimaizeLanguageDetection implements LanguageDetection {

	private static final int SAMPLE = 600;

	private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

	private static final Pattern LETTERS = Pattern.compile("\\p{L}{2,}");

	private static final List<String> LETTERED = List.of("en", "fr", "de");

	// a few sentences decide; a long mail's rest only costs time. Links and
	// addresses are no language.
	private final TextObjectFactory texts = new TextObjectFactoryBuilder().maxTextLength(SAMPLE)
		.withTextFilter(UrlTextFilter.getInstance())
		.build();

	@Override
	public Optional<String> detect(String text) {
		if (HAN.matcher(text).find()) {
			return Optional.of("zh-CN");
		}
		if (!LETTERS.matcher(text).find()) {
			return Optional.empty();
		}
		List<DetectedLanguage> likeliest = Profiles.DETECTOR.getProbabilities(texts.forText(text));
		return likeliest.stream().findFirst().map(language -> language.getLocale().getLanguage());
	}

	/** Read on the first text that needs them, not at every start. */
	private static final class Profiles {

		static final LanguageDetector DETECTOR = LanguageDetectorBuilder.create(NgramExtractors.standard())
			.withProfiles(read())
			.build();

		private static List<LanguageProfile> read() {
			LanguageProfileReader reader = new LanguageProfileReader();
			List<LanguageProfile> profiles = new ArrayList<>();
			for (String language : LETTERED) {
				try (InputStream profile = LanguageProfileReader.class
					.getResourceAsStream("/languages.shorttext/" + language)) {
					profiles.add(reader.read(profile));
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}
			return profiles;
		}

	}

}
