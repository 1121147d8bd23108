package com.tpwallet.walletdesk.wallet.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.tpwallet.walletdesk.HttpTestBase;
import com.tpwallet.walletdesk.platform.Refusal;
import com.tpwallet.walletdesk.wallet.Money;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Many threads moving money among a few wallets, both ways at once: nothing is created,
 * lost or deadlocked.
 */
class ConcurrentTransfersIntegrationTest extends HttpTestBase {

	@Autowired
	MoneyMovements movements;

	@Autowired
	TransferWriter writer;

	@Autowired
	IdempotentRequests idempotent;

	@Autowired
	Ledger ledger;

	@Autowired
	LedgerCheck check;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	MeterRegistry meters;

	record Wallet(UUID id, String phone) {
	}

	Wallet wallet(long amount) {
		String phone = api.registerCustomer("en");
		UUID id = UUID
			.fromString(api.get("/api/v1/me", api.login(phone, com.tpwallet.walletdesk.Api.PASSWORD)).text("id"));
		transactions.executeWithoutResult(tx -> ledger.move(UUID.randomUUID(), PostingKind.TOP_UP, "CNY",
				ledger.systemAccount(AccountKind.SUSPENSE, "CNY"),
				ledger.customerAccount(id, AccountKind.CUSTOMER_AVAILABLE, "CNY"), amount));
		// busy wallets of long standing: the risk monitor judges the storm below by their
		// habits
		com.tpwallet.walletdesk.wallet.WalletFixture.establish(jdbc, id);
		return new Wallet(id, phone);
	}

	@Test
	void concurrentTransfersKeepEveryBalanceExact() throws Exception {
		List<Wallet> wallets = List.of(wallet(10_000), wallet(10_000), wallet(10_000), wallet(10_000));
		AtomicInteger moved = new AtomicInteger();
		AtomicInteger refused = new AtomicInteger();
		DistributionSummary batches = meters.get(TransferWriter.BATCH_SIZES).summary();
		double settledBefore = batches.totalAmount();
		try (ExecutorService pool = Executors.newFixedThreadPool(12)) {
			List<Future<?>> futures = new ArrayList<>();
			for (int i = 0; i < 600; i++) {
				futures.add(pool.submit(() -> {
					var random = ThreadLocalRandom.current();
					Wallet from = wallets.get(random.nextInt(4));
					Wallet to = wallets.get(random.nextInt(4));
					if (from == to) {
						return;
					}
					try {
						long amount = random.nextLong(1, 3_000);
						idempotent.runQueued(from.id(), UUID.randomUUID().toString(), "transfer " + amount, () -> {
						}, (key, hash) -> writer.submit(from.id(), to.phone(), Money.positive(amount, "CNY"), null, key,
								hash, false), r -> {
								});
						moved.incrementAndGet();
					}
					catch (Refusal r) {
						assertThat(r.code()).isEqualTo("insufficient_balance");
						refused.incrementAndGet();
					}
				}));
			}
			for (Future<?> f : futures) {
				f.get();
			}
		}
		long total = wallets.stream()
			.mapToLong(w -> ledger.balance(w.id(), AccountKind.CUSTOMER_AVAILABLE, "CNY"))
			.sum();
		assertThat(total).isEqualTo(40_000);
		assertThat(moved.get()).isGreaterThan(100);
		assertThat(batches.totalAmount() - settledBefore).as("every request counted in the batch that settled it")
			.isEqualTo(moved.get() + refused.get());
		assertThat(check.run().balanced()).isTrue();
		for (Wallet w : wallets) {
			long posted = jdbc.sql("""
					SELECT coalesce(sum(e.amount), 0) FROM posting_entry e JOIN ledger_account a ON a.id = e.account_id
					WHERE a.customer_id = ? AND a.kind = 'CUSTOMER_AVAILABLE'""")
				.param(w.id())
				.query(Long.class)
				.single();
			assertThat(ledger.balance(w.id(), AccountKind.CUSTOMER_AVAILABLE, "CNY")).isEqualTo(posted).isNotNegative();
		}
	}

	@Test
	void racingRequestsWithOneKeyMoveMoneyOnce() throws Exception {
		Wallet from = wallet(5_000);
		Wallet to = wallet(0);
		String key = UUID.randomUUID().toString();
		try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
			List<Future<IdempotentRequests.Answer>> answers = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				answers.add(pool.submit(() -> idempotent.runQueued(from.id(), key, "same body", () -> {
				}, (k, hash) -> writer.submit(from.id(), to.phone(), Money.positive(1_000, "CNY"), null, k, hash,
						false), r -> {
						})));
			}
			String first = answers.get(0).get().body();
			for (var answer : answers) {
				assertThat(answer.get().body()).isEqualTo(first);
			}
		}
		assertThat(ledger.balance(to.id(), AccountKind.CUSTOMER_AVAILABLE, "CNY")).isEqualTo(1_000);
	}

}
