package com.tpwallet.walletdesk.feedback.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * What feedback is about beyond its product area ({@code feedback/themes.tsv}: holidays,
 * slowness, fees, a crash...), in any of the four languages. Feedback with the same area
 * and the same leading themes is one group, whatever its language and kind: "withdrawals
 * over the holidays are slow" said 213 times in four languages is one line for the
 * product team.
 */
@Component
class Themes {

	/** Themes beyond these two do not split a group further. */
	static final int IN_SIGNATURE = 2;

	private final Map<String, List<String>> themes = new LinkedHashMap<>();

	Themes() {
		String file;
		try {
			file = new ClassPathResource("feedback/themes.tsv").getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		file.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).forEach(l -> {
			String[] f = l.split("\\t");
			themes.put(f[0], Arrays.stream(f[1].split(", ")).map(TextFeatures::normalise).toList());
		});
	}

	/** The themes a text touches, in the file's order (the more specific first). */
	List<String> of(String text) {
		String plain = " " + TextFeatures.normalise(text) + " ";
		return themes.entrySet()
			.stream()
			.filter(t -> t.getValue().stream().anyMatch(plain::contains))
			.map(Map.Entry::getKey)
			.limit(IN_SIGNATURE)
			.toList();
	}

	/**
	 * The group a piece of feedback belongs to: its area and themes, or its area and
	 * kind.
	 */
	static String signature(String area, List<String> themes, String kind) {
		return themes.isEmpty() ? area + "|kind:" + kind : area + "|" + String.join("+", themes);
	}

}
