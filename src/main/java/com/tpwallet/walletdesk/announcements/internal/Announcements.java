package com.tpwallet.walletdesk.announcements.internal;

import com.tpwallet.walletdesk.feedback.FeedbackApi;
import com.tpwallet.walletdesk.identity.IdentityApi;
import com.tpwallet.walletdesk.platform.Caller;
import com.tpwallet.walletdesk.platform.Languages;
import com.tpwallet.walletdesk.platform.Refusal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Publishing announcements, and each customer's view of them with read state. */
@Service
class Announcements {

	static final List<String> LANGUAGES = List.of("zh-CN", "en", "fr", "de");

	record Text(String title, String body) {
	}

	/**
	 * Who an announcement is for: everyone when all are null; else customers of one
	 * language, on one of some app versions ("3.4" also matches 3.4.1), or who gave
	 * feedback in a group, all that are given.
	 */
	record Audience(@Nullable String language, @Nullable List<String> appVersions, @Nullable UUID feedbackGroupId) {

		static final Audience EVERYONE = new Audience(null, null, null);

	}

	/** A customer as an audience sees them. */
	record Reader(UUID customerId, String language, @Nullable String appVersion, List<UUID> feedbackGroups) {
	}

	record Published(UUID id, Instant publishedAt, @Nullable String language, @Nullable List<String> appVersions,
			@Nullable UUID feedbackGroupId, boolean email, Map<String, Text> translations) {
	}

	record ForCustomer(UUID id, String title, String body, Instant publishedAt, boolean read) {
	}

	record Page(List<ForCustomer> items, long unread) {
	}

	/** A version as apps report it: 3, 3.4, 3.4.1 or 3.4.1.20. */
	static final java.util.regex.Pattern VERSION = java.util.regex.Pattern.compile("\\d{1,4}(\\.\\d{1,4}){0,3}");

	/** The announcements a reader is in the audience of, published by {@code :now}. */
	static final String FOR_READER = """
			a.published_at <= :now AND (a.language IS NULL OR a.language = :language)
			AND (a.app_versions IS NULL OR EXISTS (SELECT FROM unnest(a.app_versions) v
			     WHERE :version = v OR :version LIKE v || '.%'))
			AND (a.feedback_group_id IS NULL OR a.feedback_group_id = ANY(:groups))""";

	private final JdbcClient jdbc;

	private final IdentityApi identity;

	private final FeedbackApi feedback;

	private final Clock clock;

	Announcements(JdbcClient jdbc, IdentityApi identity, FeedbackApi feedback, Clock clock) {
		this.jdbc = jdbc;
		this.identity = identity;
		this.feedback = feedback;
		this.clock = clock;
	}

