package com.tpwallet.walletdesk.disputes.internal;

import com.tpwallet.walletdesk.wallet.WalletApi;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Hands a dispute's case to the merchants' dispute service ({@link MerchantDesk}) once
 * the move that asks the merchant has committed, with no transaction open: the service
 * may take up to its time-out to answer, and a pooled connection and the dispute's row
 * lock must not wait for it. A case the service did not take is sent again, with the same
 * Idempotency-Key, until it does or the dispute stops waiting for the merchant (its
 * deadline still runs: silence past it decides for the customer). Each attempt first
 * claims the dispute with a lease, so that one instance sends at a time.
 */
@Component
class MerchantDeliveries {

	private static final Logger log = LoggerFactory.getLogger(MerchantDeliveries.class);

	/** How long one attempt may take before another instance may try. */
	static final Duration LEASE = Duration.ofMinutes(2);

	private final JdbcClient jdbc;

	private final DisputeRepository disputes;

	private final WalletApi wallet;

	private final MerchantDesk merchants;

	private final Clock clock;

	MerchantDeliveries(JdbcClient jdbc, DisputeRepository disputes, WalletApi wallet, MerchantDesk merchants,
			Clock clock) {
		this.jdbc = jdbc;
		this.disputes = disputes;
		this.wallet = wallet;
		this.merchants = merchants;
		this.clock = clock;
	}

	/** In the move's transaction: the case is to be sent from now on. */
	void due(UUID disputeId, Instant now) {
		jdbc.sql("""
				UPDATE dispute SET merchant_send_after = ?, merchant_send_attempts = 0, merchant_sent_at = NULL
				WHERE id = ?""").params(Timestamp.from(now), disputeId).update();
	}

	/**
	 * Sends the case if it is due and no other attempt holds it; answers whether the
	 * service took it.
	 */
	boolean send(UUID disputeId) {
		Instant now = clock.instant();
		Optional<Integer> failedBefore = claim(disputeId, now);
		if (failedBefore.isEmpty()) {
			return false;
		}
		Dispute d = disputes.find(disputeId).orElseThrow();
		try {
			merchants.ask(new MerchantDesk.MerchantCase(d.id, String.valueOf(d.counterparty),
					wallet.transaction(d.transactionId).orElseThrow().reference(), d.amount, d.currency,
					d.reason.code(), d.description, d.merchantDue));
		}
		catch (MerchantDesk.Unreachable notTaken) {
			jdbc.sql("""
					UPDATE dispute SET merchant_send_attempts = merchant_send_attempts + 1, merchant_send_after = ?
					WHERE id = ? AND merchant_sent_at IS NULL""")
				.params(Timestamp.from(now.plus(retryAfter(failedBefore.get()))), disputeId)
				.update();
			log.warn("The merchants' dispute service did not take dispute {} (attempt {}): {}", disputeId,
					failedBefore.get() + 1, notTaken.toString());
			return false;
		}
		jdbc.sql("UPDATE dispute SET merchant_sent_at = ?, merchant_send_after = NULL WHERE id = ?")
			.params(Timestamp.from(clock.instant()), disputeId)
			.update();
		return true;
	}

	/** Every case due, oldest first; answers how many the service took. */
	@Scheduled(fixedDelayString = "${walletdesk.disputes.merchant-retry-every:PT30S}", initialDelayString = "PT30S")
	int sendDue() {
		List<UUID> due = jdbc.sql("""
				SELECT id FROM dispute WHERE merchant_send_after <= ? AND status = 'waiting_merchant'
				ORDER BY merchant_send_after LIMIT 100""")
			.param(Timestamp.from(clock.instant()))
			.query(UUID.class)
			.list();
		int sent = 0;
		for (UUID id : due) {
			sent += send(id) ? 1 : 0;
		}
		return sent;
	}

	/**
	 * Takes the dispute's next attempt for {@link #LEASE}, in one statement of its own,
	 * and answers how many attempts failed before; empty when nothing is due, the dispute
	 * no longer waits for the merchant, or another attempt holds it.
	 */
	private Optional<Integer> claim(UUID disputeId, Instant now) {
		return jdbc.sql("""
				UPDATE dispute SET merchant_send_after = ?
				WHERE id = ? AND merchant_send_after <= ? AND status = 'waiting_merchant'
				RETURNING merchant_send_attempts""")
			.params(Timestamp.from(now.plus(LEASE)), disputeId, Timestamp.from(now))
			.query(Integer.class)
			.optional();
	}

	/** 30 s after the first failure, then twice as long each time, at most 64 minutes. */
	static Duration retryAfter(int failedBefore) {
		return Duration.ofSeconds(30L << Math.min(7, failedBefore));
	}

}
