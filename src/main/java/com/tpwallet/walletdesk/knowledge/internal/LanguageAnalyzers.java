package com.tpwallet.walletdesk.knowledge.internal;

import com.hankcs.hanlp.dictionary.CustomDictionary;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.compound.DictionaryCompoundWordTokenFilter;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.de.GermanLightStemFilter;
import org.apache.lucene.analysis.de.GermanNormalizationFilter;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.fr.FrenchLightStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.RemoveDuplicatesTokenFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.util.ElisionFilter;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ClassPathResource;

/**
 * One analysis chain per served language, used both to index articles and to read
 * questions:
 * <ul>
 * <li>zh-CN: HanLP word segmentation with the wallet's own dictionary;</li>
 * <li>en: Porter stemming; fr: elision and light stemming; de: compound splitting on
 * wallet words, umlaut normalisation and light stemming;</li>
 * <li>all: lower case, stop words (the standard lists plus the filler of customer
 * questions), accents folded.</li>
 * </ul>
 * Questions also go through the maintained synonym list of their language (提现/取现, top
 * up/recharge …) right after lower-casing, so that entries are written as customers type
 * them and the words they stand for are then stemmed like any other word.
 */
final class LanguageAnalyzers {

	static final List<String> LANGUAGES = List.of("zh-CN", "en", "fr", "de");

	private static final String DIR = "knowledge/search/";

	/**
	 * One language's chain, split where the synonyms go in: after lower-casing, before
	 * stop words and stemming.
	 */
	private record Chain(Supplier<Tokenizer> tokenizer, Function<TokenStream, TokenStream> surface,
			Function<TokenStream, TokenStream> normal) {

		Analyzer analyzer(boolean normalise, @Nullable SynonymMap synonyms) {
			return new Analyzer() {
				@Override
				protected TokenStreamComponents createComponents(String fieldName) {
					Tokenizer source = tokenizer.get();
					TokenStream stream = surface.apply(source);
					if (synonyms != null) {
						stream = new SynonymGraphFilter(stream, synonyms, true);
					}
					return new TokenStreamComponents(source, normalise ? normal.apply(stream) : stream);
				}
			};
		}
	}

	private final Map<String, Analyzer> indexing = new HashMap<>();

	private final Map<String, Analyzer> questions = new HashMap<>();

	private final Map<String, Analyzer> words = new HashMap<>();

	LanguageAnalyzers() {
		lines("zh-dictionary.txt").forEach(word -> CustomDictionary.insert(word, "nz 1024"));
		Map<String, Chain> chains = Map.of("zh-CN", chinese(), "en", english(), "fr", french(), "de", german());
		chains.forEach((language, chain) -> {
			indexing.put(language, chain.analyzer(true, null));
			SynonymMap synonyms = synonyms(language, chain.analyzer(false, null));
			questions.put(language, chain.analyzer(true, synonyms));
			words.put(language, chain.analyzer(false, synonyms));
		});
	}

	Analyzer indexing(String language) {
		return indexing.get(language);
	}

	Analyzer questions(String language) {
		return questions.get(language);
	}

	/**
	 * A customer's words as typed (lower case, synonyms added), stop words kept: "not",
	 * "how" and "would" say what kind of message it is.
	 */
	Analyzer words(String language) {
		return words.get(language);
	}

	private Chain chinese() {
		CharArraySet stop = stopWords("zh-CN", CharArraySet.EMPTY_SET);
		return new Chain(HanLpTokenizer::new, LowerCaseFilter::new, in -> new StopFilter(in, stop));
	}

	private Chain english() {
		CharArraySet stop = stopWords("en", EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
		return new Chain(StandardTokenizer::new, in -> new LowerCaseFilter(new EnglishPossessiveFilter(in)),
				in -> new ASCIIFoldingFilter(new PorterStemFilter(new StopFilter(in, stop))));
	}

	private Chain french() {
		CharArraySet stop = stopWords("fr", FrenchAnalyzer.getDefaultStopSet());
		CharArraySet articles = new CharArraySet(
				Arrays.asList("l", "m", "t", "qu", "n", "s", "j", "d", "c", "jusqu", "quoiqu", "lorsqu", "puisqu"),
				true);
		return new Chain(StandardTokenizer::new, in -> new LowerCaseFilter(new ElisionFilter(in, articles)),
				in -> new ASCIIFoldingFilter(new FrenchLightStemFilter(new StopFilter(in, stop))));
	}

	private Chain german() {
		CharArraySet stop = stopWords("de", GermanAnalyzer.getDefaultStopSet());
		CharArraySet parts = new CharArraySet(lines("de-compound-parts.txt"), true);
		return new Chain(StandardTokenizer::new, LowerCaseFilter::new, in -> new RemoveDuplicatesTokenFilter(
				new ASCIIFoldingFilter(new GermanLightStemFilter(new GermanNormalizationFilter(
						new DictionaryCompoundWordTokenFilter(new StopFilter(in, stop), parts, 4, 3, 20, true))))));
	}

	/**
	 * The language's synonym list, its entries read by the same tokenizer and
	 * lower-casing as questions.
	 */
	private static SynonymMap synonyms(String language, Analyzer surface) {
		SolrSynonymParser parser = new SolrSynonymParser(true, true, surface);
		try {
			parser.parse(new StringReader(String.join("\n", lines("synonyms-" + language + ".txt"))));
			return parser.build();
		}
		catch (IOException | ParseException e) {
			throw new IllegalStateException("The synonym list of " + language + " does not parse", e);
		}
	}

	private static CharArraySet stopWords(String language, CharArraySet standard) {
		CharArraySet set = new CharArraySet(standard, true);
		set.addAll(lines("stopwords-" + language + ".txt"));
		return set;
	}

	/** The non-blank, non-comment lines of a file under {@code knowledge/search/}. */
	static List<String> lines(String file) {
		try {
			String text = new ClassPathResource(DIR + file).getContentAsString(StandardCharsets.UTF_8);
			return text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}
