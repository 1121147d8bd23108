package com.tpwallet.walletdesk.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import com.tpwallet.walletdesk.chat.ChatClient;
import com.tpwallet.walletdesk.recovery.ServiceProcess.Reply;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.springframework.util.FileSystemUtils;

/**
 * The service killed with {@code kill -9} in the middle of money movement, chat and
 * ticket traffic, then started again with the same data directory: it comes back by
 * itself (an orphaned PostgreSQL is stopped; a killed one recovers from its WAL), and
 * everything it acknowledged is there, once. Run both ways: the JVM alone (as the OOM
 * killer does), and the JVM with its database.
 */
// beside the rest of the suite: see junit-platform.properties
@Execution(ExecutionMode.CONCURRENT)
class KillNineRecoveryTest {

	static final String PASSWORD = "Tp!wallet-2026x";
	static final String PIN = "735194";
	static final long FUNDS = 10_000_000;

	record Customer(String phone, String token) {
	}

	@Test
	void afterTheJvmAloneIsKilledTheServiceComesBackWithEverythingItAcknowledged() throws Exception {
		killInTheMiddleOfTrafficAndCheck(false);
	}

	@Test
	void afterTheJvmAndItsDatabaseAreKilledTheServiceComesBackWithEverythingItAcknowledged() throws Exception {
		killInTheMiddleOfTrafficAndCheck(true);
	}

