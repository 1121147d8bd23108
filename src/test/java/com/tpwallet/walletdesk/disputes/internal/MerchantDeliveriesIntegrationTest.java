package com.tpwallet.walletdesk.disputes.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tpwallet.walletdesk.Api.Response;
import com.tpwallet.walletdesk.HttpTestBase;
import com.tpwallet.walletdesk.wallet.WalletFixture;
import com.tpwallet.walletdesk.wallet.WalletFixture.Customer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/**
 * The merchants' dispute service is asked after the move commits, with no transaction
 * open, and asked again until it takes the case: a service that is down costs staff no
 * error and the pool no connection, and the case is not lost.
 */
@Import(MerchantDeliveriesIntegrationTest.Merchants.class)
class MerchantDeliveriesIntegrationTest extends HttpTestBase {

	/** A merchants' service that is down until the test says otherwise. */
	static final class FlakyMerchants implements MerchantDesk {

		final List<MerchantCase> taken = new CopyOnWriteArrayList<>();

		final List<UUID> asked = new CopyOnWriteArrayList<>();

		volatile boolean reachable;

		volatile CountDownLatch answers = new CountDownLatch(0);

		@Override
		public void ask(MerchantCase dispute) {
			asked.add(dispute.disputeId());
			try {
				answers.await(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			if (!reachable) {
				throw new Unreachable("down", new java.io.IOException("connection refused"));
			}
			taken.add(dispute);
		}

	}

	@TestConfiguration
	static class Merchants {

		@Bean
		@Primary
		FlakyMerchants flakyMerchants() {
			return new FlakyMerchants();
		}

	}

	static final Instant TUESDAY_MORNING = Instant.parse("2026-11-24T02:00:00Z");

	@Autowired
	FlakyMerchants merchants;

	@Autowired
	MerchantDeliveries deliveries;

	WalletFixture wallet;

	String supervisor;

	@BeforeEach
	void fixture() {
		clock.setTo(TUESDAY_MORNING);
		merchants.taken.clear();
		merchants.asked.clear();
		merchants.reachable = false;
		merchants.answers = new CountDownLatch(0);
		wallet = new WalletFixture(api, jdbc);
		supervisor = api.staffToken("SUPERVISOR");
		jdbc.sql("INSERT INTO merchant (id, name) VALUES ('m-shoes', 'Shoes') ON CONFLICT DO NOTHING").update();
	}

	String disputedPayment() {
		Customer c = wallet.funded(50_000);
		Response paid = wallet.pay(c, "m-shoes", 5_000, WalletFixture.PIN);
		Response opened = api.post("/api/v1/disputes", Map.of("transactionId", paid.text("id"), "reason",
				"goods_not_received", "description", "The shoes never came."), c.token());
		assertThat(opened.status()).as(opened.body().toString()).isEqualTo(201);
		return opened.text("id");
	}

	@Test
	void aServiceThatIsDownGetsTheCaseLaterAndNoTransactionWaitsForIt() throws Exception {
		String dispute = disputedPayment();
		merchants.answers = new CountDownLatch(1);
		CompletableFuture<Response> asking = CompletableFuture.supplyAsync(
				() -> api.post("/api/v1/staff/disputes/" + dispute + "/merchant-request", Map.of(), supervisor));
		await().atMost(Duration.ofSeconds(10)).until(() -> merchants.asked.size() == 1);
		assertThat(jdbc.sql("""
				SELECT count(*) FROM pg_stat_activity
				WHERE state = 'idle in transaction' AND query LIKE '%dispute%'""").query(Long.class).single()).isZero();
		merchants.answers.countDown();

		Response asked = asking.get(30, TimeUnit.SECONDS);
		assertThat(asked.status()).as(asked.body().toString()).isEqualTo(200);
		assertThat(asked.text("status")).isEqualTo("waiting_merchant");
		assertThat(attempts(dispute)).isEqualTo(1);
		deliveries.sendDue();
		assertThat(timesAsked(dispute)).as("not due again for 30 s").isEqualTo(1);

		// the attempt failed a moment after the test's clock was set: a minute on, it is
		// due
		clock.setTo(TUESDAY_MORNING.plusSeconds(60));
		merchants.reachable = true;
		deliveries.sendDue();
		assertThat(merchants.taken).extracting(MerchantDesk.MerchantCase::disputeId)
			.containsOnlyOnce(UUID.fromString(dispute));
		assertThat(jdbc
			.sql("SELECT merchant_sent_at IS NOT NULL AND merchant_send_after IS NULL FROM dispute WHERE id = ?")
			.param(UUID.fromString(dispute))
			.query(Boolean.class)
			.single()).isTrue();
		clock.setTo(TUESDAY_MORNING.plusSeconds(3_600));
		deliveries.sendDue();
		assertThat(timesAsked(dispute)).as("taken: never sent again").isEqualTo(2);
	}

	@Test
	void aCaseIsNotSentOnceTheDisputeNoLongerWaitsForTheMerchant() {
		String dispute = disputedPayment();
		assertThat(api.post("/api/v1/staff/disputes/" + dispute + "/merchant-request", Map.of(), supervisor).status())
			.isEqualTo(200);
		Response decided = api.post("/api/v1/staff/disputes/" + dispute + "/decision",
				Map.of("outcome", "rejected", "reason", "Delivered, signed for."), supervisor);
		assertThat(decided.status()).as(decided.body().toString()).isEqualTo(200);

		clock.setTo(TUESDAY_MORNING.plusSeconds(3_600));
		merchants.reachable = true;
		deliveries.sendDue();
		assertThat(timesAsked(dispute)).isEqualTo(1);
	}

	private long timesAsked(String dispute) {
		return merchants.asked.stream().filter(UUID.fromString(dispute)::equals).count();
	}

	private int attempts(String dispute) {
		return jdbc.sql("SELECT merchant_send_attempts FROM dispute WHERE id = ?")
			.param(UUID.fromString(dispute))
			.query(Integer.class)
			.single();
	}

}
