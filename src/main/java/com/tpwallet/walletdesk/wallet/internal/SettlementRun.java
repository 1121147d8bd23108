package com.tpwallet.walletdesk.wallet.internal;

import com.tpwallet.walletdesk.wallet.BusinessCalendar;
import com.tpwallet.walletdesk.wallet.Money;
import com.tpwallet.walletdesk.wallet.TransactionView;
import com.tpwallet.walletdesk.wallet.WalletEvents.WithdrawalFailed;
import com.tpwallet.walletdesk.wallet.WalletEvents.WithdrawalSettled;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Pays held withdrawals out on business days only. Each withdrawal is claimed with
 * {@code FOR UPDATE SKIP LOCKED}, so several instances running the job never pay one
 * twice. A payout the bank rejects returns the funds to the customer with the bank's
 * reason.
 */
@Component
class SettlementRun {

	record Outcome(LocalDate day, boolean businessDay, int settled, int returned) {
	}

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final TransactionRecords records;

	private final Ledger ledger;

	private final PayoutBank bank;

	private final CardVault vault;

	private final BusinessCalendar calendar;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	SettlementRun(JdbcClient jdbc, TransactionTemplate transactions, TransactionRecords records, Ledger ledger,
			PayoutBank bank, CardVault vault, BusinessCalendar calendar, ApplicationEventPublisher events,
			Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.records = records;
		this.ledger = ledger;
		this.bank = bank;
		this.vault = vault;
		this.calendar = calendar;
		this.events = events;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${walletdesk.wallet.settlement-every:PT5M}", initialDelayString = "PT1M")
	void onSchedule() {
		run(LocalDate.now(clock.withZone(BusinessCalendar.ZONE)));
	}

	Outcome run(LocalDate today) {
		if (!calendar.isBusinessDay(today)) {
			return new Outcome(today, false, 0, 0);
		}
		int settled = 0;
		int returned = 0;
		Boolean paid;
		while ((paid = transactions.execute(tx -> settleNext(today))) != null) {
			if (paid) {
				settled++;
			}
			else {
				returned++;
			}
		}
		return new Outcome(today, true, settled, returned);
	}

	/** Settles one due withdrawal; null when none is left. */
	private Boolean settleNext(LocalDate today) {
		List<UUID> due = jdbc.sql("""
				SELECT id FROM wallet_transaction WHERE type = 'withdrawal' AND status = 'held' AND payout_date <= ?
				ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED""").param(today).query(UUID.class).list();
		if (due.isEmpty()) {
			return null;
		}
		TransactionView w = records.find(due.get(0)).orElseThrow();
		String sealed = jdbc.sql("SELECT card_sealed FROM wallet_transaction WHERE id = ?")
			.param(w.id())
			.query(String.class)
			.single();
		String holder = jdbc.sql("SELECT holder_name FROM wallet_transaction WHERE id = ?")
			.param(w.id())
			.query(String.class)
			.single();
		long held = ledger.customerAccount(w.customerId(), AccountKind.CUSTOMER_HELD, w.currency());
		records.sendToBank(w.id());
		PayoutBank.PayoutAnswer answer = bank.payout(w.id(), new Money(w.amount(), w.currency()), vault.open(sealed),
				holder);
		if (answer.paid()) {
			ledger.move(w.id(), PostingKind.WITHDRAWAL_PAYOUT, w.currency(), held,
					ledger.systemAccount(AccountKind.BANK_CLEARING, w.currency()), w.amount());
			records.settle(w.id());
			events.publishEvent(new WithdrawalSettled(w.id(), w.customerId(), new Money(w.amount(), w.currency())));
		}
		else {
			ledger.move(w.id(), PostingKind.WITHDRAWAL_RETURN, w.currency(), held,
					ledger.customerAccount(w.customerId(), AccountKind.CUSTOMER_AVAILABLE, w.currency()), w.amount());
			String why = String.valueOf(answer.rejection());
			records.returnFromBank(w.id(), why);
			events.publishEvent(new WithdrawalFailed(w.id(), w.customerId(), why, new Money(w.amount(), w.currency())));
		}
		// The card number is only needed until the payout; it is not kept afterwards.
		jdbc.sql("UPDATE wallet_transaction SET card_sealed = NULL WHERE id = ?").param(w.id()).update();
		return answer.paid();
	}

}
