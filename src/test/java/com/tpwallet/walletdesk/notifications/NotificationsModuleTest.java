package com.tpwallet.walletdesk.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tpwallet.walletdesk.platform.CursorPage;
import com.tpwallet.walletdesk.platform.Refusal;
import com.tpwallet.walletdesk.platform.TokenAuthenticator;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The notifications module alone (with the shared platform): a notice is written in the
 * recipient's language; an in-app one waits in the inbox, an SMS leaves after the
 * sender's transaction commits and is marked delivered.
 */
@ApplicationModuleTest
@ActiveProfiles("test")
class NotificationsModuleTest {

	/** Identity issues tokens; this module test does not start it. */
	@MockitoBean
	TokenAuthenticator tokens;

	@Autowired
	Notifications notifications;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anInAppNoticeWaitsInTheInboxInTheRecipientsLanguage() {
		UUID person = UUID.randomUUID();
		transactions.executeWithoutResult(tx -> notifications.send(Notice.inApp(person, "de", "account-locked")));

		assertThat(notifications.inbox(person, null, 10).items()).singleElement().satisfies(message -> {
			assertThat(message.subject()).isEqualTo("Ihr tpWallet-Konto ist gesperrt");
			assertThat(message.text()).startsWith("[tpWallet] Ihr Konto wurde nach 5 falschen Passwörtern gesperrt.");
		});
	}

	@Test
	void theInboxIsReadAPageAtATimeNewestFirstUntilItsEnd() {
		UUID person = UUID.randomUUID();
		for (int i = 0; i < 5; i++) {
			transactions.executeWithoutResult(tx -> notifications.send(Notice.inApp(person, "en", "account-locked")));
		}
		List<UUID> newestFirst = jdbc
			.sql("SELECT id FROM notification WHERE recipient = ? ORDER BY created_at DESC, id DESC")
			.param(person.toString())
			.query(UUID.class)
			.list();

		List<UUID> read = new ArrayList<>();
		List<Integer> pageSizes = new ArrayList<>();
		String cursor = null;
		do {
			CursorPage<InboxMessage> page = notifications.inbox(person, cursor, 2);
			page.items().forEach(m -> read.add(m.id()));
			pageSizes.add(page.items().size());
			cursor = page.nextCursor();
		}
		while (cursor != null);

		assertThat(pageSizes).containsExactly(2, 2, 1);
		assertThat(read).hasSize(5).isEqualTo(newestFirst);
	}

	@Test
	void aCursorNotMadeByTheServiceIsRefused() {
		assertThatThrownBy(() -> notifications.inbox(UUID.randomUUID(), "bm9wZQ", 2)).isInstanceOf(Refusal.class)
			.extracting(e -> ((Refusal) e).code())
			.isEqualTo("invalid_cursor");
	}

	@Test
	void anSmsLeavesAfterTheSendersTransactionCommitsAndIsMarkedDelivered(Scenario scenario) {
		String phone = "+86138"
				+ String.format("%08d", java.util.concurrent.ThreadLocalRandom.current().nextInt(100_000_000));
		scenario
			.stimulate(() -> transactions
				.executeWithoutResult(tx -> notifications.send(Notice.sms(phone, "zh-CN", "account-locked"))))
			.andWaitForStateChange(
					() -> jdbc.sql("SELECT status FROM notification WHERE recipient = ? AND status = 'DELIVERED'")
						.param(phone)
						.query(String.class)
						.optional())
			.andVerify(status -> assertThat(status).contains("DELIVERED"));
		assertThat(
				jdbc.sql("SELECT body FROM notification WHERE recipient = ?").param(phone).query(String.class).single())
			.startsWith("【tpWallet】")
			.contains("锁定");
	}

}
