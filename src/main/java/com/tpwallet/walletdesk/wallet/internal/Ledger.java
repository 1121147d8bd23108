package com.tpwallet.walletdesk.wallet.internal;

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
 * Double-entry postings: each one moves money between accounts of one currency, its
 * entries sum to zero, and it is written in the caller's transaction. Balances are
 * updated in account-id order so that concurrent postings never deadlock; a customer
 * account that would go negative refuses the posting.
 */
@Component
class Ledger {

	/**
	 * An available account's outgoing total for the day given as the one parameter: a
	 * total kept for an earlier day counts as nothing (the columns are rolled over by the
	 * next write, not by a job).
	 */
	static final String SPENT_ON_DAY = "(CASE WHEN spent_on = ? THEN spent_that_day ELSE 0 END)";

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
			.params(customerId, kind.name(), currency)
			.query(Long.class)
			.optional()
			.orElseGet(() -> openCustomerAccount(customerId, kind, currency));
	}

	private long openCustomerAccount(UUID customerId, AccountKind kind, String currency) {
		jdbc.sql("""
				INSERT INTO ledger_account (customer_id, kind, currency) VALUES (?, ?, ?)
				ON CONFLICT (customer_id, kind, currency) WHERE customer_id IS NOT NULL DO NOTHING""")
			.params(customerId, kind.name(), currency)
			.update();
		return jdbc.sql("SELECT id FROM ledger_account WHERE customer_id = ? AND kind = ? AND currency = ?")
			.params(customerId, kind.name(), currency)
			.query(Long.class)
			.single();
	}

	/**
	 * The operator's accounts are created by migration and never change id, so each
	 * instance may remember them.
	 */
	long systemAccount(AccountKind kind, String currency) {
		return systemAccounts.computeIfAbsent(kind + ":" + currency,
				k -> jdbc.sql("SELECT id FROM ledger_account WHERE customer_id IS NULL AND kind = ? AND currency = ?")
					.params(kind.name(), currency)
					.query(Long.class)
					.single());
	}

	/**
	 * Both customers' accounts of one kind and currency, opening the ones that do not
	 * exist yet.
	 */
	Map<UUID, Long> customerAccounts(AccountKind kind, String currency, UUID... customers) {
		Map<UUID, Long> found = new java.util.HashMap<>();
		jdbc.sql("SELECT customer_id, id FROM ledger_account WHERE customer_id = ANY(?) AND kind = ? AND currency = ?")
			.params(customers, kind.name(), currency)
			.query(rs -> {
				found.put(rs.getObject("customer_id", UUID.class), rs.getLong("id"));
			});
		for (UUID customer : customers) {
			found.computeIfAbsent(customer, c -> openCustomerAccount(c, kind, currency));
		}
		return found;
	}

	/**
	 * What money leaving a customer is judged on: read under the locks of
	 * {@link #lockForSpending}.
	 */
	record Spending(boolean frozen, long available, Map<String, Long> spentToday) {
	}

	/**
	 * Locks, in id order (as a transfer batch locks: no deadlock), a customer's available
	 * accounts in every currency, the account money leaves and the account it goes to,
	 * and reads whether the wallet is frozen, the leaving account's balance, and what the
	 * customer has sent out today per currency.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	Spending lockForSpending(UUID customerId, long from, long to, java.time.LocalDate today) {
		Map<String, Long> spent = new java.util.HashMap<>();
		long[] available = { 0 };
		boolean[] frozen = { false };
		jdbc.sql("""
				SELECT a.id, a.customer_id = ? AS own, a.currency, a.balance, %s AS spent,
				  EXISTS (SELECT FROM wallet_freeze f WHERE f.customer_id = ?) AS frozen
				FROM ledger_account a
				WHERE (a.customer_id = ? AND a.kind = 'CUSTOMER_AVAILABLE') OR a.id IN (?, ?)
				ORDER BY a.id FOR UPDATE OF a""".formatted(SPENT_ON_DAY))
			.params(customerId, today, customerId, customerId, from, to)
			.query(rs -> {
				frozen[0] = rs.getBoolean("frozen");
				if (rs.getLong("id") == from) {
					available[0] = rs.getLong("balance");
				}
				if (rs.getBoolean("own")) {
					spent.merge(rs.getString("currency"), rs.getLong("spent"), Long::sum);
				}
			});
		return new Spending(frozen[0], available[0], spent);
	}

	/**
	 * Moves {@code amount} from one account to another: the simplest balanced posting.
	 */
	void move(UUID transactionId, PostingKind kind, String currency, long from, long to, long amount) {
		post(transactionId, kind, currency, List.of(new Entry(from, -amount), new Entry(to, amount)));
	}

	/**
	 * Two statements whatever the number of entries: one {@code UPDATE} of every balance
	 * (rows locked in account-id order), one insert of the posting with its entries.
	 * Whether money may leave a customer is judged before, by
	 * {@link OutgoingMoneyPolicy}; the never-negative constraint is only the last safety
	 * net.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	void post(UUID transactionId, PostingKind kind, String currency, List<Entry> entries) {
		if (entries.stream().mapToLong(Entry::amount).sum() != 0) {
			throw new IllegalArgumentException("An unbalanced posting: " + entries);
		}
		List<Entry> sorted = entries.stream().sorted(Comparator.comparingLong(Entry::accountId)).toList();
		Long[] ids = sorted.stream().map(Entry::accountId).toArray(Long[]::new);
		Long[] amounts = sorted.stream().map(Entry::amount).toArray(Long[]::new);
		// Row locks in account-id order, taken explicitly: an UPDATE ... FROM does not
		// promise an order,
		// and two opposite transfers locking in different orders deadlock.
		jdbc.sql("SELECT id FROM ledger_account WHERE id = ANY(?) ORDER BY id FOR UPDATE")
			.param(ids)
			.query(Long.class)
			.list();
		int updated = jdbc.sql("""
				UPDATE ledger_account a SET balance = a.balance + d.amount
				FROM unnest(?::bigint[], ?::bigint[]) AS d(id, amount) WHERE a.id = d.id""")
			.params(ids, amounts)
			.update();
		if (updated != entries.size()) {
			throw new IllegalStateException("A posting names an account that does not exist: " + entries);
		}
		UUID postingId = UUID.randomUUID();
		jdbc.sql("""
				WITH p AS (INSERT INTO posting (id, transaction_id, kind, currency, created_at) VALUES (?, ?, ?, ?, ?))
				INSERT INTO posting_entry (posting_id, account_id, amount)
				SELECT ?, d.id, d.amount FROM unnest(?::bigint[], ?::bigint[]) AS d(id, amount)""")
			.params(postingId, transactionId, kind.code(), currency, Timestamp.from(clock.instant()), postingId, ids,
					amounts)
			.update();
	}

	long balance(UUID customerId, AccountKind kind, String currency) {
		return jdbc.sql("SELECT balance FROM ledger_account WHERE customer_id = ? AND kind = ? AND currency = ?")
			.params(customerId, kind.name(), currency)
			.query(Long.class)
			.optional()
			.orElse(0L);
	}

}
