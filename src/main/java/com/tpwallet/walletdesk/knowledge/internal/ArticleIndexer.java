package com.tpwallet.walletdesk.knowledge.internal;

import com.tpwallet.walletdesk.knowledge.internal.ArticleLibrary.ArticleChanged;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps this instance's search index equal to the published articles in PostgreSQL: built
 * at start-up, updated after each edit made here, and rebuilt when a look at the article
 * table shows that another instance changed something.
 */
@Component
class ArticleIndexer {

	private static final Logger log = LoggerFactory.getLogger(ArticleIndexer.class);

	private final ArticleSearch search;

	private final JdbcClient jdbc;

	private final Duration refreshInterval;

	private volatile String seen = "";

	ArticleIndexer(ArticleSearch search, JdbcClient jdbc,
			@Value("${walletdesk.knowledge.refresh-interval:PT30S}") Duration refreshInterval) {
		this.search = search;
		this.jdbc = jdbc;
		this.refreshInterval = refreshInterval;
	}

	@EventListener(ApplicationReadyEvent.class)
	void rebuildAtStart() {
		try {
			rebuild();
		}
		// an external index may be unreachable for now: the next look tries again
		catch (RuntimeException e) {
			log.warn("The article index could not be built; retrying within {}", refreshInterval, e);
		}
	}

	void rebuild() {
		String now = fingerprint();
		search.replaceAll(documents(null));
		seen = now;
	}

	@TransactionalEventListener
	void on(ArticleChanged changed) {
		String now = fingerprint();
		try {
			documents(changed.slug()).stream()
				.findFirst()
				.ifPresentOrElse(search::put, () -> search.remove(changed.slug()));
			seen = now;
		}
		// the edit is saved; the next look sees the index behind and rebuilds it
		catch (RuntimeException e) {
			log.warn("Article {} could not be indexed; retrying within {}", changed.slug(), refreshInterval, e);
		}
	}

	@Scheduled(fixedDelayString = "${walletdesk.knowledge.refresh-interval:PT30S}")
	void followOtherInstances() {
		if (!Objects.equals(seen, fingerprint())) {
			rebuild();
		}
	}

	private String fingerprint() {
		return jdbc.sql("SELECT count(*) || '/' || coalesce(max(updated_at)::text, '') FROM article")
			.query(String.class)
			.single();
	}

	/** The published articles (or the one named) with all their translations. */
	List<ArticleSearch.Document> documents(@Nullable String slug) {
		Map<String, String> categories = new HashMap<>();
		Map<String, Map<String, ArticleSearch.Text>> texts = new LinkedHashMap<>();
		jdbc.sql("""
				SELECT a.slug, a.category, t.language, t.title, t.keywords, t.body FROM article a
				JOIN article_translation t ON t.slug = a.slug
				WHERE a.status = 'published' AND (?::varchar IS NULL OR a.slug = ?) ORDER BY a.slug""")
			.params(slug, slug)
			.query(rs -> {
				categories.put(rs.getString("slug"), rs.getString("category"));
				texts.computeIfAbsent(rs.getString("slug"), s -> new HashMap<>())
					.put(rs.getString("language"), new ArticleSearch.Text(rs.getString("title"),
							rs.getString("keywords"), rs.getString("body")));
			});
		return texts.entrySet()
			.stream()
			.map(e -> new ArticleSearch.Document(e.getKey(), categories.get(e.getKey()), e.getValue()))
			.toList();
	}

}
