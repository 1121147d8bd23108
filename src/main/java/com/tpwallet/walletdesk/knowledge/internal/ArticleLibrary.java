package com.tpwallet.walletdesk.knowledge.internal;

import com.tpwallet.walletdesk.platform.Languages;
import com.tpwallet.walletdesk.platform.Refusal;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jspecify.annotations.Nullable;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The articles: seeded from {@code knowledge/articles/<slug>/<language>.md} when missing
 * (edits made since are kept), read in a language with an English fallback, and saved
 * with a revision per change. Markdown is rendered by commonmark and the HTML sanitised,
 * so even an editor cannot put a script on a page.
 */
@Service
class ArticleLibrary implements ApplicationRunner {

	static final String FALLBACK = "en";

	private static final PolicyFactory SAFE_HTML = Sanitizers.FORMATTING.and(Sanitizers.BLOCKS)
		.and(Sanitizers.LINKS)
		.and(Sanitizers.TABLES);

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final Parser markdown = Parser.builder().build();

	private final HtmlRenderer html = HtmlRenderer.builder().escapeHtml(true).build();

	ArticleLibrary(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.events = events;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) throws IOException {
		Resource[] files = new PathMatchingResourcePatternResolver()
			.getResources("classpath*:knowledge/articles/*/*.md");
		for (Resource file : files) {
			String path = file.getURL().getPath();
			String language = file.getFilename().replace(".md", "");
			String slug = path.substring(0, path.lastIndexOf('/'));
			slug = slug.substring(slug.lastIndexOf('/') + 1);
			Seed seed = Seed.parse(file.getContentAsString(StandardCharsets.UTF_8));
			Timestamp now = Timestamp.from(clock.instant());
			jdbc.sql(
					"INSERT INTO article (slug, category, status, updated_at) VALUES (?, ?, 'published', ?) ON CONFLICT DO NOTHING")
				.params(slug, seed.category(), now)
				.update();
			// Shipped texts replace earlier shipped texts, never an editor's version
			// (updated_by is set then).
			int added = jdbc
				.sql("""
						INSERT INTO article_translation (slug, language, title, keywords, body, updated_at) VALUES (?, ?, ?, ?, ?, ?)
						ON CONFLICT (slug, language) DO UPDATE SET title = excluded.title, keywords = excluded.keywords, body = excluded.body,
						  updated_at = excluded.updated_at
						WHERE article_translation.updated_by IS NULL AND (article_translation.title, article_translation.keywords,
						  article_translation.body) IS DISTINCT FROM (excluded.title, excluded.keywords, excluded.body)""")
				.params(slug, language, seed.title(), seed.keywords(), seed.body(), now)
				.update();
			if (added == 1) {
				jdbc.sql(
						"INSERT INTO article_revision (slug, language, title, keywords, body, saved_at) VALUES (?, ?, ?, ?, ?, ?)")
					.params(slug, language, seed.title(), seed.keywords(), seed.body(), now)
					.update();
			}
		}
	}

	/**
	 * An article file: a front matter with {@code title}, {@code category} and
	 * {@code keywords}, then the Markdown body.
	 */
	record Seed(String title, String category, String keywords, String body) {
		static Seed parse(String text) {
			String[] parts = text.split("---\n", 3);
			String title = "";
			String category = "general";
			String keywords = "";
			for (String line : parts[1].split("\n")) {
				if (line.startsWith("title:")) {
					title = line.substring(6).strip().replaceAll("^\"|\"$", "");
				}
				if (line.startsWith("category:")) {
					category = line.substring(9).strip();
				}
				if (line.startsWith("keywords:")) {
					keywords = line.substring(9).strip().replaceAll("^\"|\"$", "");
				}
			}
			return new Seed(title, category, keywords, parts[2].strip());
		}
	}

	String render(String body) {
		return SAFE_HTML.sanitize(html.render(markdown.parse(body)));
	}

	/**
	 * The article in {@code language}, else in English (marked as a fallback); drafts
	 * only for editors.
	 */
	@Transactional(readOnly = true)
	public Optional<Article> find(String slug, String language, boolean withDrafts) {
		String lang = Languages.match(language).map(Languages::tagOf).orElse(FALLBACK);
		return jdbc
			.sql("""
					SELECT a.slug, a.category, a.status, t.language, t.title, t.keywords, t.body, t.updated_at FROM article a
					JOIN article_translation t ON t.slug = a.slug AND t.language IN (?, ?)
					WHERE a.slug = ? AND (? OR a.status = 'published')
					ORDER BY (t.language = ?) DESC LIMIT 1""")
			.params(lang, FALLBACK, slug, withDrafts, lang)
			.query((rs, n) -> new Article(rs.getString("slug"), rs.getString("category"), rs.getString("status"),
					rs.getString("language"), !rs.getString("language").equals(lang), rs.getString("title"),
					rs.getString("keywords"), rs.getString("body"), render(rs.getString("body")),
					rs.getTimestamp("updated_at").toInstant()))
			.optional();
	}

	record Summary(String slug, String category, String title, String language) {
	}

