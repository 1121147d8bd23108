package com.tpwallet.walletdesk.knowledge.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.QueryBuilder;

/**
 * Lucene in memory. One document per article, with a title, keywords and body field per language, each
 * analysed in its own language. A question is read in every language (customers mix them), weighted
 * towards the language it is written in; title and keyword matches count more than body matches; a word
 * that appears nowhere in the index is looked up with typo tolerance (one or two edits) instead.
 */
final class LuceneArticleSearch implements ArticleSearch {

	private static final Map<String, Float> FIELDS = Map.of("title", 3f, "keywords", 2.5f, "body", 1f);
	private static final float OTHER_LANGUAGE = 0.35f;
	private static final float TYPO = 0.6f;
	private static final float PAIR = 1.5f;

	private final LanguageAnalyzers analyzers;
	private final IndexWriter writer;
	private final SearcherManager searchers;

	LuceneArticleSearch(LanguageAnalyzers analyzers) {
		this.analyzers = analyzers;
		Map<String, Analyzer> perField = new HashMap<>();
		for (String language : LanguageAnalyzers.LANGUAGES) {
			for (String field : FIELDS.keySet()) {
				perField.put(field(language, field), analyzers.indexing(language));
			}
		}
		try {
			writer = new IndexWriter(new ByteBuffersDirectory(),
					new IndexWriterConfig(new PerFieldAnalyzerWrapper(new StandardAnalyzer(), perField)));
			searchers = new SearcherManager(writer, null);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static String field(String language, String part) {
		return language + "." + part;
	}

	@Override
	public synchronized void replaceAll(List<Document> documents) {
		try {
			writer.deleteAll();
			for (Document document : documents) {
				writer.addDocument(lucene(document));
			}
			commit();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@Override
	public synchronized void put(Document document) {
		try {
			writer.updateDocument(new Term("slug", document.slug()), lucene(document));
			commit();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@Override
	public synchronized void remove(String slug) {
		try {
			writer.deleteDocuments(new Term("slug", slug));
			commit();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private void commit() throws IOException {
		writer.commit();
		searchers.maybeRefreshBlocking();
	}

	private static org.apache.lucene.document.Document lucene(Document article) {
		var doc = new org.apache.lucene.document.Document();
		doc.add(new StringField("slug", article.slug(), Field.Store.YES));
		article.texts().forEach((language, text) -> {
			doc.add(new TextField(field(language, "title"), text.title(), Field.Store.YES));
			doc.add(new TextField(field(language, "keywords"), text.keywords(), Field.Store.NO));
			doc.add(new TextField(field(language, "body"), text.body(), Field.Store.NO));
		});
		return doc;
	}

	@Override
	public List<Hit> search(String question, String language, int limit) {
		try {
			IndexSearcher searcher = searchers.acquire();
			try {
				Query query = query(question, language, searcher);
				List<Hit> hits = new ArrayList<>();
				for (ScoreDoc hit : searcher.search(query, limit).scoreDocs) {
					var stored = searcher.storedFields().document(hit.doc);
					Map<String, String> titles = new HashMap<>();
					for (String lang : LanguageAnalyzers.LANGUAGES) {
						String title = stored.get(field(lang, "title"));
						if (title != null) {
							titles.put(lang, title);
						}
					}
					hits.add(new Hit(stored.get("slug"), hit.score, titles));
				}
				return hits;
			}
			finally {
				searchers.release(searcher);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private Query query(String question, String language, IndexSearcher searcher) throws IOException {
		BooleanQuery.Builder all = new BooleanQuery.Builder();
		for (String lang : LanguageAnalyzers.LANGUAGES) {
			float weight = lang.equals(language) ? 1f : OTHER_LANGUAGE;
			QueryBuilder builder = new QueryBuilder(analyzers.questions(lang));
			for (Map.Entry<String, Float> part : FIELDS.entrySet()) {
				Query q = builder.createBooleanQuery(field(lang, part.getKey()), question, Occur.SHOULD);
				if (q != null) {
					all.add(new BoostQuery(q, part.getValue() * weight), Occur.SHOULD);
				}
			}
			if (lang.equals(language)) {
				List<String> words = words(lang, question);
				for (int i = 1; i < words.size(); i++) { // "payment password" together says more than its two words
					for (String part : List.of("title", "keywords")) {
						PhraseQuery pair = new PhraseQuery(1, field(lang, part), words.get(i - 1), words.get(i));
						all.add(new BoostQuery(pair, PAIR), Occur.SHOULD);
					}
				}
				for (String word : unknownWords(lang, words, searcher)) {
					for (Map.Entry<String, Float> part : FIELDS.entrySet()) {
						Term term = new Term(field(lang, part.getKey()), word);
						all.add(new BoostQuery(new FuzzyQuery(term, word.length() >= 7 ? 2 : 1, 1), part.getValue() * TYPO),
								Occur.SHOULD);
					}
				}
			}
		}
		return all.build();
	}

	/** The question's words as the index has them (stemmed, stop words gone), in order, compound parts left out. */
	private List<String> words(String language, String question) throws IOException {
		List<String> words = new ArrayList<>();
		try (TokenStream stream = analyzers.indexing(language).tokenStream("q", question)) {
			CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
			PositionIncrementAttribute step = stream.addAttribute(PositionIncrementAttribute.class);
			stream.reset();
			while (stream.incrementToken()) {
				if (step.getPositionIncrement() > 0) {
					words.add(term.toString());
				}
			}
			stream.end();
		}
		return words;
	}

	/** Words of the question that no article of that language contains: probably misspelt. */
	private static Set<String> unknownWords(String language, List<String> words, IndexSearcher searcher) throws IOException {
		Set<String> unknown = new LinkedHashSet<>();
		if (language.equals("zh-CN")) {
			return unknown; // Chinese typos are wrong characters, not wrong letters: the synonym list maps them
		}
		for (String word : words) {
			if (word.length() >= 4 && word.chars().allMatch(Character::isLetter) && !known(language, word, searcher)) {
				unknown.add(word);
			}
		}
		return unknown;
	}

	private static boolean known(String language, String word, IndexSearcher searcher) throws IOException {
		for (String part : FIELDS.keySet()) {
			if (searcher.getIndexReader().docFreq(new Term(field(language, part), word)) > 0) {
				return true;
			}
		}
		return false;
	}

	@Override
	public int size() {
		return writer.getDocStats().numDocs;
	}
}
