package com.tpwallet.walletdesk.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tpwallet.walletdesk.HttpTestBase;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

class NotificationDeliveryIntegrationTest extends HttpTestBase {

	@Autowired
	Notifications notifications;

	@Autowired
	TransactionTemplate transactions;

	String status(String recipient) {
		return jdbc.sql("SELECT status FROM notification WHERE recipient = ?")
			.param(recipient)
			.query(String.class)
			.optional()
			.orElse("none");
	}

	@Test
	void rendersInTheRecipientsLanguageAndDeliversAfterCommit() {
		String phone = "+86137" + System.nanoTime() % 100_000_000;
		notifications.send(Notice.sms(phone, "de", "password-reset", "123456", 10));
		await().atMost(Duration.ofSeconds(10)).until(() -> status(phone).equals("DELIVERED"));
		assertThat(
				jdbc.sql("SELECT body FROM notification WHERE recipient = ?").param(phone).query(String.class).single())
			.contains("123456")
			.contains("10 Minuten");
	}

	@Test
	void aRolledBackTransactionSendsNothing() {
		String phone = "+86136" + System.nanoTime() % 100_000_000;
		transactions.executeWithoutResult(tx -> {
			notifications.send(Notice.sms(phone, "en", "account-locked"));
			tx.setRollbackOnly();
		});
		assertThat(status(phone)).isEqualTo("none");
	}

}