	private void killInTheMiddleOfTrafficAndCheck(boolean killDatabaseToo) throws Exception {
		Path dataDir = Path.of("target", "crash-" + (killDatabaseToo ? "both" : "jvm"));
		FileSystemUtils.deleteRecursively(dataDir);
		// The risk monitor still screens and records every transfer, but the burst this
		// test
		// makes on purpose (four threads, one sender, one payee) is not what it is about.
		try (ServiceProcess service = new ServiceProcess(dataDir)
			.with("--walletdesk.risk.thresholds.step-up-points=1000")
			.with("--walletdesk.risk.thresholds.step-up-probability=2")
			.with("--walletdesk.risk.thresholds.hold-points=1000")
			.with("--walletdesk.risk.thresholds.hold-probability=2")
			.with("--walletdesk.risk.thresholds.freeze-points=1000")
			.with("--walletdesk.risk.thresholds.freeze-probability=2")) {
			service.start();
			Customer a = customer(service);
			Customer b = customer(service);
			fund(service, a);
			String ticket = service
				.post("/api/v1/tickets", Map.of("subject", "Crash test", "message", "first"), a.token())
				.text("id");

			Map<String, String> acknowledgedTransfers = new ConcurrentHashMap<>();
			List<String> acknowledgedEntries = new CopyOnWriteArrayList<>();
			List<String> acknowledgedChat = new CopyOnWriteArrayList<>();
			java.util.concurrent.atomic.AtomicReference<String> conversation = new java.util.concurrent.atomic.AtomicReference<>();
			ChatClient chat = new ChatClient(service.port(), null, "crash-visitor-" + UUID.randomUUID());
			chat.send("/app/chat.start", Map.of("language", "en"));
			AtomicBoolean running = new AtomicBoolean(true);
			ExecutorService traffic = Executors.newFixedThreadPool(7);
			traffic.submit(() -> {
				for (int i = 0; running.get(); i++) {
					chat.send("/app/chat.message", Map.of("text", "chat " + i + " " + UUID.randomUUID()));
					Thread.sleep(500); // within the per-connection rate (20 per 10 s)
				}
				return null;
			});
			traffic.submit(() -> {
				// A message counts as acknowledged when the server sends it back with its
				// sequence number.
				while (running.get()) {
					var message = chat.messages.poll(200, TimeUnit.MILLISECONDS);
					if (message != null && message.path("from").asString().equals("customer")) {
						conversation.compareAndSet(null, message.path("conversationId").asString());
						acknowledgedChat.add(message.path("text").asString());
					}
				}
				return null;
			});
			for (int t = 0; t < 4; t++) {
				traffic.submit(() -> {
					while (running.get()) {
						String key = UUID.randomUUID().toString();
						try {
							Reply r = transfer(service, a, b, key);
							if (r.status() == 201) {
								acknowledgedTransfers.put(key, r.text("id"));
							}
						}
						catch (Exception connectionLost) {
							// the service died mid-request: not acknowledged
						}
					}
					return null;
				});
			}
			traffic.submit(() -> {
				for (int i = 0; running.get(); i++) {
					String text = "entry " + i + " " + UUID.randomUUID();
					try {
						if (service.post("/api/v1/tickets/" + ticket + "/entries", Map.of("body", text), a.token())
							.status() == 201) {
							acknowledgedEntries.add(text);
						}
					}
					catch (Exception connectionLost) {
						// not acknowledged
					}
				}
				return null;
			});
			Instant until = Instant.now().plusSeconds(3);
			while (Instant.now().isBefore(until) || acknowledgedTransfers.size() < 20) {
				Thread.sleep(50);
			}
			Optional<ProcessHandle> postmaster = service.postmaster();
			service.killJvm();
			if (killDatabaseToo) {
				postmaster.ifPresent(ProcessHandle::destroyForcibly);
				postmaster.ifPresent(p -> p.onExit().join());
			}
			else {
				assertThat(postmaster.map(ProcessHandle::isAlive)).as("the JVM's PostgreSQL outlives it")
					.contains(true);
			}
			running.set(false);
			traffic.shutdown();
			assertThat(traffic.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
			chat.abandon();
			assertThat(acknowledgedTransfers).hasSizeGreaterThanOrEqualTo(20);

			service.start();
			if (!killDatabaseToo) {
				assertThat(service.log()).as("the orphaned PostgreSQL was found and stopped")
					.contains("was left running on this data directory by a process that died; stopping it");
			}

			for (Map.Entry<String, String> acknowledged : acknowledgedTransfers.entrySet()) {
				Reply replay = transfer(service, a, b, acknowledged.getKey());
				assertThat(replay.status()).as("transfer %s", acknowledged.getKey()).isEqualTo(201);
				assertThat(replay.text("id")).as("the same transfer, not a second one")
					.isEqualTo(acknowledged.getValue());
			}
			long sent = FUNDS - available(service, a);
			long received = available(service, b);
			assertThat(received).as("money leaves A only as B's").isEqualTo(sent);
			assertThat(sent).as("at least every acknowledged transfer of 1 fen")
				.isGreaterThanOrEqualTo(acknowledgedTransfers.size());
			Reply outgoing = service.get("/api/v1/wallet/transactions?type=transfer_out&status=succeeded&limit=100",
					a.token());
			assertThat(outgoing.status()).isEqualTo(200);

			String entries = service.get("/api/v1/tickets/" + ticket, a.token()).body().toString();
			for (String text : acknowledgedEntries) {
				assertThat(entries).as("acknowledged ticket entry").contains(text);
			}
			String admin = service
				.post("/api/v1/auth/login", Map.of("login", "admin", "password", "Adm1n!pass-2026"), null)
				.text("token");
			assertThat(acknowledgedChat).isNotEmpty();
			Reply history = service.get("/api/v1/staff/chats/" + conversation.get() + "/messages", admin);
			List<String> stored = new java.util.ArrayList<>();
			history.body().path("messages").forEach(m -> {
				if (m.path("from").asString().equals("customer")) {
					stored.add(m.path("text").asString());
				}
			});
			assertThat(stored).as("every acknowledged chat message, once")
				.containsAll(acknowledgedChat)
				.doesNotHaveDuplicates();
			Reply check = service.get("/api/v1/admin/ledger/check", admin);
			assertThat(check.body().path("balanced").asBoolean()).as(check.body().toString()).isTrue();

			Instant drained = Instant.now().plus(Duration.ofSeconds(60));
			while (service.incompleteEventPublications() > 0) {
				assertThat(Instant.now()).as("the outbox of events resumes and empties after the restart")
					.isBefore(drained);
				Thread.sleep(500);
			}

			// And it keeps working after the restart.
			assertThat(transfer(service, a, b, UUID.randomUUID().toString()).status()).isEqualTo(201);
		}
	}

	private static Customer customer(ServiceProcess service) throws Exception {
		String phone = "+86139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
		assertThat(
				service.post("/api/v1/customers", Map.of("phone", phone, "password", PASSWORD, "language", "en"), null)
					.status())
			.isEqualTo(201);
		String token = service.post("/api/v1/auth/login", Map.of("login", phone, "password", PASSWORD), null)
			.text("token");
		assertThat(service.put("/api/v1/me/payment-password", Map.of("pin", PIN), token).status()).isEqualTo(204);
		return new Customer(phone, token);
	}

	private static void fund(ServiceProcess service, Customer c) throws Exception {
		service.post("/api/v1/wallet/top-ups",
				Map.of("amount", FUNDS, "currency", "CNY", "cardNumber", "4242424242424242", "expiry", "12/30"),
				c.token(), "Idempotency-Key", UUID.randomUUID().toString());
		Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
		while (available(service, c) != FUNDS) {
			assertThat(Instant.now()).as("the top-up is confirmed by the gateway's callback").isBefore(deadline);
			Thread.sleep(100);
		}
	}

	private static Reply transfer(ServiceProcess service, Customer from, Customer to, String key) throws Exception {
		return service.post("/api/v1/wallet/transfers",
				Map.of("to", to.phone(), "amount", 1, "currency", "CNY", "paymentPassword", PIN), from.token(),
				"Idempotency-Key", key);
	}

	private static long available(ServiceProcess service, Customer c) throws Exception {
		for (var balance : service.get("/api/v1/wallet", c.token()).body().path("balances")) {
			if (balance.path("currency").asString().equals("CNY")) {
				return balance.path("available").asLong();
			}
		}
		return 0;
	}

}
