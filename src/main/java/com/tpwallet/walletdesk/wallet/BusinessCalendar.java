package com.tpwallet.walletdesk.wallet;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Mainland-China business days: Monday to Friday, minus statutory holidays, plus the
 * weekend days that are worked to make up for them (调休). Years without an official
 * schedule are estimated from the lunar calendar and marked provisional.
 */
public interface BusinessCalendar {

	ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	boolean isBusinessDay(LocalDate day);

	/** The {@code n}-th business day after {@code day} (n &gt;= 1). */
	LocalDate businessDaysAfter(LocalDate day, int n);

	/** The holiday or make-up working day on this date, if any. */
	Optional<Day> special(LocalDate day);

	record Day(LocalDate date, String kind, String name, boolean provisional) {
	}

}
