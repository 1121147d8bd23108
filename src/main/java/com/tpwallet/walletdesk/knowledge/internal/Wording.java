package com.tpwallet.walletdesk.knowledge.internal;

import com.tpwallet.walletdesk.wallet.TransactionStatus;
import com.tpwallet.walletdesk.wallet.TransactionType;
import com.tpwallet.walletdesk.wallet.BusinessCalendar;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;

/**
 * Puts a troubleshooter's findings into the customer's language: sentences, amounts,
 * dates, names.
 */
record Wording(MessageSource messages, Locale locale) {

	String text(String key, Object... args) {
		return messages.getMessage(key, args, key, locale);
	}

	/**
	 * Minor units as major units with the currency code: 1200 CNY is "12.00 CNY" (all
	 * served currencies have cents).
	 */
	static String money(long amount, String currency) {
		return BigDecimal.valueOf(amount, 2).toPlainString() + " " + currency;
	}

	String date(LocalDate day) {
		return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(day);
	}

	/** The calendar day in Beijing, where the wallet's business days are counted. */
	String date(Instant at) {
		return date(LocalDate.ofInstant(at, BusinessCalendar.ZONE));
	}

	String dateTime(Instant at) {
		return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
			.withLocale(locale)
			.withZone(BusinessCalendar.ZONE)
			.format(at);
	}

	String type(TransactionType type) {
		return messages.getMessage("page.type." + type.code(), null, type.code(), locale);
	}

	String status(TransactionStatus status) {
		return messages.getMessage("page.status." + status.code(), null, status.code(), locale);
	}

	/**
	 * Why an attempt failed, in words: the troubleshooters' own wording, else the API's,
	 * else a general one.
	 */
	String reason(@Nullable String code) {
		String own = code == null ? null : messages.getMessage("finding.reason." + code, null, null, locale);
		String api = code == null ? null : messages.getMessage("problem." + code, null, null, locale);
		return own != null ? own : api != null ? api : text("finding.reason.other");
	}

	/**
	 * A holiday's name from the calendar (kept in English there), in the customer's
	 * language when known.
	 */
	String holiday(String name) {
		String key = "holiday." + name.replace(" (estimated)", "").toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", "-");
		return messages.getMessage(key, null, name, locale);
	}
}