	@Transactional(readOnly = true)
	public List<Summary> list(String language, @Nullable String category) {
		String lang = Languages.match(language).map(Languages::tagOf).orElse(FALLBACK);
		return jdbc.sql("""
				SELECT DISTINCT ON (a.slug) a.slug, a.category, t.title, t.language FROM article a
				JOIN article_translation t ON t.slug = a.slug AND t.language IN (?, ?)
				WHERE a.status = 'published' AND (?::varchar IS NULL OR a.category = ?)
				ORDER BY a.slug, (t.language = ?) DESC""")
			.params(lang, FALLBACK, category, category, lang)
			.query((rs, n) -> new Summary(rs.getString("slug"), rs.getString("category"), rs.getString("title"),
					rs.getString("language")))
			.list();
	}

	/**
	 * One line of the editors' list: every article with its status and the languages it
	 * has.
	 */
	record EditorSummary(String slug, String category, String status, String title, List<String> languages,
			java.time.Instant updatedAt) {
	}

	@Transactional(readOnly = true)
	public List<EditorSummary> editorList() {
		return jdbc.sql("""
				SELECT a.slug, a.category, a.status, a.updated_at,
				       coalesce(max(t.title) FILTER (WHERE t.language = 'en'), min(t.title)) AS title,
				       array_agg(t.language ORDER BY t.language) AS languages
				FROM article a JOIN article_translation t ON t.slug = a.slug
				GROUP BY a.slug ORDER BY a.slug""")
			.query((rs, n) -> new EditorSummary(rs.getString("slug"), rs.getString("category"), rs.getString("status"),
					rs.getString("title"), List.of((String[]) rs.getArray("languages").getArray()),
					rs.getTimestamp("updated_at").toInstant()))
			.list();
	}

	/**
	 * The translation exactly as stored (no fallback), drafts included, for an editor.
	 */
	@Transactional(readOnly = true)
	public Optional<Article> forEditor(String slug, String language) {
		return find(slug, language, true).filter(a -> !a.fallback());
	}

	record Revision(long id, String language, String title, String keywords, String body, java.time.Instant savedAt,
			@Nullable UUID savedBy) {
	}

	/**
	 * What an editor sends: {@code keywords}, {@code category} and {@code status} stay as
	 * they are when null.
	 */
	record Edit(String title, String body, @Nullable String keywords, @Nullable String category,
			@Nullable String status) {
	}

	/** An article's text or status changed; the search index follows. */
	record ArticleChanged(String slug) {
	}

	/**
	 * Saves a translation (creating the article as a draft if new) and keeps the previous
	 * text as history.
	 */
	@Transactional
	public Article save(String slug, String language, Edit edit, UUID editor) {
		String title = edit.title();
		String body = edit.body();
		String category = edit.category();
		String status = edit.status();
		if (!slug.matches("[a-z0-9]+(-[a-z0-9]+)*") || slug.length() > 60) {
			throw Refusal.unprocessable("article_slug_invalid");
		}
		if (!Languages.isSupported(language)) {
			throw Refusal.unprocessable("unsupported_language");
		}
		if (status != null && !List.of("draft", "published").contains(status)) {
			throw Refusal.unprocessable("article_status_invalid");
		}
		Timestamp now = Timestamp.from(clock.instant());
		jdbc.sql(
				"INSERT INTO article (slug, category, status, updated_at) VALUES (?, ?, 'draft', ?) ON CONFLICT DO NOTHING")
			.params(slug, category == null ? "general" : category, now)
			.update();
		jdbc.sql(
				"UPDATE article SET category = coalesce(?, category), status = coalesce(?, status), updated_at = ? WHERE slug = ?")
			.params(category, status, now, slug)
			.update();
		jdbc.sql("""
				INSERT INTO article_translation (slug, language, title, keywords, body, updated_at, updated_by)
				VALUES (?, ?, ?, coalesce(?, ''), ?, ?, ?)
				ON CONFLICT (slug, language) DO UPDATE SET title = excluded.title, body = excluded.body,
				  keywords = CASE WHEN ?::text IS NULL THEN article_translation.keywords ELSE excluded.keywords END,
				  updated_at = excluded.updated_at, updated_by = excluded.updated_by""")
			.params(slug, language, title, edit.keywords(), body, now, editor, edit.keywords())
			.update();
		jdbc.sql("""
				INSERT INTO article_revision (slug, language, title, keywords, body, saved_at, saved_by)
				SELECT slug, language, title, keywords, body, updated_at, updated_by FROM article_translation
				WHERE slug = ? AND language = ?""").params(slug, language).update();
		events.publishEvent(new ArticleChanged(slug));
		return find(slug, language, true).orElseThrow();
	}

	@Transactional(readOnly = true)
	public List<Revision> history(String slug, String language) {
		return jdbc.sql("SELECT * FROM article_revision WHERE slug = ? AND language = ? ORDER BY id DESC")
			.params(slug, language)
			.query((rs, n) -> new Revision(rs.getLong("id"), rs.getString("language"), rs.getString("title"),
					rs.getString("keywords"), rs.getString("body"), rs.getTimestamp("saved_at").toInstant(),
					rs.getObject("saved_by", UUID.class)))
			.list();
	}

}
