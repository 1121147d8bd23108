package com.tpwallet.walletdesk.bench;

import com.tpwallet.walletdesk.chat.internal.ChatBenchServer;
import com.tpwallet.walletdesk.identity.IdentityApi;
import com.tpwallet.walletdesk.wallet.BusinessCalendar;
import com.tpwallet.walletdesk.wallet.internal.TransferBenchmark;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The server half of the busiest-day benchmark (bench/desk): walletdesk on its embedded
 * PostgreSQL in the demo profile (its mail server and payment simulators, the CTI webhook
 * open under a token), with {@code agents} agents, {@code supervisors} supervisors, an
 * admin, {@code customers} customers and {@code wallets} funded wallets with a payment
 * password. People and bearer tokens are written straight to the tables (signing in
 * thousands through Argon2id would take minutes and is not what is measured); today is
 * made a working day from 00:00 to 23:59 (a contact centre's busiest day may be a
 * Saturday: China works some, 调休). Writes the tokens to {@code setup} for
 * {@link DeskLoadGenerator}, then serves until killed.
 */
public final class DeskBenchServer {

	private DeskBenchServer() {
	}

	public static void main(String[] args) throws Exception {
		int agents = Integer.getInteger("agents", 200);
		int supervisors = Integer.getInteger("supervisors", 10);
		int customers = Integer.getInteger("customers", 3000);
		int wallets = Integer.getInteger("wallets", 400);
		Path setup = Path.of(System.getProperty("setup", "target/desk-bench/setup.txt"));
		Path data = Path.of(System.getProperty("data", "target/desk-bench/data")).toAbsolutePath();
		ConfigurableApplicationContext app = ChatBenchServer.start(Integer.getInteger("port", 18090), data,
				"--walletdesk.telephony.cti-token=bench-token", "--walletdesk.mail.poll-interval=PT0.5S",
				"--walletdesk.mail.acknowledgements-per-sender-per-day=0", "--walletdesk.support.opens=00:00",
				"--walletdesk.support.closes=23:59");
		long started = System.nanoTime();
		JdbcClient jdbc = app.getBean(JdbcClient.class);
		workToday(app.getBean(BusinessCalendar.class), jdbc);
		String hash = app.getBean(PasswordEncoder.class).encode("Bench!pass-2026");
		Timestamp now = Timestamp.from(Instant.now());
		Timestamp expires = Timestamp.from(Instant.now().plus(Duration.ofDays(1)));
		List<String> lines = new ArrayList<>();
		lines.add("pid " + ProcessHandle.current().pid());
		for (int i = 0; i < agents; i++) {
			lines.add("agent " + staff(jdbc, "agent", i, "AGENT", hash, now, expires));
		}
		for (int i = 0; i < supervisors; i++) {
			lines.add("supervisor " + staff(jdbc, "supervisor", i, "SUPERVISOR", hash, now, expires));
		}
		lines.add("admin " + staff(jdbc, "admin", 0, "ADMIN", hash, now, expires));
		for (int i = 0; i < customers; i++) {
			UUID id = UUID.randomUUID();
			jdbc.sql("""
					INSERT INTO customer (id, phone, password_hash, language, password_changed_at, created_at)
					VALUES (?, ?, ?, 'en', ?, ?)""").params(id, "+86137%08d".formatted(i), hash, now, now).update();
			lines.add("customer " + ChatBenchServer.token(jdbc, id, "CUSTOMER", now, expires));
		}
		IdentityApi identity = app.getBean(IdentityApi.class);
		for (UUID id : TransferBenchmark.createWallets(app, wallets)) {
			// the PIN is re-hashed under the key at its first correct entry: here, not in
			// the run
			identity.verifyPaymentPassword(id, TransferBenchmark.PIN);
			String phone = jdbc.sql("SELECT phone FROM customer WHERE id = ?").param(id).query(String.class).single();
			lines.add("wallet " + ChatBenchServer.token(jdbc, id, "CUSTOMER", now, expires) + " " + phone);
		}
		double settled = ChatBenchServer.settle(jdbc);
		ChatBenchServer.countStatements(app, lines);
		Files.createDirectories(setup.getParent());
		Files.write(setup, lines, StandardCharsets.UTF_8);
		System.out.printf(
				"desk bench server ready: %d agents, %d supervisors, %d customers, %d wallets, set up in %.1f s (the last %.1f s waiting for its events to be handled)%n",
				agents, supervisors, customers, wallets, (System.nanoTime() - started) / 1e9, settled);
		Thread.currentThread().join();
	}

	/** A staff member, as "id token". */
	private static String staff(JdbcClient jdbc, String kind, int i, String role, String hash, Timestamp now,
			Timestamp expires) throws Exception {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO staff_user (id, username, display_name, password_hash, role, languages, created_at)
				VALUES (?, ?, ?, ?, ?, 'en', ?)""")
			.params(id, "bench." + kind + "." + i, "Bench " + kind + " " + i, hash, role, now)
			.update();
		return id + " " + ChatBenchServer.token(jdbc, id, "STAFF", now, expires);
	}

	/** Today (in the desk's time zone) a working day, as an operator would load it. */
	private static void workToday(BusinessCalendar calendar, JdbcClient jdbc) throws InterruptedException {
		LocalDate today = LocalDate.now(BusinessCalendar.ZONE);
		if (calendar.isBusinessDay(today)) {
			return; // and the year's schedule is in the table now
		}
		jdbc.sql("DELETE FROM calendar_day WHERE day = ?").param(today).update();
		jdbc.sql("""
				INSERT INTO calendar_day (day, kind, name, provisional, source)
				VALUES (?, 'WORKDAY', 'bench: the busiest day', FALSE, 'bench')""").param(today).update();
		// the calendar reads a year at most once a minute
		for (int wait = 0; !calendar.isBusinessDay(today) && wait < 70; wait++) {
			Thread.sleep(1000);
		}
	}

}
