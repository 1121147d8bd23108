package com.tpwallet.walletdesk.identity.internal;

import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * At start, seals every TOTP secret that is still in clear (stored before encryption) or
 * under an earlier key, one customer at a time under its row lock. Idempotent: instances
 * starting together each find only what is left.
 */
@Component
class TotpSecretResealing {

	private static final Logger log = LoggerFactory.getLogger(TotpSecretResealing.class);

	private final JdbcClient jdbc;

	private final TotpSecretVault vault;

	private final TransactionTemplate transactions;

	TotpSecretResealing(JdbcClient jdbc, TotpSecretVault vault, TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.vault = vault;
		this.transactions = transactions;
	}

	@EventListener(ApplicationReadyEvent.class)
	void resealAll() {
		int resealed = 0;
		for (UUID id : jdbc.sql("SELECT id FROM customer WHERE totp_secret IS NOT NULL").query(UUID.class).list()) {
			Boolean changed = transactions.execute(tx -> reseal(id));
			if (Boolean.TRUE.equals(changed)) {
				resealed++;
			}
		}
		if (resealed > 0) {
			log.info("Sealed {} TOTP secrets under the current key", resealed);
		}
	}

	private boolean reseal(UUID customerId) {
		String stored = jdbc.sql("SELECT totp_secret FROM customer WHERE id = ? FOR UPDATE")
			.param(customerId)
			.query(String.class)
			.optional()
			.orElse(null);
		if (stored == null || vault.isCurrent(stored)) {
			return false;
		}
		jdbc.sql("UPDATE customer SET totp_secret = ? WHERE id = ?")
			.params(vault.seal(customerId, vault.open(customerId, stored)), customerId)
			.update();
		return true;
	}

}