	/**
	 * Every text in the four languages; the audience named by known values. An
	 * announcement for some app versions is not e-mailed: only the app knows its version.
	 */
	@Transactional
	Published publish(Caller staff, Map<String, Text> translations, @Nullable Instant at, Audience audience,
			boolean email) {
		for (String l : LANGUAGES) {
			Text t = translations.get(l);
			if (t == null || t.title() == null || t.title().isBlank() || t.body() == null || t.body().isBlank()) {
				throw Refusal.unprocessable("announcement_translations_incomplete", l);
			}
		}
		if (audience.language() != null && !Languages.isSupported(audience.language())) {
			throw Refusal.unprocessable("unsupported_language");
		}
		requireKnown(audience, email);
		UUID id = UUID.randomUUID();
		Instant now = clock.instant();
		Instant published = at == null ? now : at;
		jdbc.sql("""
				INSERT INTO announcement (id, published_at, language, app_versions, feedback_group_id, by_email,
				  created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, Timestamp.from(published), audience.language(),
					audience.appVersions() == null ? null : audience.appVersions().toArray(String[]::new),
					audience.feedbackGroupId(), email, staff.id(), Timestamp.from(now))
			.update();
		for (String l : LANGUAGES) {
			Text t = translations.get(l);
			jdbc.sql("INSERT INTO announcement_text (announcement_id, language, title, body) VALUES (?, ?, ?, ?)")
				.params(id, l, t.title().strip(), t.body().strip())
				.update();
		}
		return new Published(id, published, audience.language(), audience.appVersions(), audience.feedbackGroupId(),
				email, Map.copyOf(translations));
	}

	private void requireKnown(Audience audience, boolean email) {
		List<String> versions = audience.appVersions();
		if (versions != null && (versions.isEmpty() || versions.size() > 20 || email
				|| versions.stream().anyMatch(v -> v == null || !VERSION.matcher(v).matches()))) {
			throw Refusal.unprocessable("announcement_audience_invalid");
		}
		if (audience.feedbackGroupId() != null && !feedback.groupExists(audience.feedbackGroupId())) {
			throw Refusal.unprocessable("announcement_audience_invalid");
		}
	}

	/** An announcement's title and text in a language. */
	Text text(UUID id, String language) {
		return jdbc.sql("SELECT title, body FROM announcement_text WHERE announcement_id = ? AND language = ?")
			.params(id, LANGUAGES.contains(language) ? language : "en")
			.query((rs, n) -> new Text(rs.getString(1), rs.getString(2)))
			.single();
	}

	/** The customer as audiences see them, on the app version they report (if any). */
	Reader reader(UUID customerId, @Nullable String appVersion) {
		String language = identity.customer(customerId).map(c -> c.language()).orElse("en");
		return new Reader(customerId, language, appVersion, feedback.groupsOf(customerId));
	}

	/** What a customer can read now, newest first, in their language. */
	@Transactional(readOnly = true)
	Page forCustomer(Caller customer, int limit, @Nullable String appVersion) {
		if (appVersion != null && !VERSION.matcher(appVersion).matches()) {
			throw Refusal.unprocessable("app_version_invalid");
		}
		Reader reader = reader(customer.customerId(), appVersion);
		List<ForCustomer> items = audienceOf(reader, """
				SELECT a.id, t.title, t.body, a.published_at, r.read_at IS NOT NULL AS read
				FROM announcement a JOIN announcement_text t ON t.announcement_id = a.id AND t.language = :language
				LEFT JOIN announcement_read r ON r.announcement_id = a.id AND r.customer_id = :customer
				WHERE %s ORDER BY a.published_at DESC, a.id LIMIT :limit""").param("limit", limit)
			.query((rs, n) -> new ForCustomer(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
					rs.getTimestamp(4).toInstant(), rs.getBoolean(5)))
			.list();
		long unread = audienceOf(reader, """
				SELECT count(*) FROM announcement a WHERE %s AND NOT EXISTS
				  (SELECT FROM announcement_read r WHERE r.announcement_id = a.id AND r.customer_id = :customer)""")
			.query(Long.class)
			.single();
		return new Page(items, unread);
	}

	/** A query over the announcements a reader is in the audience of. */
	private JdbcClient.StatementSpec audienceOf(Reader reader, String sql) {
		return jdbc.sql(sql.formatted(FOR_READER))
			.param("now", Timestamp.from(clock.instant()))
			.param("language", reader.language())
			.param("version", reader.appVersion(), java.sql.Types.VARCHAR)
			.param("groups", reader.feedbackGroups().toArray(UUID[]::new))
			.param("customer", reader.customerId());
	}

	@Transactional
	void read(Caller customer, UUID id, @Nullable String appVersion) {
		Reader reader = reader(customer.customerId(), appVersion);
		boolean visible = audienceOf(reader, "SELECT EXISTS (SELECT FROM announcement a WHERE a.id = :id AND %s)")
			.param("id", id)
			.query(Boolean.class)
			.single();
		if (!visible) {
			throw Refusal.notFound("announcement_not_found");
		}
		jdbc.sql("""
				INSERT INTO announcement_read (announcement_id, customer_id, read_at) VALUES (?, ?, ?)
				ON CONFLICT DO NOTHING""").params(id, customer.customerId(), Timestamp.from(clock.instant())).update();
	}

}
