package com.tpwallet.walletdesk.wallet.internal;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.tpwallet.walletdesk.wallet.BusinessCalendar;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The business-day calendar kept in PostgreSQL: the official 2025–2026 schedule shipped
 * in {@code wallet/cn-holidays.csv}, estimates for later years (provisional), and
 * whatever an operator loads for a year, which replaces both.
 */
@Component
class HolidayCalendar implements BusinessCalendar, ApplicationRunner {

	static final String ESTIMATE_SOURCE = "estimated from the lunar calendar (ICU4J)";

	private final JdbcClient jdbc;

	private final Set<Integer> yearsPresent = ConcurrentHashMap.newKeySet();

	/**
	 * Each year's special days, read at most once a minute: SLA clocks and ticket lists
	 * ask whether a day is worked many times a second (a query each was 4-5 % of a busy
	 * desk's server CPU in bench/desk), and a schedule changes once a year. An operator's
	 * load shows on this instance at once, on the others within the minute.
	 */
	private final LoadingCache<Integer, Map<LocalDate, Day>> years = Caffeine.newBuilder()
		.expireAfterWrite(Duration.ofMinutes(1))
		.build(this::read);

	HolidayCalendar(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) throws IOException {
		String csv = new ClassPathResource("wallet/cn-holidays.csv").getContentAsString(StandardCharsets.UTF_8);
		// The file names its own source on a "source," line; every day it lists is
		// recorded with it.
		String source = csv.lines()
			.filter(l -> l.startsWith("source,"))
			.map(l -> l.substring(7))
			.findFirst()
			.orElseThrow();
		csv.lines()
			.filter(l -> !l.isBlank() && !l.startsWith("#") && !l.startsWith("source,"))
			.map(l -> l.split(",", 3))
			.forEach(f -> jdbc.sql("""
					INSERT INTO calendar_day (day, kind, name, provisional, source) VALUES (?, ?, ?, FALSE, ?)
					ON CONFLICT (day) DO NOTHING""").params(LocalDate.parse(f[0]), f[1], f[2], source).update());
		afterCommit(years::invalidateAll); // anything read before the shipped schedule
											// was in
	}

	@Override
	public boolean isBusinessDay(LocalDate day) {
		return isBusinessDay(day, specials(day, day));
	}

	private static boolean isBusinessDay(LocalDate day, Map<LocalDate, Day> specials) {
		Day special = specials.get(day);
		if (special != null) {
			return special.kind().equals("WORKDAY");
		}
		return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
	}

	@Override
	public LocalDate businessDaysAfter(LocalDate day, int n) {
		// No holiday run in China is longer than 9 days, so 20 days per business day is
		// far enough to look.
		Map<LocalDate, Day> specials = specials(day, day.plusDays(20L * n + 20));
		LocalDate d = day;
		for (int found = 0; found < n;) {
			d = d.plusDays(1);
			if (isBusinessDay(d, specials)) {
				found++;
			}
		}
		return d;
	}

	@Override
	public Optional<Day> special(LocalDate day) {
		return Optional.ofNullable(specials(day, day).get(day));
	}

	List<Day> year(int year) {
		ensureYear(year);
		return jdbc.sql("SELECT * FROM calendar_day WHERE day BETWEEN ? AND ? ORDER BY day")
			.params(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))
			.query(HolidayCalendar::map)
			.list();
	}

	/** Replaces a year's schedule with the official one an operator loaded. */
	@Transactional
	void load(int year, List<Day> days, String source) {
		jdbc.sql("DELETE FROM calendar_day WHERE day BETWEEN ? AND ?")
			.params(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))
			.update();
		for (Day d : days) {
			jdbc.sql("INSERT INTO calendar_day (day, kind, name, provisional, source) VALUES (?, ?, ?, FALSE, ?)")
				.params(d.date(), d.kind(), d.name(), source)
				.update();
		}
		yearsPresent.add(year);
		afterCommit(() -> years.invalidate(year));
	}

	/**
	 * Forgetting what was cached once the change is committed: before, a reader could
	 * cache the old schedule again for a minute.
	 */
	private static void afterCommit(Runnable forget) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			forget.run();
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				forget.run();
			}
		});
	}

	/** The holidays and make-up working days of the years from one day to another. */
	private Map<LocalDate, Day> specials(LocalDate from, LocalDate to) {
		if (from.getYear() == to.getYear()) {
			return years.get(from.getYear());
		}
		Map<LocalDate, Day> all = new java.util.HashMap<>();
		for (int y = from.getYear(); y <= to.getYear(); y++) {
			all.putAll(years.get(y));
		}
		return all;
	}

	private Map<LocalDate, Day> read(int year) {
		ensureYear(year);
		return jdbc.sql("SELECT * FROM calendar_day WHERE day BETWEEN ? AND ?")
			.params(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))
			.query(HolidayCalendar::map)
			.list()
			.stream()
			.collect(Collectors.toUnmodifiableMap(Day::date, Function.identity()));
	}

	/** A year nobody has loaded gets the estimate, once. */
	private void ensureYear(int year) {
		if (yearsPresent.contains(year)) {
			return;
		}
		boolean present = jdbc.sql("SELECT count(*) FROM calendar_day WHERE day BETWEEN ? AND ?")
			.params(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))
			.query(Integer.class)
			.single() > 0;
		if (!present && year > 2026) {
			for (Day d : LunarHolidayEstimate.forYear(year)) {
				jdbc.sql("""
						INSERT INTO calendar_day (day, kind, name, provisional, source) VALUES (?, ?, ?, TRUE, ?)
						ON CONFLICT (day) DO NOTHING""").params(d.date(), d.kind(), d.name(), ESTIMATE_SOURCE).update();
			}
		}
		yearsPresent.add(year);
	}

	private static Day map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Day(rs.getDate("day").toLocalDate(), rs.getString("kind"), rs.getString("name"),
				rs.getBoolean("provisional"));
	}

}
