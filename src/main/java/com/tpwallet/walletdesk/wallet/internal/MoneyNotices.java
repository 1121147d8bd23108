package com.tpwallet.walletdesk.wallet.internal;

import com.tpwallet.walletdesk.identity.CustomerProfile;
import com.tpwallet.walletdesk.identity.IdentityApi;
import com.tpwallet.walletdesk.notifications.Notifications;
import com.tpwallet.walletdesk.platform.Languages;
import com.tpwallet.walletdesk.wallet.Money;
import com.tpwallet.walletdesk.wallet.TransactionType;
import com.tpwallet.walletdesk.wallet.TransactionView;
import com.tpwallet.walletdesk.wallet.WalletEvents.TopUpFailed;
import com.tpwallet.walletdesk.wallet.WalletEvents.TransactionPosted;
import com.tpwallet.walletdesk.wallet.WalletEvents.WithdrawalFailed;
import com.tpwallet.walletdesk.wallet.WalletEvents.WithdrawalSettled;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The customer hears when their money moves without them watching: a withdrawal paid out
 * (with the day it reaches the bank account), a withdrawal the bank sent back (why, and
 * that the money is back in the wallet), a top-up that failed (why, and that anything
 * held on the card is released), a refund posted. In their language, in the app and by
 * SMS or e-mail; once per transaction, whatever the retries of the event.
 */
@Component
class MoneyNotices {

	private final IdentityApi identity;

	private final Notifications notifications;

	private final TransactionRecords records;

	private final MessageSource messages;

	private final JdbcClient jdbc;

	private final Clock clock;

	MoneyNotices(IdentityApi identity, Notifications notifications, TransactionRecords records, MessageSource messages,
			JdbcClient jdbc, Clock clock) {
		this.identity = identity;
		this.notifications = notifications;
		this.records = records;
		this.messages = messages;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(WithdrawalSettled paid) {
		LocalDate arrives = records.find(paid.transactionId())
			.map(TransactionView::expectedArrival)
			.orElse(LocalDate.now(clock));
		tell(paid.transactionId(), paid.customerId(), "withdrawal-paid", paid.money(),
				c -> arrives.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(c)));
	}

	@ApplicationModuleListener
	void on(WithdrawalFailed returned) {
		tell(returned.transactionId(), returned.customerId(), "withdrawal-returned", returned.money(),
				c -> reason(returned.reason(), c));
	}

	@ApplicationModuleListener
	void on(TopUpFailed failed) {
		tell(failed.transactionId(), failed.customerId(), "top-up-failed", failed.money(),
				c -> reason(failed.reason(), c));
	}

	/**
	 * In the posting's own transaction: every movement passes here, and a listener kept
	 * in the event publication log would cost each transfer a row for the rare refund.
	 */
	@org.springframework.context.event.EventListener
	void on(TransactionPosted posted) {
		if (posted.type() == TransactionType.REFUND) {
			tell(posted.transactionId(), posted.customerId(), "refund-posted", posted.money(), c -> "");
		}
	}

	private void tell(UUID transactionId, UUID customerId, String kind, Money money,
			java.util.function.Function<Locale, String> detail) {
		boolean first = jdbc.sql("""
				INSERT INTO money_notice (transaction_id, kind, sent_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING""")
			.params(transactionId, kind, Timestamp.from(clock.instant()))
			.update() == 1;
		if (!first) {
			return;
		}
		CustomerProfile customer = identity.customer(customerId).orElseThrow();
		Locale locale = Languages.match(customer.language()).orElse(Languages.DEFAULT);
		notifications.tellCustomer(customerId, customer.language(), customer.noticePhone(), customer.noticeEmail(),
				kind, amount(money, locale), detail.apply(locale));
	}

	private String reason(String code, Locale locale) {
		return messages.getMessage("finding.reason." + code, null,
				messages.getMessage("finding.reason.other", null, locale), locale);
	}

	static String amount(Money money, Locale locale) {
		NumberFormat format = NumberFormat.getCurrencyInstance(locale);
		Currency currency = Currency.getInstance(money.currency());
		format.setCurrency(currency);
		format.setMaximumFractionDigits(currency.getDefaultFractionDigits());
		return format.format(BigDecimal.valueOf(money.amount(), currency.getDefaultFractionDigits()));
	}

}
