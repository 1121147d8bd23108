package com.tpwallet.walletdesk.wallet.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Resolves top-ups still pending after a while (lost callback, gateway timeout) by asking
 * the gateway, so that none is left hanging. Claims each one with {@code SKIP LOCKED}:
 * safe on every instance.
 */
@Component
class Reconciliation {

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final PaymentGateway gateway;

	private final GatewayCallbacks callbacks;

	private final Clock clock;

	private final Duration after;

	Reconciliation(JdbcClient jdbc, TransactionTemplate transactions, PaymentGateway gateway,
			GatewayCallbacks callbacks, Clock clock,
			@Value("${walletdesk.wallet.reconcile-after:PT2M}") Duration after) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.gateway = gateway;
		this.callbacks = callbacks;
		this.clock = clock;
		this.after = after;
	}

	@Scheduled(fixedDelayString = "${walletdesk.wallet.reconcile-every:PT1M}", initialDelayString = "PT30S")
	int run() {
		int resolved = 0;
		while (Boolean.TRUE.equals(transactions.execute(tx -> resolveNext()))) {
			resolved++;
		}
		return resolved;
	}

	private boolean resolveNext() {
		List<UUID> stale = jdbc.sql("""
				SELECT id FROM wallet_transaction WHERE type = 'top_up' AND status = 'pending' AND created_at < ?
				ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED""")
			.param(Timestamp.from(clock.instant().minus(after)))
			.query(UUID.class)
			.list();
		if (stale.isEmpty()) {
			return false;
		}
		PaymentGateway.ChargeStatus status = gateway.status(stale.get(0));
		if (status.status().equals("pending")) {
			return false; // the gateway is still working on it: ask again on the next run
		}
		callbacks.settle(stale.get(0), status.status(), status.reason());
		return true;
	}

}
