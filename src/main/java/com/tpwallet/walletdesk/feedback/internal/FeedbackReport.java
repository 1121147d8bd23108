package com.tpwallet.walletdesk.feedback.internal;

import com.tpwallet.walletdesk.platform.Refusal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the product team reads for a period: counts per kind, area and sentiment, the
 * weekly trend per area and kind, and the top groups with their size, trend (against the
 * period before), languages and sample quotes. Filters: language, app version, channel.
 * Only confirmed feedback counts.
 */
@Component
class FeedbackReport {

	record Filter(LocalDate from, LocalDate to, @Nullable String language, @Nullable String appVersion,
			@Nullable String channel) {

		/** From the start of {@code from} to the end of {@code to} (UTC days). */
		Instant start() {
			return from.atStartOfDay(ZoneOffset.UTC).toInstant();
		}

		Instant end() {
			return to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
		}

		Filter previous() {
			long days = java.time.temporal.ChronoUnit.DAYS.between(from, to) + 1;
			return new Filter(from.minusDays(days), from.minusDays(1), language, appVersion, channel);
		}

	}

	record Count(String code, String text, long count) {
	}

	record WeekCount(LocalDate week, String field, String code, long count) {
	}

	/**
	 * A quote; {@code translation} in the reader's language when a translator is
	 * configured and the quote is in another.
	 */
	record Sample(UUID id, String text, String language, String kind, String area, String sentiment, Instant createdAt,
			@Nullable String translation, @Nullable String translatedBy) {
	}

	record Group(UUID id, String label, String area, List<String> themes, long size, long customers, long previousSize,
			String trend, List<String> languages, String status, @Nullable String announcement, List<Sample> samples) {
	}

	record Report(LocalDate from, LocalDate to, long total, List<Count> byKind, List<Count> byArea,
			List<Count> bySentiment, List<WeekCount> trend, List<Group> groups) {
	}

	/** The longest period one report covers. */
	static final Duration LONGEST = Duration.ofDays(400);

	private final JdbcClient jdbc;

	private final GroupLabels labels;

	private final Clock clock;

	private final QuoteTranslations quotes;

	FeedbackReport(JdbcClient jdbc, GroupLabels labels, Clock clock, QuoteTranslations quotes) {
		this.jdbc = jdbc;
		this.labels = labels;
		this.clock = clock;
		this.quotes = quotes;
	}

