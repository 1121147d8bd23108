package com.tpwallet.walletdesk.wallet.internal;

import com.tpwallet.walletdesk.platform.Refusal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Double-entry postings: each one moves money between accounts of one currency, its entries sum to
 * zero, and it is written in the caller's transaction. Balances are updated in account-id order so that
 * concurrent postings never deadlock; a customer account that would go negative refuses the posting.
 */
@Component
class Ledger {

	record Entry(long accountId, long amount) {
	}

	private final JdbcClient jdbc;
	private final Clock clock;
	private final Map<String, Long> systemAccounts = new ConcurrentHashMap<>();

	Ledger(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	long customerAccount(UUID customerId, AccountKind kind, String currency) {
		return jdbc.sql("SELECT id FROM ledger_account WHERE customer_id = ? AND kind = ? AND currency = ?")
				.params(customerId, kind.name(), currency).query(Long.class).optional()
				.orElseGet(() -> openCustomerAccount(customerId, kind, currency));
	}

	private long openCustomerAccount(UUID customerId, AccountKind kind, String currency) {
		jdbc.sql("""
				INSERT INTO ledger_account (customer_id, kind, currency) VALUES (?, ?, ?)
				ON CONFLICT (customer_id, kind, currency) WHERE customer_id IS NOT NULL DO NOTHING""")
				.params(customerId, kind.name(), currency).update();
		return jdbc.sql("SELECT id FROM ledger_account WHERE customer_id = ? AND kind = ? AND currency = ?")
				.params(customerId, kind.name(), currency).query(Long.class).single();
	}

	/** The operator's accounts are created by migration and never change id, so each instance may remember them. */
	long systemAccount(AccountKind kind, String currency) {
		return systemAccounts.computeIfAbsent(kind + ":" + currency, k -> jdbc
				.sql("SELECT id FROM ledger_account WHERE customer_id IS NULL AND kind = ? AND currency = ?")
				.params(kind.name(), currency).query(Long.class).single());
	}

	/** Moves {@code amount} from one account to another: the simplest balanced posting. */
	void move(UUID transactionId, String kind, String currency, long from, long to, long amount) {
		post(transactionId, kind, currency, List.of(new Entry(from, -amount), new Entry(to, amount)));
	}

	@Transactional(propagation = Propagation.MANDATORY)
	void post(UUID transactionId, String kind, String currency, List<Entry> entries) {
		if (entries.stream().mapToLong(Entry::amount).sum() != 0) {
			throw new IllegalArgumentException("An unbalanced posting: " + entries);
		}
		UUID postingId = UUID.randomUUID();
		for (Entry entry : entries.stream().sorted(Comparator.comparingLong(Entry::accountId)).toList()) {
			int updated = jdbc.sql("""
					UPDATE ledger_account SET balance = balance + :amount
					WHERE id = :id AND (customer_id IS NULL OR balance + :amount >= 0)""")
					.param("amount", entry.amount()).param("id", entry.accountId()).update();
			if (updated == 0) {
				throw Refusal.unprocessable("insufficient_balance");
			}
		}
		jdbc.sql("INSERT INTO posting (id, transaction_id, kind, currency, created_at) VALUES (?, ?, ?, ?, ?)")
				.params(postingId, transactionId, kind, currency, Timestamp.from(clock.instant())).update();
		for (Entry entry : entries) {
			jdbc.sql("INSERT INTO posting_entry (posting_id, account_id, amount) VALUES (?, ?, ?)")
					.params(postingId, entry.accountId(), entry.amount()).update();
		}
	}

	long balance(UUID customerId, AccountKind kind, String currency) {
		return jdbc.sql("SELECT balance FROM ledger_account WHERE customer_id = ? AND kind = ? AND currency = ?")
				.params(customerId, kind.name(), currency).query(Long.class).optional().orElse(0L);
	}
}
