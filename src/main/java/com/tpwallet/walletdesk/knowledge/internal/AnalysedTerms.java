package com.tpwallet.walletdesk.knowledge.internal;

import com.tpwallet.walletdesk.knowledge.TextTerms;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.springframework.stereotype.Component;

/** {@link TextTerms} through the knowledge base's own analysis chains. */
@Component
class AnalysedTerms implements TextTerms {

	private final LanguageAnalyzers analyzers;

	AnalysedTerms(LanguageAnalyzers analyzers) {
		this.analyzers = analyzers;
	}

	@Override
	public List<String> words(String text, String language) {
		return tokens(analyzers.words(served(language)), text);
	}

	@Override
	public List<String> stems(String text, String language) {
		return tokens(analyzers.questions(served(language)), text);
	}

	@Override
	public java.util.Set<String> features(String text, String language) {
		java.util.Set<String> features = new java.util.TreeSet<>();
		String previous = "^";
		for (String w : words(text, language)) {
			features.add("w=" + w);
			features.add("b=" + previous + "_" + w);
			previous = w;
			if (w.codePoints().noneMatch(AnalysedTerms::isHan)) {
				String padded = "#" + w + "#";
				for (int i = 0; i + 3 <= padded.length(); i++) {
					features.add("c=" + padded.substring(i, i + 3));
				}
			}
		}
		for (String stem : stems(text, language)) {
			features.add("s=" + stem);
		}
		int[] han = text.codePoints().filter(AnalysedTerms::isHan).toArray();
		for (int i = 0; i < han.length; i++) {
			features.add("h=" + Character.toString(han[i]));
			if (i + 1 < han.length) {
				features.add("h=" + Character.toString(han[i]) + Character.toString(han[i + 1]));
			}
		}
		return features;
	}

	private static boolean isHan(int codePoint) {
		return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
	}

	private static String served(String language) {
		return LanguageAnalyzers.LANGUAGES.contains(language) ? language : "en";
	}

	private static List<String> tokens(Analyzer analyzer, String text) {
		List<String> out = new ArrayList<>();
		try (TokenStream stream = analyzer.tokenStream("text", text)) {
			CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
			stream.reset();
			while (stream.incrementToken()) {
				out.add(term.toString());
			}
			stream.end();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out;
	}

}