	/** A period from what the caller gave: the last 30 days by default. */
	Filter filter(@Nullable LocalDate from, @Nullable LocalDate to, @Nullable String language,
			@Nullable String appVersion, @Nullable String channel) {
		LocalDate end = to == null ? LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC) : to;
		LocalDate start = from == null ? end.minusDays(29) : from;
		if (start.isAfter(end) || Duration.between(start.atStartOfDay(), end.atStartOfDay()).compareTo(LONGEST) > 0) {
			throw Refusal.badRequest("feedback_period_invalid");
		}
		return new Filter(start, end, blank(language), blank(appVersion), blank(channel));
	}

	private static @Nullable String blank(@Nullable String s) {
		return s == null || s.isBlank() ? null : s;
	}

	/**
	 * Read-write: a quote translated for the first time is stored. No transaction around
	 * it: a quote may wait seconds for the translator, and a pooled connection held
	 * meanwhile would be missed by the requests that need one; each statement stands
	 * alone (the stored translation is written once, whoever writes it first).
	 */
	Report report(Filter f) {
		Locale locale = LocaleContextHolder.getLocale();
		List<Count> byKind = counts("kind", Labels.KINDS, "page.feedback.kind.", f, locale);
		List<Count> byArea = counts("area", Labels.AREAS, "page.feedback.area.", f, locale);
		List<Count> bySentiment = counts("sentiment", Labels.SENTIMENTS, "page.feedback.sentiment.", f, locale);
		long total = byKind.stream().mapToLong(Count::count).sum();
		return new Report(f.from(), f.to(), total, byKind, byArea, bySentiment, trend(f), groups(f, locale));
	}

	private static final String WHERE = """
			confirmed AND created_at >= ? AND created_at < ?
			AND (?::text IS NULL OR language = ?) AND (?::text IS NULL OR app_version = ?)
			AND (?::text IS NULL OR channel = ?)""";

	private static Object[] params(Filter f) {
		return new Object[] { Timestamp.from(f.start()), Timestamp.from(f.end()), f.language(), f.language(),
				f.appVersion(), f.appVersion(), f.channel(), f.channel() };
	}

	private List<Count> counts(String column, List<String> codes, String words, Filter f, Locale locale) {
		java.util.Map<String, Long> found = new java.util.HashMap<>();
		jdbc.sql("SELECT " + column + ", count(*) FROM feedback WHERE " + WHERE + " GROUP BY 1")
			.params(params(f))
			.query(rs -> {
				found.put(rs.getString(1), rs.getLong(2));
			});
		return codes.stream()
			.map(c -> new Count(c, labels.words(words + c, locale), found.getOrDefault(c, 0L)))
			.toList();
	}

	private List<WeekCount> trend(Filter f) {
		List<WeekCount> out = new ArrayList<>();
		for (String field : List.of("area", "kind")) {
			out.addAll(jdbc
				.sql("SELECT date_trunc('week', created_at AT TIME ZONE 'UTC')::date AS week, " + field
						+ ", count(*) FROM feedback WHERE " + WHERE + " GROUP BY 1, 2 ORDER BY 1, 2")
				.params(params(f))
				.query((rs, n) -> new WeekCount(rs.getDate(1).toLocalDate(), field, rs.getString(2), rs.getLong(3)))
				.list());
		}
		return out;
	}

	private List<Group> groups(Filter f, Locale locale) {
		Filter before = f.previous();
		Object[] now = params(f);
		Object[] then = params(before);
		Object[] all = new Object[now.length + then.length];
		System.arraycopy(then, 0, all, 0, then.length);
		System.arraycopy(now, 0, all, then.length, now.length);
		return jdbc.sql("""
				WITH before AS (SELECT group_id, count(*) AS n FROM feedback WHERE %s GROUP BY group_id),
				     now AS (SELECT group_id, count(*) AS n, count(DISTINCT coalesce(customer_id, id)) AS customers,
				                   array_agg(DISTINCT language ORDER BY language) AS languages
				             FROM feedback WHERE %s GROUP BY group_id)
				SELECT g.id, g.area, g.themes, g.kind, g.status, g.announcement, now.n, now.customers,
				      coalesce(before.n, 0) AS previous,
				       now.languages
				FROM now JOIN feedback_group g ON g.id = now.group_id LEFT JOIN before ON before.group_id = g.id
				ORDER BY now.n DESC, g.created_at LIMIT 20""".formatted(WHERE, WHERE)).params(all).query((rs, n) -> {
			UUID id = rs.getObject("id", UUID.class);
			List<String> themes = List.of((String[]) rs.getArray("themes").getArray());
			long size = rs.getLong("n");
			long previous = rs.getLong("previous");
			return new Group(id, labels.label(rs.getString("area"), themes, rs.getString("kind"), locale),
					rs.getString("area"), themes, size, rs.getLong("customers"), previous,
					size > previous ? "rising" : size < previous ? "falling" : "steady",
					List.of((String[]) rs.getArray("languages").getArray()), rs.getString("status"),
					rs.getString("announcement"), List.of());
		})
			.list()
			.stream()
			.map(g -> new Group(g.id(), g.label(), g.area(), g.themes(), g.size(), g.customers(), g.previousSize(),
					g.trend(), g.languages(), g.status(), g.announcement(), samples(g.id(), f)))
			.toList();
	}

	private List<Sample> samples(UUID groupId, Filter f) {
		Object[] p = params(f);
		Object[] all = new Object[p.length + 1];
		all[0] = groupId;
		System.arraycopy(p, 0, all, 1, p.length);
		return jdbc.sql("SELECT * FROM feedback WHERE group_id = ? AND " + WHERE + " ORDER BY created_at DESC LIMIT 3")
			.params(all)
			.query((rs, n) -> new Sample(rs.getObject("id", UUID.class), rs.getString("text"), rs.getString("language"),
					rs.getString("kind"), rs.getString("area"), rs.getString("sentiment"),
					rs.getTimestamp("created_at").toInstant(), null, null))
			.list()
			.stream()
			.map(quotes::forReader)
			.toList();
	}

	/** The period's feedback, one row each, for the CSV export and the weekly e-mail. */
	List<FeedbackStore.Item> items(Filter f) {
		return jdbc.sql("SELECT * FROM feedback WHERE " + WHERE + " ORDER BY created_at")
			.params(params(f))
			.query(FeedbackStore::item)
			.list();
	}

}
