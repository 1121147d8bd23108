package com.tpwallet.walletdesk.wallet.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tpwallet.walletdesk.Api.Response;
import com.tpwallet.walletdesk.HttpTestBase;
import com.tpwallet.walletdesk.wallet.Money;
import com.tpwallet.walletdesk.wallet.WalletFixture;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/**
 * A top-up is on record, committed, before the card acquirer is asked: a charge the
 * acquirer takes then always has our record beside it (for its callback and for
 * reconciliation), even if the service dies or loses its database while it waits.
 */
@Import(TopUpAskingTheAcquirerIntegrationTest.Acquirer.class)
class TopUpAskingTheAcquirerIntegrationTest extends HttpTestBase {

	/** An acquirer that answers only when the test says so. */
	static final class HeldAcquirer implements PaymentGateway {

		final AtomicInteger asked = new AtomicInteger();

		volatile CountDownLatch answers = new CountDownLatch(1);

		volatile ChargeAnswer answer = new ChargeAnswer(false, "bank_declined");

		/** Whether the acquirer, once let go, gives no answer in time. */
		volatile boolean timesOut;

		void reset(boolean timesOut) {
			asked.set(0);
			answers = new CountDownLatch(1);
			this.timesOut = timesOut;
		}

		@Override
		public ChargeAnswer charge(UUID topUpId, Money money, BankCard card) {
			asked.incrementAndGet();
			try {
				answers.await(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			if (timesOut) {
				throw new GatewayTimeout("held past the time-out");
			}
			return answer;
		}

		@Override
		public ChargeStatus status(UUID topUpId) {
			return new ChargeStatus("pending", null);
		}

	}

	@TestConfiguration
	static class Acquirer {

		@Bean
		@Primary
		HeldAcquirer heldAcquirer() {
			return new HeldAcquirer();
		}

	}

	@Autowired
	HeldAcquirer acquirer;

	@Autowired
	GatewayCallbacks callbacks;

	static final Map<String, Object> TOP_UP = Map.of("amount", 5_000, "currency", "CNY", "cardNumber",
			WalletFixture.CARD, "expiry", "12/30");

	/** A top-up sent under the key, once the acquirer holds its charge. */
	private CompletableFuture<Response> topUpTheAcquirerHolds(WalletFixture.Customer c, String key) {
		CompletableFuture<Response> sent = CompletableFuture
			.supplyAsync(() -> api.post("/api/v1/wallet/top-ups", TOP_UP, c.token(), "Idempotency-Key", key));
		await().atMost(Duration.ofSeconds(10)).until(() -> acquirer.asked.get() == 1);
		return sent;
	}

	@Test
	void theTopUpIsCommittedBeforeTheAcquirerIsAskedAndItsDeclineBecomesTheKeysAnswer() throws Exception {
		acquirer.reset(false);
		WalletFixture.Customer c = new WalletFixture(api, jdbc).customer();
		CompletableFuture<Response> first = topUpTheAcquirerHolds(c, "held-top-up");

		// while the acquirer has the charge: the record is there for anyone to read, and
		// no connection waits in a transaction
		assertThat(jdbc.sql("SELECT status FROM wallet_transaction WHERE customer_id = ? AND type = 'top_up'")
			.param(c.id())
			.query(String.class)
			.list()).containsExactly("pending");
		assertThat(jdbc
			.sql("""
					SELECT count(*) FROM pg_stat_activity
					WHERE state = 'idle in transaction' AND (query LIKE '%wallet_transaction%' OR query LIKE '%idempotency%')""")
			.query(Long.class)
			.single()).isZero();
		Response meanwhile = api.post("/api/v1/wallet/top-ups", TOP_UP, c.token(), "Idempotency-Key", "held-top-up");
		assertThat(meanwhile.status()).isEqualTo(201);
		assertThat(meanwhile.text("status")).as("the same request again: the top-up as it stands").isEqualTo("pending");

		acquirer.answers.countDown();
		Response answered = first.get(30, TimeUnit.SECONDS);
		assertThat(answered.status()).isEqualTo(201);
		assertThat(answered.text("id")).isEqualTo(meanwhile.text("id"));
		assertThat(answered.text("status")).isEqualTo("failed");
		assertThat(answered.text("failureReason")).isEqualTo("bank_declined");
		Response replayed = api.post("/api/v1/wallet/top-ups", TOP_UP, c.token(), "Idempotency-Key", "held-top-up");
		assertThat(replayed.text("status")).isEqualTo("failed");
		assertThat(jdbc.sql("SELECT count(*) FROM wallet_transaction WHERE customer_id = ?")
			.param(c.id())
			.query(Long.class)
			.single()).as("one top-up").isEqualTo(1);
	}

	@Test
	void aTimeOutAfterTheSignedCallbackSettledTheTopUpLeavesItSettledWithNoPendingStepAfter() throws Exception {
		acquirer.reset(true);
		WalletFixture.Customer c = new WalletFixture(api, jdbc).customer();
		CompletableFuture<Response> first = topUpTheAcquirerHolds(c, "settled-first");
		UUID topUp = jdbc.sql("SELECT id FROM wallet_transaction WHERE customer_id = ? AND type = 'top_up'")
			.param(c.id())
			.query(UUID.class)
			.single();
		String callback = "{\"topUpId\":\"" + topUp + "\",\"status\":\"succeeded\",\"reason\":\"\"}";
		assertThat(callbacks.receive(callback, WalletFixture.gatewaySignature(callback))).isTrue();

		acquirer.answers.countDown();
		Response answered = first.get(30, TimeUnit.SECONDS);
		assertThat(answered.status()).isEqualTo(201);
		assertThat(answered.text("status")).isEqualTo("succeeded");
		assertThat(jdbc.sql("SELECT status FROM transaction_event WHERE transaction_id = ? ORDER BY at, id")
			.param(topUp)
			.query(String.class)
			.list()).as("the steps after the record's own first ones").containsExactly("succeeded");
	}

}
