package com.tpwallet.walletdesk.wallet.internal;

import com.ibm.icu.util.ChineseCalendar;
import com.ibm.icu.util.GregorianCalendar;
import com.ibm.icu.util.TimeZone;
import com.tpwallet.walletdesk.wallet.BusinessCalendar.Day;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Estimates a year's statutory holidays before the State Council publishes them: the
 * lunar festivals from ICU4J's Chinese calendar, the fixed ones by the 2025 rules.
 * Make-up working days cannot be foreseen, so an estimate has none; every day is marked
 * provisional.
 */
final class LunarHolidayEstimate {

	/** Lunar months begin on the day of the new moon in China time, not in UTC. */
	private static final TimeZone CHINA = TimeZone.getTimeZone("Asia/Shanghai");

	private LunarHolidayEstimate() {
	}

	static List<Day> forYear(int year) {
		List<Day> days = new ArrayList<>();
		add(days, LocalDate.of(year, 1, 1), 1, "New Year's Day (estimated)");
		LocalDate newYearsEve = lunar(year, 1, 1).minusDays(1);
		add(days, newYearsEve, 8, "Spring Festival (estimated)");
		add(days, LocalDate.of(year, 4, 4), 3, "Qingming (estimated)");
		add(days, LocalDate.of(year, 5, 1), 5, "Labour Day (estimated)");
		threeDays(days, lunar(year, 5, 5), "Dragon Boat (estimated)");
		LocalDate midAutumn = lunar(year, 8, 15);
		if (midAutumn.isBefore(LocalDate.of(year, 9, 28))) {
			threeDays(days, midAutumn, "Mid-Autumn (estimated)");
			add(days, LocalDate.of(year, 10, 1), 7, "National Day (estimated)");
		}
		else {
			add(days, LocalDate.of(year, 10, 1), 8, "National Day and Mid-Autumn (estimated)");
		}
		return days;
	}

	/**
	 * A one-day festival becomes three days joined to the nearest weekend; a Wednesday
	 * stays alone.
	 */
	private static void threeDays(List<Day> days, LocalDate festival, String name) {
		DayOfWeek dow = festival.getDayOfWeek();
		LocalDate start = switch (dow) {
			case WEDNESDAY, THURSDAY, FRIDAY, SATURDAY -> festival;
			case SUNDAY -> festival.minusDays(1);
			case MONDAY, TUESDAY -> festival.minusDays(2);
		};
		add(days, start, dow == DayOfWeek.WEDNESDAY ? 1 : 3, name);
	}

	private static void add(List<Day> days, LocalDate start, int count, String name) {
		for (int i = 0; i < count; i++) {
			LocalDate d = start.plusDays(i);
			if (days.stream().noneMatch(x -> x.date().equals(d))) {
				days.add(new Day(d, "HOLIDAY", name, true));
			}
		}
	}

	/**
	 * The Gregorian date of day {@code day} of lunar month {@code month} in the lunar
	 * year starting in {@code year}.
	 */
	static LocalDate lunar(int year, int month, int day) {
		GregorianCalendar gregorian = new GregorianCalendar(CHINA);
		ChineseCalendar chinese = new ChineseCalendar(CHINA);
		for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
			gregorian.clear();
			gregorian.set(d.getYear(), d.getMonthValue() - 1, d.getDayOfMonth(), 12, 0);
			chinese.setTimeInMillis(gregorian.getTimeInMillis());
			if (chinese.get(ChineseCalendar.IS_LEAP_MONTH) == 0 && chinese.get(ChineseCalendar.MONTH) == month - 1
					&& chinese.get(ChineseCalendar.DAY_OF_MONTH) == day) {
				return d;
			}
		}
		throw new IllegalStateException("No lunar " + month + "/" + day + " in " + year);
	}

}
