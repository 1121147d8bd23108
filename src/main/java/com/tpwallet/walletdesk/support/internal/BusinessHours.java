package com.tpwallet.walletdesk.support.internal;

import com.tpwallet.walletdesk.wallet.BusinessCalendar;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The desk's working time: {@code walletdesk.support.hours} (default 09:00–21:00, Beijing
 * time) on the wallet's business days, so statutory holidays and make-up working days
 * count as the law says.
 */
@Component
class BusinessHours {

	private final BusinessCalendar calendar;

	private final ZoneId zone;

	private final LocalTime opens;

	private final LocalTime closes;

	BusinessHours(BusinessCalendar calendar, @Value("${walletdesk.support.opens:09:00}") LocalTime opens,
			@Value("${walletdesk.support.closes:21:00}") LocalTime closes) {
		this.calendar = calendar;
		this.zone = BusinessCalendar.ZONE;
		this.opens = opens;
		this.closes = closes;
	}

	/** The moment that lies {@code minutes} of working time after {@code start}. */
	Instant plus(Instant start, long minutes) {
		ZonedDateTime t = start.atZone(zone);
		long left = minutes;
		for (int guard = 0; guard < 3660; guard++) {
			LocalDate day = t.toLocalDate();
			if (calendar.isBusinessDay(day)) {
				ZonedDateTime open = day.atTime(opens).atZone(zone);
				ZonedDateTime close = day.atTime(closes).atZone(zone);
				if (t.isBefore(open)) {
					t = open;
				}
				if (t.isBefore(close)) {
					long available = Duration.between(t, close).toMinutes();
					if (left <= available) {
						return t.plusMinutes(left).toInstant();
					}
					left -= available;
				}
			}
			t = day.plusDays(1).atTime(opens).atZone(zone);
		}
		throw new IllegalStateException("No working time found within ten years after " + start);
	}

	/**
	 * Whether the desk is staffed at this moment (a business day, between opening and
	 * closing time).
	 */
	boolean isOpen(Instant at) {
		ZonedDateTime t = at.atZone(zone);
		return calendar.isBusinessDay(t.toLocalDate()) && !t.toLocalTime().isBefore(opens)
				&& t.toLocalTime().isBefore(closes);
	}

	/**
	 * Working minutes between two moments (0 when {@code to} is not after {@code from}).
	 */
	long minutesBetween(Instant from, Instant to) {
		long minutes = 0;
		ZonedDateTime t = from.atZone(zone);
		ZonedDateTime end = to.atZone(zone);
		while (t.isBefore(end)) {
			LocalDate day = t.toLocalDate();
			if (calendar.isBusinessDay(day)) {
				ZonedDateTime open = day.atTime(opens).atZone(zone);
				ZonedDateTime close = day.atTime(closes).atZone(zone);
				ZonedDateTime a = t.isBefore(open) ? open : t;
				ZonedDateTime b = end.isBefore(close) ? end : close;
				if (a.isBefore(b)) {
					minutes += Duration.between(a, b).toMinutes();
				}
			}
			t = day.plusDays(1).atStartOfDay(zone);
		}
		return minutes;
	}

}
