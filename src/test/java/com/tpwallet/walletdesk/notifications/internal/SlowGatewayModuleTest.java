package com.tpwallet.walletdesk.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tpwallet.walletdesk.notifications.Notice;
import com.tpwallet.walletdesk.notifications.Notice.Channel;
import com.tpwallet.walletdesk.notifications.Notifications;
import com.tpwallet.walletdesk.platform.TokenAuthenticator;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An SMS gateway that keeps every message waiting: the notices wait on it, the rest of
 * the service does not. Each delivery used to hold a pooled connection for as long as the
 * gateway took, so a burst larger than the pool left no connection for anyone.
 */
@ApplicationModuleTest
@ActiveProfiles("test")
@TestPropertySource(properties = "walletdesk.notifications.sms=held")
class SlowGatewayModuleTest {

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
	DataSource dataSource;

	@Autowired
	HeldGateway gateway;

	@Test
	void noticesWaitingOnASlowGatewayLeaveTheDatabaseToTheRestOfTheService() throws SQLException {
		int burst = dataSource.unwrap(HikariDataSource.class).getMaximumPoolSize() + 5;
		String prefix = "+86135" + String.format("%04d", ThreadLocalRandom.current().nextInt(10_000));
		List<String> phones = new ArrayList<>();
		for (int i = 0; i < burst; i++) {
			String phone = prefix + String.format("%04d", i);
			phones.add(phone);
			transactions.executeWithoutResult(tx -> notifications.send(Notice.sms(phone, "en", "account-locked")));
		}

		await().atMost(Duration.ofSeconds(30)).until(() -> gateway.waiting.get() == burst);
		// every delivery is inside the gateway now; a statement still gets a connection
		assertThat(pending(prefix)).isEqualTo(burst);

		gateway.release.countDown();
		await().atMost(Duration.ofSeconds(30)).until(() -> pending(prefix) == 0);
		assertThat(gateway.delivered).containsExactlyInAnyOrderElementsOf(phones);
		assertThat(gateway.threads).as("the listeners' executor")
			.allSatisfy(thread -> assertThat(thread.getName()).startsWith("event-"));
		assertThat(jdbc.sql("""
				SELECT count(*) FILTER (WHERE e.completion_date IS NOT NULL) FROM notification n
				JOIN event_publication e ON e.serialized_event LIKE '%' || n.id || '%'
				WHERE n.recipient LIKE ?""").param(prefix + "%").query(Long.class).single())
			.as("deliveries completed in the event publication registry")
			.isEqualTo(burst);
	}

	private long pending(String prefix) {
		return jdbc.sql("SELECT count(*) FROM notification WHERE recipient LIKE ? AND status = 'PENDING'")
			.param(prefix + "%")
			.query(Long.class)
			.single();
	}

	@TestConfiguration
	static class Gateway {

		@Bean
		HeldGateway heldGateway() {
			return new HeldGateway();
		}

	}

	/** An SMS gateway that answers only once released. */
	static final class HeldGateway implements DeliveryAdapter {

		final CountDownLatch release = new CountDownLatch(1);

		final AtomicInteger waiting = new AtomicInteger();

		final List<String> delivered = Collections.synchronizedList(new ArrayList<>());

		final List<Thread> threads = Collections.synchronizedList(new ArrayList<>());

		@Override
		public Channel channel() {
			return Channel.SMS;
		}

		@Override
		public String name() {
			return "held";
		}

		@Override
		public void deliver(OutboundMessage message) {
			threads.add(Thread.currentThread());
			waiting.incrementAndGet();
			try {
				release.await(60, TimeUnit.SECONDS);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			delivered.add(message.recipient());
		}

	}

}
