package com.tpwallet.walletdesk.wallet.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.tpwallet.walletdesk.HttpTestBase;
import com.tpwallet.walletdesk.wallet.WalletFixture;
import com.tpwallet.walletdesk.wallet.WalletFixture.Customer;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ledger check finds what a balanced ledger hides: forgeries written straight to the
 * tables.
 */
class LedgerCheckIntegrationTest extends HttpTestBase {

	@Autowired
	LedgerCheck check;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void aForgedOverRefundWrittenStraightToTheTablesIsFoundThoughEveryPostingBalances() {
		Customer c = new WalletFixture(api, jdbc).funded(10_000);
		String payment = new WalletFixture(api, jdbc).pay(c, "m-books", 3_000, WalletFixture.PIN).text("id");
		assertThat(check.run().balanced()).isTrue();
		// The forgery is made and judged inside one transaction that is rolled back:
		// other tests share the ledger.
		LedgerCheck.Report report = transactions.execute(status -> {
			status.setRollbackOnly();
			forgeRefund(UUID.fromString(payment), c.id(), 5_000);
			return check.run();
		});
		assertThat(report.currencies()).allMatch(sum -> sum.sum() == 0);
		assertThat(report.unbalancedPostings()).isEmpty();
		assertThat(report.overRefundedPayments()).hasSize(1);
		assertThat(report.balanced()).isFalse();
		assertThat(check.run().balanced()).isTrue();
	}

	@Test
	void anOperatorAccountWithTheWrongSignIsImplausible() {
		LedgerCheck.Report report = transactions.execute(status -> {
			status.setRollbackOnly();
			jdbc.sql(
					"UPDATE ledger_account SET balance = balance - 1 WHERE customer_id IS NULL AND kind = 'MERCHANT_SETTLEMENT' AND currency = 'USD'")
				.update();
			jdbc.sql(
					"UPDATE ledger_account SET balance = balance + 1 WHERE customer_id IS NULL AND kind = 'SUSPENSE' AND currency = 'USD'")
				.update();
			return check.run();
		});
		assertThat(report.implausibleSystemAccounts()).containsExactly("MERCHANT_SETTLEMENT USD");
		assertThat(report.balanced()).isFalse();
	}

	@Test
	void theDatabaseRefusesAnAmountBeyondTheProductsMaximum() {
		Customer c = new WalletFixture(api, jdbc).funded(1_000);
		String payment = new WalletFixture(api, jdbc).pay(c, "m-books", 500, WalletFixture.PIN).text("id");
		Exception refused = null;
		try {
			transactions.executeWithoutResult(status -> forgeRefund(UUID.fromString(payment), c.id(), Long.MAX_VALUE));
		}
		catch (DataIntegrityViolationException e) {
			refused = e;
		}
		assertThat(refused).as("the amount constraint refuses the row").isNotNull();
		assertThat(refused.getMessage()).contains("amount_in_range");
		assertThat(check.run().balanced()).isTrue();
	}

	private void forgeRefund(UUID payment, UUID customer, long amount) {
		UUID refund = UUID.randomUUID();
		Timestamp now = Timestamp.from(Instant.now());
		jdbc.sql(
				"""
						INSERT INTO wallet_transaction (id, reference, customer_id, type, status, amount, currency, related_id, created_at, updated_at)
						VALUES (?, ?, ?, 'refund', 'succeeded', ?, 'CNY', ?, ?, ?)""")
			.params(refund, "FORGED" + refund.toString().substring(0, 8), customer, amount, payment, now, now)
			.update();
		long merchant = jdbc.sql(
				"SELECT id FROM ledger_account WHERE customer_id IS NULL AND kind = 'MERCHANT_SETTLEMENT' AND currency = 'CNY'")
			.query(Long.class)
			.single();
		long available = jdbc.sql(
				"SELECT id FROM ledger_account WHERE customer_id = ? AND kind = 'CUSTOMER_AVAILABLE' AND currency = 'CNY'")
			.param(customer)
			.query(Long.class)
			.single();
		UUID posting = UUID.randomUUID();
		jdbc.sql(
				"INSERT INTO posting (id, transaction_id, kind, currency, created_at) VALUES (?, ?, 'refund', 'CNY', ?)")
			.params(posting, refund, now)
			.update();
		jdbc.sql("INSERT INTO posting_entry (posting_id, account_id, amount) VALUES (?, ?, ?), (?, ?, ?)")
			.params(posting, merchant, -amount, posting, available, amount)
			.update();
		jdbc.sql("UPDATE ledger_account SET balance = balance - ? WHERE id = ?").params(amount, merchant).update();
		jdbc.sql("UPDATE ledger_account SET balance = balance + ? WHERE id = ?").params(amount, available).update();
	}

}
