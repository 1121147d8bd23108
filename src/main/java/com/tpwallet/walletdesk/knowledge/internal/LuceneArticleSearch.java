package com.tpwallet.walletdesk.knowledge.internal;

import static com.tpwallet.walletdesk.knowledge.internal.QuestionQuery.field;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * Lucene in memory, the embedded default. One document per article, with a title,
 * keywords and body field per language, each analysed in its own language; questions are
 * read by {@link QuestionQuery}.
 */
final class LuceneArticleSearch implements ArticleSearch {

	private final QuestionQuery questions;

	private final IndexWriter writer;

	private final SearcherManager searchers;

	LuceneArticleSearch(LanguageAnalyzers analyzers) {
		this.questions = new QuestionQuery(analyzers);
		Map<String, Analyzer> perField = new HashMap<>();
		for (String language : LanguageAnalyzers.LANGUAGES) {
			for (String field : QuestionQuery.FIELDS.keySet()) {
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
				Query query = questions.build(question, language, (lang, words) -> known(lang, words, searcher));
				List<Hit> hits = new ArrayList<>();
				for (ScoreDoc hit : searcher.search(query, limit).scoreDocs) {
					var stored = searcher.storedFields().document(hit.doc);
					hits.add(new Hit(stored.get("slug"), hit.score, titles(stored)));
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

	@Override
	public java.util.Optional<Hit> article(String slug) {
		try {
			IndexSearcher searcher = searchers.acquire();
			try {
				ScoreDoc[] found = searcher.search(new org.apache.lucene.search.TermQuery(new Term("slug", slug)),
						1).scoreDocs;
				if (found.length == 0) {
					return java.util.Optional.empty();
				}
				return java.util.Optional.of(new Hit(slug, 0, titles(searcher.storedFields().document(found[0].doc))));
			}
			finally {
				searchers.release(searcher);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static Map<String, String> titles(org.apache.lucene.document.Document stored) {
		Map<String, String> titles = new HashMap<>();
		for (String lang : LanguageAnalyzers.LANGUAGES) {
			String title = stored.get(field(lang, "title"));
			if (title != null) {
				titles.put(lang, title);
			}
		}
		return titles;
	}

	/** The words any article of that language contains, in any part. */
	private static Set<String> known(String language, Collection<String> words, IndexSearcher searcher)
			throws IOException {
		Set<String> known = new HashSet<>();
		for (String word : words) {
			for (String part : QuestionQuery.FIELDS.keySet()) {
				if (searcher.getIndexReader().docFreq(new Term(field(language, part), word)) > 0) {
					known.add(word);
				}
			}
		}
		return known;
	}

	@Override
	public int size() {
		return writer.getDocStats().numDocs;
	}

}
