package com.tpwallet.walletdesk.wallet.internal;

import com.tpwallet.walletdesk.platform.Actor;
import com.tpwallet.walletdesk.wallet.WalletApi;
import com.tpwallet.walletdesk.wallet.WalletEvents.WalletActionTaken;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Freezing a wallet: no money leaves it (money still comes in). By a supervisor, or at
 * once when the risk monitor's verdict on a movement is to freeze.
 */
@Component
class Freezes {

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final TransactionTemplate ownTransaction;

	Freezes(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** Freezes the wallet in the current transaction; audited if it was not frozen. */
	void freeze(UUID customerId, String reason, Actor actor) {
		int added = jdbc
			.sql("INSERT INTO wallet_freeze (customer_id, reason, frozen_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
			.params(customerId, reason, Timestamp.from(clock.instant()))
			.update();
		if (added == 1) {
			events.publishEvent(new WalletActionTaken(actor, "wallet.frozen", customerId, reason));
		}
	}

	/**
	 * The risk monitor's freeze, committed on its own: the movement that set it off is
	 * refused, and its transaction rolls back, but the freeze must stay.
	 */
	void freezeForRisk(UUID customerId) {
		ownTransaction.executeWithoutResult(tx -> freeze(customerId, WalletApi.RISK_FREEZE, Actor.system()));
	}

}
