package com.tpwallet.walletdesk.announcements.internal;

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

	record Published(UUID id, Instant publishedAt, @Nullable String language, Map<String, Text> translations) {
	}

	record ForCustomer(UUID id, String title, String body, Instant publishedAt, boolean read) {
	}

	record Page(List<ForCustomer> items, long unread) {
	}

	private final JdbcClient jdbc;

	private final IdentityApi identity;

	private final Clock clock;

	Announcements(JdbcClient jdbc, IdentityApi identity, Clock clock) {
		this.jdbc = jdbc;
		this.identity = identity;
		this.clock = clock;
	}

	/**
	 * Every text in the four languages; an audience language, if given, is one of them.
	 */
	@Transactional
	Published publish(Caller staff, Map<String, Text> translations, @Nullable Instant at, @Nullable String language) {
		for (String l : LANGUAGES) {
			Text t = translations.get(l);
			if (t == null || t.title() == null || t.title().isBlank() || t.body() == null || t.body().isBlank()) {
				throw Refusal.unprocessable("announcement_translations_incomplete", l);
			}
		}
		if (language != null && !Languages.isSupported(language)) {
			throw Refusal.unprocessable("unsupported_language");
		}
		UUID id = UUID.randomUUID();
		Instant now = clock.instant();
		Instant published = at == null ? now : at;
		jdbc.sql("INSERT INTO announcement (id, published_at, language, created_by, created_at) VALUES (?, ?, ?, ?, ?)")
			.params(id, Timestamp.from(published), language, staff.id(), Timestamp.from(now))
			.update();
		for (String l : LANGUAGES) {
			Text t = translations.get(l);
			jdbc.sql("INSERT INTO announcement_text (announcement_id, language, title, body) VALUES (?, ?, ?, ?)")
				.params(id, l, t.title().strip(), t.body().strip())
				.update();
		}
		return new Published(id, published, language, Map.copyOf(translations));
	}

	/** What a customer can read now, newest first, in their language. */
	@Transactional(readOnly = true)
	Page forCustomer(Caller customer, int limit) {
		String language = identity.customer(customer.customerId()).map(c -> c.language()).orElse("en");
		List<ForCustomer> items = jdbc.sql("""
				SELECT a.id, t.title, t.body, a.published_at, r.read_at IS NOT NULL AS read
				FROM announcement a JOIN announcement_text t ON t.announcement_id = a.id AND t.language = ?
				LEFT JOIN announcement_read r ON r.announcement_id = a.id AND r.customer_id = ?
				WHERE a.published_at <= ? AND (a.language IS NULL OR a.language = ?)
				ORDER BY a.published_at DESC, a.id LIMIT ?""")
			.params(language, customer.customerId(), Timestamp.from(clock.instant()), language, limit)
			.query((rs, n) -> new ForCustomer(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
					rs.getTimestamp(4).toInstant(), rs.getBoolean(5)))
			.list();
		long unread = jdbc
			.sql("""
					SELECT count(*) FROM announcement a
					WHERE a.published_at <= ? AND (a.language IS NULL OR a.language = ?)
					  AND NOT EXISTS (SELECT FROM announcement_read r WHERE r.announcement_id = a.id AND r.customer_id = ?)""")
			.params(Timestamp.from(clock.instant()), language, customer.customerId())
			.query(Long.class)
			.single();
		return new Page(items, unread);
	}

	@Transactional
	void read(Caller customer, UUID id) {
		String language = identity.customer(customer.customerId()).map(c -> c.language()).orElse("en");
		boolean visible = jdbc.sql("""
				SELECT EXISTS (SELECT FROM announcement WHERE id = ? AND published_at <= ?
				  AND (language IS NULL OR language = ?))""")
			.params(id, Timestamp.from(clock.instant()), language)
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
