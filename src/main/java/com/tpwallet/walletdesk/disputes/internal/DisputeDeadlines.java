package com.tpwallet.walletdesk.disputes.internal;

import com.tpwallet.walletdesk.wallet.BusinessCalendar;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/**
 * A dispute's deadlines, in business days on the wallet's calendar (holidays skipped,
 * make-up working days counted), from the day in Beijing time it was opened. A deadline
 * is met on its day: it passes at that day's end.
 */
@Component
class DisputeDeadlines {

	private final BusinessCalendar calendar;

	private final DisputeSettings settings;

	DisputeDeadlines(BusinessCalendar calendar, DisputeSettings settings) {
		this.calendar = calendar;
		this.settings = settings;
	}

	static LocalDate dayOf(Instant at) {
		return LocalDate.ofInstant(at, BusinessCalendar.ZONE);
	}

	LocalDate acknowledgeBy(Instant opened) {
		return calendar.businessDaysAfter(dayOf(opened), settings.acknowledgeBusinessDays());
	}

	LocalDate decideBy(Instant opened) {
		return calendar.businessDaysAfter(dayOf(opened), settings.decideBusinessDays());
	}

	LocalDate merchantBy(Instant asked) {
		return calendar.businessDaysAfter(dayOf(asked), settings.merchantBusinessDays());
	}

	/** When a deadline passes: the end of its day in Beijing. */
	static Instant passesAt(LocalDate due) {
		return due.plusDays(1).atStartOfDay(BusinessCalendar.ZONE).toInstant();
	}

	/**
	 * Business days left until {@code due}, today not counted (0: due today); negative:
	 * how many business days late.
	 */
	int businessDaysLeft(LocalDate due, Instant now) {
		LocalDate today = dayOf(now);
		if (!today.isAfter(due)) {
			return businessDaysBetween(today, due);
		}
		return -businessDaysBetween(due, today);
	}

	private int businessDaysBetween(LocalDate from, LocalDate to) {
		int days = 0;
		for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
			if (calendar.isBusinessDay(d)) {
				days++;
			}
		}
		return days;
	}

}
