package com.tpwallet.walletdesk.risk.internal;

import static com.tpwallet.walletdesk.risk.internal.TallyTest.in;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.tpwallet.walletdesk.HttpTestBase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Who sent a customer money in the last day (a mule collects from many), as the risk
 * store keeps it: a sender's time moves on by the hour, not with every transfer.
 */
class RiskSendersIntegrationTest extends HttpTestBase {

	static final Instant NINE = Instant.parse("2026-11-30T09:00:00Z");

	@Autowired
	RiskStore store;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	UUID recipient = UUID.randomUUID();

	UUID alice = UUID.randomUUID();

	UUID bob = UUID.randomUUID();

	@Test
	void aSenderWhoSendsAgainWithinTheHourKeepsTheTimeAlreadyStored() {
		store.insert(List.of(in(recipient, alice, 1_000, NINE)));
		store.insert(List.of(in(recipient, alice, 1_000, NINE.plus(Duration.ofMinutes(59)))));

		assertThat(lastAt(alice)).isEqualTo(NINE);
	}

	@Test
	void aSenderWhoSendsAgainAfterTheHourMovesTheTimeOn() {
		store.insert(List.of(in(recipient, alice, 1_000, NINE)));
		store.insert(List.of(in(recipient, alice, 1_000, NINE.plus(Duration.ofMinutes(61)))));

		assertThat(lastAt(alice)).isEqualTo(NINE.plus(Duration.ofMinutes(61)));
	}

	@Test
	void aStoredTimeIsNeverMovedBack() {
		store.insert(List.of(in(recipient, alice, 1_000, NINE.plus(Duration.ofHours(3)))));
		store.insert(List.of(in(recipient, alice, 1_000, NINE)));

		assertThat(lastAt(alice)).isEqualTo(NINE.plus(Duration.ofHours(3)));
	}

	@Test
	void theDaysSendersAreTheDistinctOnesWhoseStoredTimeIsWithinTheDay() {
		store.insert(List.of(in(recipient, alice, 1_000, NINE), in(recipient, bob, 2_000, NINE.plusSeconds(30))));
		store.insert(List.of(in(recipient, alice, 1_000, NINE.plus(Duration.ofMinutes(30)))));
		store.insert(List.of(in(recipient, bob, 2_000, NINE.plus(Duration.ofHours(2)))));

		assertThat(sendersAt(NINE.plus(Duration.ofHours(3)))).as("bob moved from 09:00 to 11:00, counted once")
			.isEqualTo(2);
		assertThat(sendersAt(NINE.plus(Duration.ofHours(24)).plus(Duration.ofMinutes(1))))
			.as("alice's stored time, 09:00, is over a day old; bob's, 11:00, is not")
			.isEqualTo(1);
		assertThat(sendersAt(NINE.plus(Duration.ofHours(26)).plus(Duration.ofMinutes(1)))).isZero();
	}

	/**
	 * The day's senders are read from the minute counts; they are exactly the senders
	 * whose stored time is within the day (from the start of the minute a day ago, as
	 * every day's count), however the times moved on.
	 */
	@Test
	void theSendersCountedInTheMinutesAreTheSendersWhoseStoredTimeIsWithinTheDay() {
		Random random = new Random(20261129);
		List<UUID> senders = Stream.generate(UUID::randomUUID).limit(12).toList();
		Instant now = NINE;
		for (int i = 0; i < 300; i++) {
			now = now.plusSeconds(random.nextInt(3) == 0 ? random.nextInt(60) : random.nextInt(3 * 3600));
			UUID first = senders.get(random.nextInt(senders.size()));
			UUID second = senders.get(random.nextInt(senders.size()));
			store.insert(first.equals(second) ? List.of(in(recipient, first, 100, now))
					: List.of(in(recipient, first, 100, now), in(recipient, second, 100, now)));

			assertThat(sendersAt(now)).as("after %d transfers, at %s", i + 1, now).isEqualTo(storedWithinTheDay(now));
		}
	}

	@Test
	void whatTheDayNoLongerReachesIsForgottenAndTheDayIsCountedAsBefore() {
		store.insert(List.of(in(recipient, alice, 1_000, NINE)));
		store.insert(List.of(in(recipient, bob, 2_000, NINE.plus(Duration.ofHours(20)))));
		Instant later = NINE.plus(RiskRetention.KEPT_FOR).plusSeconds(1);
		int sendersBefore = sendersAt(later);

		Instant cutoff = later.minus(RiskRetention.KEPT_FOR);
		long older = jdbc.sql("""
				SELECT (SELECT count(*) FROM risk_activity WHERE minute < ?)
				  + (SELECT count(*) FROM risk_sender WHERE last_at < ?)""")
			.params(Timestamp.from(cutoff), Timestamp.from(cutoff))
			.query(Long.class)
			.single();

		int deleted = store.forgetBefore(cutoff);

		assertThat(deleted).isEqualTo(older);
		assertThat(jdbc.sql("SELECT sender FROM risk_sender WHERE customer_id = ?")
			.param(recipient)
			.query(String.class)
			.list()).containsExactly(bob.toString());
		assertThat(jdbc.sql("SELECT minute FROM risk_activity WHERE customer_id = ?")
			.param(recipient)
			.query(Timestamp.class)
			.list()).extracting(Timestamp::toInstant).containsExactly(NINE.plus(Duration.ofHours(20)));
		assertThat(sendersAt(later)).isEqualTo(sendersBefore).isEqualTo(1);
	}

	/**
	 * A screening that holds an old sender's row (and may want another next) is never
	 * waited for, so the two cannot deadlock: the row is left for the next time.
	 */
	@Test
	void aSendersRowAWriterHoldsIsLeftForTheNextTime() throws Exception {
		store.insert(List.of(in(recipient, alice, 1_000, NINE), in(recipient, bob, 1_000, NINE)));
		Instant cutoff = NINE.plus(Duration.ofHours(1));
		try (Connection writer = dataSource.getConnection()) {
			writer.setAutoCommit(false);
			try (PreparedStatement lock = writer
				.prepareStatement("SELECT 1 FROM risk_sender WHERE customer_id = ? AND sender = ? FOR UPDATE")) {
				lock.setObject(1, recipient);
				lock.setString(2, alice.toString());
				lock.executeQuery().close();
			}

			assertTimeoutPreemptively(Duration.ofSeconds(30), () -> store.forgetBefore(cutoff),
					"the delete waited for the writer's lock");
			writer.rollback();
		}

		assertThat(jdbc.sql("SELECT sender FROM risk_sender WHERE customer_id = ?")
			.param(recipient)
			.query(String.class)
			.list()).containsExactly(alice.toString());
	}

	private Instant lastAt(UUID sender) {
		return jdbc.sql("SELECT last_at FROM risk_sender WHERE customer_id = ? AND sender = ?")
			.params(recipient, sender.toString())
			.query(Timestamp.class)
			.single()
			.toInstant();
	}

	private int storedWithinTheDay(Instant now) {
		Instant day = now.minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.MINUTES);
		return jdbc.sql("SELECT count(*) FROM risk_sender WHERE customer_id = ? AND last_at >= ?")
			.params(recipient, Timestamp.from(day))
			.query(Integer.class)
			.single();
	}

	private int sendersAt(Instant now) {
		Map<UUID, History> histories = store.histories(List.of(recipient), Map.of(), now);
		return histories.get(recipient).inSenders24h();
	}

}
