package com.tpwallet.walletdesk.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tpwallet.walletdesk.TestClock;
import com.tpwallet.walletdesk.notifications.Notice;
import com.tpwallet.walletdesk.notifications.Notice.Channel;
import com.tpwallet.walletdesk.notifications.Notifications;
import com.tpwallet.walletdesk.platform.TokenAuthenticator;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An SMS gateway that refuses some numbers: the notice waits, what went wrong is kept
 * with it, and after ten minutes with nothing delivered the service's health says so.
 */
@ApplicationModuleTest
@ActiveProfiles("test")
@TestPropertySource(properties = "walletdesk.notifications.sms=refusing")
@Import(TestClock.Configuration.class)
class NoticeDeliveryHealthModuleTest {

	/** Identity issues tokens; this module test does not start it. */
	@MockitoBean
	TokenAuthenticator tokens;

	@Autowired
	Notifications notifications;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	@Autowired
	NoticeDeliveryHealth health;

	@Autowired
	NotificationService service;

	/**
	 * The notices here are written two days ahead of the real time, so that what other
	 * tests left in the shared database (a day old at most, as this check reads) is not
	 * in their way.
	 */
	@Test
	void noticesTheGatewayRefusesForTenMinutesMakeTheServiceUnhealthyUntilOneGetsOut() {
		String refused = "+86136" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
		String delivered = "+86139" + refused.substring(6);
		try {
			clock.advance(Duration.ofDays(2));
			send(refused);
			await().atMost(Duration.ofSeconds(15)).until(() -> failure(refused).isPresent());
			assertThat(failure(refused)).contains("503 from the SMS gateway");
			Health soon = health.health(true);
			assertThat(soon.getStatus()).isEqualTo(Status.UP);
			assertThat(soon.getDetails()).containsEntry("lastFailure", "503 from the SMS gateway");

			clock.advance(Duration.ofMinutes(11));
			Health later = health.health(true);
			assertThat(later.getStatus()).isEqualTo(Status.DOWN);
			assertThat(later.getDetails()).containsEntry("lastFailure", "503 from the SMS gateway")
				.containsKey("oldestWaitingSince");

			// one notice leaves: the gateway takes them again, the refused one is its own
			// matter
			send(delivered);
			await().atMost(Duration.ofSeconds(15)).until(() -> health.health(true).getStatus().equals(Status.UP));
		}
		finally {
			// other tests share the database and check the service is healthy
			jdbc.sql("UPDATE notification SET status = 'DELIVERED' WHERE recipient IN (?, ?)")
				.params(refused, delivered)
				.update();
		}
	}

	@Test
	void aNoticeTheGatewayStillRefusesADayLaterIsGivenUpAndItsPublicationCompletes() {
		String refused = "+86136" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
		try {
			clock.advance(Duration.ofDays(2));
			send(refused);
			await().atMost(Duration.ofSeconds(15)).until(() -> failure(refused).isPresent());
			UUID id = jdbc.sql("SELECT id FROM notification WHERE recipient = ?")
				.param(refused)
				.query(UUID.class)
				.single();

			// the retries (resubmitted publications) within the day: refused, still
			// waiting
			clock.advance(Duration.ofHours(23));
			jdbc.sql("UPDATE notification SET failure = NULL WHERE id = ?").param(id).update();
			service.deliver(new NotificationQueued(id));
			await().atMost(Duration.ofSeconds(15)).until(() -> failure(refused).isPresent());
			assertThat(status(refused)).isEqualTo("PENDING");
			assertThat(incompletePublications(id)).isOne();

			// the first one after the day: given up, with what went wrong
			clock.advance(Duration.ofHours(2));
			service.deliver(new NotificationQueued(id));
			await().atMost(Duration.ofSeconds(15)).until(() -> status(refused).equals("GIVEN_UP"));
			assertThat(failure(refused)).contains("503 from the SMS gateway");
			// nothing left for the retry job to resubmit
			await().atMost(Duration.ofSeconds(15)).until(() -> incompletePublications(id) == 0);
		}
		finally {
			jdbc.sql("UPDATE notification SET status = 'DELIVERED' WHERE recipient = ?").param(refused).update();
		}
	}

	private long incompletePublications(UUID notification) {
		return jdbc
			.sql("SELECT count(*) FROM event_publication WHERE completion_date IS NULL AND serialized_event LIKE ?")
			.param("%" + notification + "%")
			.query(Long.class)
			.single();
	}

	private String status(String phone) {
		return jdbc.sql("SELECT status FROM notification WHERE recipient = ?")
			.param(phone)
			.query(String.class)
			.single();
	}

	private void send(String phone) {
		transactions.executeWithoutResult(tx -> notifications.send(Notice.sms(phone, "en", "account-locked")));
	}

	private java.util.Optional<String> failure(String phone) {
		return jdbc.sql("SELECT failure FROM notification WHERE recipient = ? AND failure IS NOT NULL")
			.param(phone)
			.query(String.class)
			.optional();
	}

	@TestConfiguration
	static class Gateway {

		@Bean
		DeliveryAdapter refusingGateway() {
			return new DeliveryAdapter() {

				@Override
				public Channel channel() {
					return Channel.SMS;
				}

				@Override
				public String name() {
					return "refusing";
				}

				@Override
				public void deliver(OutboundMessage message) {
					if (message.recipient().startsWith("+86136")) {
						throw new IllegalStateException("503 from the SMS gateway");
					}
				}
			};
		}

	}

}
