package com.tpwallet.walletdesk.knowledge.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The shipped articles read straight from their files, for tests that need no database.
 */
final class ArticleFiles {

	private ArticleFiles() {
	}

	static List<ArticleSearch.Document> documents() {
		try {
			Map<String, Map<String, ArticleSearch.Text>> texts = new TreeMap<>();
			Map<String, String> categories = new HashMap<>();
			for (Resource file : new PathMatchingResourcePatternResolver()
				.getResources("classpath*:knowledge/articles/*/*.md")) {
				String path = file.getURL().getPath();
				String slug = path.substring(0, path.lastIndexOf('/'));
				slug = slug.substring(slug.lastIndexOf('/') + 1);
				ArticleLibrary.Seed seed = ArticleLibrary.Seed.parse(file.getContentAsString(StandardCharsets.UTF_8));
				categories.put(slug, seed.category());
				texts.computeIfAbsent(slug, s -> new HashMap<>())
					.put(file.getFilename().replace(".md", ""),
							new ArticleSearch.Text(seed.title(), seed.keywords(), seed.body()));
			}
			return texts.entrySet()
				.stream()
				.map(e -> new ArticleSearch.Document(e.getKey(), categories.get(e.getKey()), e.getValue()))
				.toList();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}
