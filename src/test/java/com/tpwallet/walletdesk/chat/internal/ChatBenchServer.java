package com.tpwallet.walletdesk.chat.internal;

import com.tpwallet.walletdesk.WalletdeskApplication;
import com.tpwallet.walletdesk.support.SupportApi;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.util.FileSystemUtils;

/**
 * The server half of the chat benchmark (bench/chat): walletdesk on its embedded
 * PostgreSQL, with {@code customers} customers each in a chat with one of {@code agents}
 * agents (a ticket behind every chat, as in production). Customers, staff and bearer
 * tokens are written straight to the tables (logging in 10,000 people through Argon2
 * would take minutes); the chats' tickets are opened through the desk's API. Writes the
 * tokens to {@code setup} for the load generator, then serves until killed.
 */
public final class ChatBenchServer {

	public static void main(String[] args) throws Exception {
		try {
			serve();
		}
		catch (Exception | Error e) {
			// The server's other threads would keep the JVM up with no one to serve, and
			// bench/chat waiting for a setup that never comes.
			e.printStackTrace();
			System.exit(1);
		}
	}

	/**
	 * With {@code -Dstatements=true} (STATEMENTS=true): counts what PostgreSQL does from
	 * here on, and tells the bench script how to read it with psql once the load is over
	 * (a "psql ..." line in the setup file).
	 */
	public static void countStatements(ConfigurableApplicationContext app, List<String> setup) {
		if (!Boolean.getBoolean("statements")) {
			return;
		}
		JdbcClient jdbc = app.getBean(JdbcClient.class);
		jdbc.sql("CREATE EXTENSION IF NOT EXISTS pg_stat_statements").update();
		jdbc.sql("SELECT pg_stat_statements_reset()").query(Object.class).list();
		var url = java.util.regex.Pattern.compile("jdbc:postgresql://([^:/]+):(\\d+)/([^?]+)")
			.matcher(app.getEnvironment().getProperty("spring.datasource.url", ""));
		if (url.find()) {
			setup.add(
					"psql host=%s port=%s dbname=%s user=postgres".formatted(url.group(1), url.group(2), url.group(3)));
		}
	}

	private static void serve() throws Exception {
		int customers = Integer.getInteger("customers", 10_000);
		int agents = Integer.getInteger("agents", 50);
		Path setup = Path.of(System.getProperty("setup", "target/chat-bench/setup.txt"));
		Path data = Path.of(System.getProperty("data", "target/chat-bench/data")).toAbsolutePath();
		ConfigurableApplicationContext app = start(Integer.getInteger("port", 18080), data,
				"--logging.level.org.springframework.web.socket.config.WebSocketMessageBrokerStats=INFO");
		app.getBean(org.springframework.web.socket.config.WebSocketMessageBrokerStats.class).setLoggingPeriod(5000);
		List<String> lines = new ArrayList<>();
		lines.add("pid " + ProcessHandle.current().pid());
		long started = System.nanoTime();
		JdbcClient jdbc = app.getBean(JdbcClient.class);
		SupportApi support = app.getBean(SupportApi.class);
		String hash = app.getBean(PasswordEncoder.class).encode("Bench!pass-2026");
		Timestamp now = Timestamp.from(Instant.now());
		Timestamp expires = Timestamp.from(Instant.now().plus(Duration.ofDays(1)));
		List<UUID> agentIds = new ArrayList<>();
		for (int i = 0; i < agents; i++) {
			UUID id = UUID.randomUUID();
			jdbc.sql(
					"INSERT INTO staff_user (id, username, display_name, password_hash, role, languages, created_at) VALUES (?, ?, ?, ?, 'AGENT', 'en', ?)")
				.params(id, "bench.agent." + i, "Bench Agent " + i, hash, now)
				.update();
			lines.add("agent " + token(jdbc, id, "STAFF", now, expires));
			agentIds.add(id);
		}
		for (int i = 0; i < customers; i++) {
			UUID id = UUID.randomUUID();
			jdbc.sql(
					"INSERT INTO customer (id, phone, password_hash, language, password_changed_at, created_at) VALUES (?, ?, ?, 'en', ?, ?)")
				.params(id, "+86137%08d".formatted(i), hash, now, now)
				.update();
			SupportApi.OpenedTicket ticket = support.openTicket(id,
					new SupportApi.NewTicket("Live chat", "Customer: talk to a human", "en", "general", "chat", null));
			jdbc.sql("""
					INSERT INTO chat_conversation (id, customer_id, language, status, agent_id, ticket_id, created_at)
					VALUES (?, ?, 'en', 'agent', ?, ?, ?)""")
				.params(UUID.randomUUID(), id, agentIds.get(i % agents), ticket.id(), now)
				.update();
			lines.add("customer " + token(jdbc, id, "CUSTOMER", now, expires));
			if (i % 500 == 499) {
				// Each ticket's events run on a virtual thread of their own: a pile
				// of them can hold every pooled connection (the feedback listener
				// once did) and time out the setup's next insert.
				settle(jdbc);
			}
		}
		double settled = settle(jdbc);
		countStatements(app, lines);
		Files.createDirectories(setup.getParent());
		Files.write(setup, lines, StandardCharsets.UTF_8);
		System.out.printf(
				"bench server ready: %d customers in chats with %d agents, set up in %.1f s (the last %.1f s waiting for its events to be handled)%n",
				customers, agents, (System.nanoTime() - started) / 1e9, settled);
		Thread.currentThread().join();
	}

