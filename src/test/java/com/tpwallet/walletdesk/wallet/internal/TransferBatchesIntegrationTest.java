package com.tpwallet.walletdesk.wallet.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tpwallet.walletdesk.HttpTestBase;
import com.tpwallet.walletdesk.wallet.Money;
import com.tpwallet.walletdesk.wallet.internal.TransferBatches.KeyClaimedMeanwhile;
import com.tpwallet.walletdesk.wallet.internal.TransferBatches.Prepared;
import com.tpwallet.walletdesk.wallet.internal.TransferWriter.Command;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The two steps of a transfer batch, and the ledger check that watches over what they
 * write.
 */
class TransferBatchesIntegrationTest extends HttpTestBase {

	@Autowired
	TransferBatches batches;

	@Autowired
	Ledger ledger;

	@Autowired
	LedgerCheck check;

	@Autowired
	TransactionTemplate transactions;

	UUID funded(String phone, long amount) {
		UUID id = UUID
			.fromString(api.get("/api/v1/me", api.login(phone, com.tpwallet.walletdesk.Api.PASSWORD)).text("id"));
		transactions.executeWithoutResult(tx -> ledger.move(UUID.randomUUID(), PostingKind.TOP_UP, "CNY",
				ledger.systemAccount(AccountKind.SUSPENSE, "CNY"),
				ledger.customerAccount(id, AccountKind.CUSTOMER_AVAILABLE, "CNY"), amount));
		// a sender of long standing: what is tested here is the batch, not the risk
		// monitor
		com.tpwallet.walletdesk.wallet.WalletFixture.establish(jdbc, id);
		return id;
	}

	@Test
	void aKeyStoredByAConcurrentRequestAfterThePreparationRollsTheBatchBackThenIsReplayed() {
		UUID sender = funded(api.registerCustomer("en"), 10_000);
		String recipientPhone = api.registerCustomer("en");
		String key = UUID.randomUUID().toString();
		Command transfer = new Command(sender, recipientPhone, Money.positive(2_500, "CNY"), null, key, "hash-1", false,
				new CompletableFuture<>());
		Prepared prepared = transactions.execute(tx -> batches.prepare(List.of(transfer)));
		assertThat(prepared.work()).containsExactly(transfer);

		// Another request with the same key commits between the two steps.
		jdbc.sql("""
				INSERT INTO idempotency_record (customer_id, key, request_hash, status_code, response, created_at)
				VALUES (?, ?, 'hash-1', 201, '{"id":"earlier"}', ?)""")
			.params(sender, key, Timestamp.from(Instant.now()))
			.update();

		assertThatThrownBy(() -> transactions.execute(tx -> batches.settle(prepared)))
			.isInstanceOf(KeyClaimedMeanwhile.class);
		assertThat(ledger.balance(sender, AccountKind.CUSTOMER_AVAILABLE, "CNY")).as("rolled back").isEqualTo(10_000);

		Prepared again = batches.recheck(prepared);
		assertThat(again.work()).isEmpty();
		Map<Command, TransferBatches.Outcome> outcomes = transactions.execute(tx -> batches.settle(again));
		assertThat(outcomes).as("nothing settled: the request is answered from the stored key").isEmpty();
		assertThat(ledger.balance(sender, AccountKind.CUSTOMER_AVAILABLE, "CNY")).isEqualTo(10_000);
		assertThat(check.run().balanced()).isTrue();
	}

	@Test
	void aRecipientsFirstTransferInACurrencyOpensTheirAccountInThePreparation() {
		UUID sender = funded(api.registerCustomer("en"), 10_000);
		String recipientPhone = api.registerCustomer("en");
		UUID recipient = UUID.fromString(
				api.get("/api/v1/me", api.login(recipientPhone, com.tpwallet.walletdesk.Api.PASSWORD)).text("id"));
		Command transfer = new Command(sender, recipientPhone, Money.positive(700, "CNY"), "lunch",
				UUID.randomUUID().toString(), "hash-2", false, new CompletableFuture<>());
		Prepared prepared = transactions.execute(tx -> batches.prepare(List.of(transfer)));
		assertThat(prepared.accountIds()).containsKey(new TransferBatches.Slot(recipient, "CNY"));

		Map<Command, TransferBatches.Outcome> outcomes = transactions.execute(tx -> batches.settle(prepared));
		assertThat(outcomes.get(transfer)).isInstanceOf(TransferBatches.Settled.class);
		String body = ((TransferBatches.Settled) outcomes.get(transfer)).answer().body();
		assertThat(body).as("a reference is the day and a ten-digit number from the sequence")
			.containsPattern("\"reference\":\"T\\d{18}\"");
		assertThat(ledger.balance(recipient, AccountKind.CUSTOMER_AVAILABLE, "CNY")).isEqualTo(700);
		assertThat(ledger.balance(sender, AccountKind.CUSTOMER_AVAILABLE, "CNY")).isEqualTo(9_300);
	}

	@Test
	void theBatchReadsRunOnPlansMadeOnceNotPlannedAgainForEachBatch() {
		UUID sender = funded(api.registerCustomer("en"), 10_000);
		String recipientPhone = api.registerCustomer("en");
		Command transfer = new Command(sender, recipientPhone, Money.positive(100, "CNY"), null,
				UUID.randomUUID().toString(), "hash-3", false, new CompletableFuture<>());
		List<Map<String, Object>> plans = transactions.execute(tx -> {
			// the driver prepares a statement on the server at its fifth run; PostgreSQL
			// then chooses a plan for each run, and counts (per connection) which kind
			for (int i = 0; i < 5; i++) {
				batches.prepare(List.of(transfer));
			}
			Map<String, Object> before = keyReadPlans();
			for (int i = 0; i < 3; i++) {
				batches.prepare(List.of(transfer));
			}
			return List.of(before, keyReadPlans());
		});
		assertThat((long) plans.get(1).get("generic_plans") - (long) plans.get(0).get("generic_plans")).isEqualTo(3);
		assertThat(plans.get(1).get("custom_plans")).isEqualTo(plans.get(0).get("custom_plans"));
	}

	private Map<String, Object> keyReadPlans() {
		return jdbc.sql("""
				SELECT generic_plans, custom_plans FROM pg_prepared_statements
				WHERE statement LIKE '%FROM idempotency_record i WHERE i.customer_id = t.c%'""").query().singleRow();
	}

	@Test
	void theLedgerCheckFindsAnEntryWithoutItsPostingOrAccount() {
		transactions.executeWithoutResult(tx -> {
			jdbc.sql("INSERT INTO posting_entry (posting_id, account_id, amount) VALUES (?, -1, 0)")
				.param(UUID.randomUUID())
				.update();
			LedgerCheck.Report report = check.run();
			assertThat(report.orphanEntries()).isEqualTo(1);
			assertThat(report.balanced()).isFalse();
			tx.setRollbackOnly();
		});
		assertThat(check.run().balanced()).isTrue();
	}

}
