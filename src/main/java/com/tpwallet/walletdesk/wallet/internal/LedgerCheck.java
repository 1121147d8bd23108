package com.tpwallet.walletdesk.wallet.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Proves the ledger's invariants on one consistent snapshot: every currency sums to zero,
 * every posting is balanced, every account's balance equals the sum of its entries, every
 * entry belongs to a posting and an account (the schema has no foreign keys there; see
 * ADR 5), and no customer account is negative. It also proves what a balanced ledger
 * alone cannot: no movement has been refunded more than it was worth, and every operator
 * account keeps the sign its business allows (money minted on both sides of a posting
 * still sums to zero, but leaves the merchants' settlement account owing the wallet).
 */
@Component
class LedgerCheck {

	record CurrencySum(String currency, long sum, int accounts) {
	}

	record Report(boolean balanced, List<CurrencySum> currencies, List<Long> driftedAccounts,
			List<String> unbalancedPostings, long orphanEntries, int negativeCustomerAccounts,
			List<String> overRefundedPayments, List<String> implausibleSystemAccounts, Instant checkedAt) {
	}

	/**
	 * The sign each operator account may have. Merchants are owed what customers paid
	 * less refunds, never less than nothing; the bank clearing account has paid in at
	 * least what was withdrawn; fees only accrue; the rest carry money only in passing.
	 */
	static final String PLAUSIBLE_SYSTEM_BALANCE = """
			CASE kind WHEN 'MERCHANT_SETTLEMENT' THEN balance >= 0
			          WHEN 'FEES' THEN balance >= 0
			          WHEN 'BANK_CLEARING' THEN balance <= 0
			          WHEN 'WITHDRAWAL_IN_TRANSIT' THEN balance >= 0
			          WHEN 'DISPUTE_LOSSES' THEN balance <= 0
			          WHEN 'DISPUTE_PROVISIONAL' THEN balance <= 0
			          ELSE true END""";

	private final JdbcClient jdbc;

	private final Clock clock;

	LedgerCheck(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public Report run() {
		List<CurrencySum> sums = jdbc.sql(
				"SELECT currency, sum(balance) AS s, count(*) AS n FROM ledger_account GROUP BY currency ORDER BY currency")
			.query((rs, n) -> new CurrencySum(rs.getString("currency"), rs.getLong("s"), rs.getInt("n")))
			.list();
		List<Long> drifted = jdbc
			.sql("""
					SELECT a.id FROM ledger_account a
					LEFT JOIN (SELECT account_id, sum(amount) AS s FROM posting_entry GROUP BY account_id) e ON e.account_id = a.id
					WHERE a.balance <> coalesce(e.s, 0) ORDER BY a.id LIMIT 100""")
			.query(Long.class)
			.list();
		List<String> unbalanced = jdbc.sql("""
				SELECT posting_id::text FROM posting_entry GROUP BY posting_id HAVING sum(amount) <> 0 LIMIT 100""")
			.query(String.class)
			.list();
		long orphans = jdbc.sql("""
				SELECT count(*) FROM posting_entry e
				WHERE NOT EXISTS (SELECT FROM posting p WHERE p.id = e.posting_id)
				   OR NOT EXISTS (SELECT FROM ledger_account a WHERE a.id = e.account_id)""")
			.query(Long.class)
			.single();
		int negative = jdbc.sql("SELECT count(*) FROM ledger_account WHERE customer_id IS NOT NULL AND balance < 0")
			.query(Integer.class)
			.single();
		List<String> overRefunded = jdbc.sql("""
				SELECT p.reference FROM wallet_transaction p
				JOIN wallet_transaction r ON r.related_id = p.id AND r.type = 'refund' AND r.status = 'succeeded'
				GROUP BY p.id, p.reference, p.amount HAVING sum(r.amount::numeric) > p.amount
				ORDER BY p.reference LIMIT 100""").query(String.class).list();
		List<String> implausible = jdbc
			.sql("SELECT kind || ' ' || currency FROM ledger_account WHERE customer_id IS NULL AND NOT ("
					+ PLAUSIBLE_SYSTEM_BALANCE + ") ORDER BY kind, currency")
			.query(String.class)
			.list();
		boolean balanced = sums.stream().allMatch(s -> s.sum() == 0) && drifted.isEmpty() && unbalanced.isEmpty()
				&& orphans == 0 && negative == 0 && overRefunded.isEmpty() && implausible.isEmpty();
		return new Report(balanced, sums, drifted, unbalanced, orphans, negative, overRefunded, implausible,
				clock.instant());
	}

}