	/**
	 * walletdesk for a bench: the demo profile on a fresh database (never a pile of old
	 * ones), rate limits and the chats per agent out of the way, room for many
	 * connections, and the settings given.
	 */
	public static ConfigurableApplicationContext start(int port, Path data, String... settings)
			throws java.io.IOException {
		FileSystemUtils.deleteRecursively(data);
		List<String> args = new ArrayList<>(List.of("--server.port=" + port, "--walletdesk.data-dir=" + data,
				"--walletdesk.database.clean-on-start=true", "--logging.level.root=WARN",
				"--spring.main.banner-mode=off", "--walletdesk.rate-limits.scale=100000",
				"--walletdesk.chat.agent-limit=1000000", "--server.tomcat.max-connections=20000",
				"--server.tomcat.accept-count=5000", "--spring.profiles.active=demo"));
		args.addAll(List.of(settings));
		return SpringApplication.run(WalletdeskApplication.class, args.toArray(String[]::new));
	}

	/**
	 * Waits until every event the setup published has been handled, and says how long
	 * that took. Each ticket it opens is read by the feedback desk after commit: measured
	 * while thousands of those still run, a bench measures the setup.
	 */
	public static double settle(JdbcClient jdbc) throws InterruptedException {
		long started = System.nanoTime();
		while (jdbc.sql("SELECT count(*) FROM event_publication WHERE completion_date IS NULL")
			.query(Long.class)
			.single() > 0) {
			if (System.nanoTime() - started > Duration.ofMinutes(10).toNanos()) {
				throw new IllegalStateException("the setup's events were still being handled after 10 minutes");
			}
			Thread.sleep(250);
		}
		return (System.nanoTime() - started) / 1e9;
	}

	private static final SecureRandom RANDOM = new SecureRandom();

	public static String token(JdbcClient jdbc, UUID subject, String kind, Timestamp now, Timestamp expires)
			throws Exception {
		byte[] raw = new byte[32];
		RANDOM.nextBytes(raw);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
		String digest = HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		jdbc.sql(
				"INSERT INTO auth_token (token_hash, subject_id, subject_kind, created_at, expires_at) VALUES (?, ?, ?, ?, ?)")
			.params(digest, subject, kind, now, expires)
			.update();
		return token;
	}

}
