package com.tpwallet.walletdesk.wallet.internal;

import com.tpwallet.walletdesk.WalletdeskApplication;
import com.tpwallet.walletdesk.bench.Processes;
import com.tpwallet.walletdesk.wallet.Money;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Transfers between many wallets (a few of them hot) through the service's Java API and
 * over HTTP, next to pgbench's TPC-B-like figure on the same PostgreSQL server with the
 * same client count, then the ledger check. Run with {@code bench/run}; settings as
 * system properties (see bench/README.md).
 */
public class TransferBenchmark {

	static final int CLIENTS = Integer.getInteger("clients", 16);
	static final int WALLETS = Integer.getInteger("wallets", 1000);
	static final int HOT = Integer.getInteger("hot", 5);
	static final int SECONDS = Integer.getInteger("seconds", 20);
	static final int WARMUP_SECONDS = Integer.getInteger("warmupSeconds", 10);

	/** The longest a warm-up goes on waiting for the JIT to settle. */
	static final int WARMUP_MAX_SECONDS = Integer.getInteger("warmupMaxSeconds", 120);

	/**
	 * Settled: the JIT's compilers use less than this share of one core over the last
	 * slice of the warm-up.
	 */
	static final double SETTLED_COMPILERS_SHARE = 0.05;
	static final int HTTP_WALLETS = Integer.getInteger("httpWallets", 40);

	public static final String PIN = "735194";

	/**
	 * CPU per transfer: the whole JVM, of it the request threads and the transfer
	 * pipeline's threads, and PostgreSQL.
	 */
	record Result(String name, long ok, long refused, double seconds, long[] latenciesMicros, double jvmCpuMsPerOk,
			double requestThreadsCpuMsPerOk, double pipelineCpuMsPerOk, double postgresCpuMsPerOk,
			double postgresBackgroundCpuMsPerOk, Map<String, Double> threadsCpuMsPerOk, double perBatch) {
		double rate() {
			return ok / seconds;
		}

		long percentile(double p) {
			if (latenciesMicros.length == 0) {
				return 0;
			}
			return latenciesMicros[(int) Math.min(latenciesMicros.length - 1, Math.floor(p * latenciesMicros.length))];
		}
	}

	public static void main(String[] args) throws Exception {
		Path data = Files.createTempDirectory("wd-bench-");
		ConfigurableApplicationContext app = SpringApplication.run(WalletdeskApplication.class, "--server.port=0",
				"--spring.profiles.active=demo", "--walletdesk.data-dir=" + data,
				"--walletdesk.database.clean-on-start=true", "--logging.level.root=WARN",
				"--walletdesk.rate-limits.scale=100000", "--walletdesk.wallet.daily-limit=" + Long.MAX_VALUE / 4,
				"--spring.datasource.hikari.maximum-pool-size=" + (CLIENTS + 8), "--spring.main.banner-mode=off",
				"--walletdesk.wallet.transfer-writers=" + Integer.getInteger("writers", 1));
		try {
			run(app);
		}
		finally {
			app.close();
			// 1.7 GB of PostgreSQL data a run: kept, 48 runs filled the disk
			org.springframework.util.FileSystemUtils.deleteRecursively(data);
			System.exit(0);
		}
	}

	/** The pipeline's batch sizes (TransferWriter.BATCH_SIZES), read around each run. */
	static DistributionSummary batchSizes;

	static void run(ConfigurableApplicationContext app) throws Exception {
		JdbcClient jdbc = app.getBean(JdbcClient.class);
		batchSizes = app.getBean(MeterRegistry.class).get(TransferWriter.BATCH_SIZES).summary();
		List<UUID> ids = createWallets(app, WALLETS);
		List<String> phones = jdbc.sql("SELECT phone FROM customer WHERE id = ANY(?) ORDER BY phone")
			.param(ids.toArray(UUID[]::new))
			.query(String.class)
			.list();
		Map<UUID, String> phoneOf = new java.util.HashMap<>();
		jdbc.sql("SELECT id, phone FROM customer WHERE id = ANY(?)")
			.param(ids.toArray(UUID[]::new))
			.query((rs, n) -> phoneOf.put(rs.getObject("id", UUID.class), rs.getString("phone")))
			.list();

		boolean statements = Boolean.getBoolean("statements");
		if (statements) {
			jdbc.sql("CREATE EXTENSION IF NOT EXISTS pg_stat_statements").update();
		}
		TransferWriter writer = app.getBean(TransferWriter.class);
		IdempotentRequests idempotent = app.getBean(IdempotentRequests.class);
		Move viaJava = (from, to) -> {
			long amount = ThreadLocalRandom.current().nextLong(1, 500);
			idempotent.runQueued(from, UUID.randomUUID().toString(), "bench " + amount, () -> {
			}, (key, hash) -> writer.submit(from, phoneOf.get(to), Money.positive(amount, "CNY"), null, key, hash,
					false), r -> {
					});
			return true;
		};
		// The JIT compiles the transfer path first; measured apart, as a running service
		// is warm.
		warmUp("warm-up", ids, viaJava);
		if (statements) {
			resetStatements(jdbc);
		}
		Result java = load("Java API (idempotent transfer, batched writer)", ids, viaJava, SECONDS);

		if (statements) {
			printStatements(jdbc, java.ok() + java.refused());
		}
		if (!Boolean.parseBoolean(System.getProperty("http", "true"))) {
			System.out.printf(
					"%s: %.0f transfers/s, p50 %.1f ms, p99 %.1f ms, %.1f per batch; CPU ms per transfer: JVM %.3f"
							+ " (request threads %.3f, pipeline %.3f), PostgreSQL %.3f (background %.3f)%n",
					java.name(), java.rate(), java.percentile(0.50) / 1000.0, java.percentile(0.99) / 1000.0,
					java.perBatch(), java.jvmCpuMsPerOk(), java.requestThreadsCpuMsPerOk(), java.pipelineCpuMsPerOk(),
					java.postgresCpuMsPerOk(), java.postgresBackgroundCpuMsPerOk());
			double pgbench = pgbench(app.getEnvironment().getProperty("spring.datasource.url"));
			System.out.printf("pgbench TPC-B-like, same server, %d clients: %.0f tps; Java API ÷ pgbench %.2f%n",
					CLIENTS, pgbench, java.rate() / pgbench);
			return;
		}
		String base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		List<UUID> httpIds = ids.subList(0, HTTP_WALLETS);
		Map<UUID, String> tokens = new java.util.concurrent.ConcurrentHashMap<>();
		com.tpwallet.walletdesk.identity.IdentityApi identity = app
			.getBean(com.tpwallet.walletdesk.identity.IdentityApi.class);
		for (UUID id : httpIds) {
			tokens.put(id, login(http, base, phoneOf.get(id)));
			// the bench's PINs are written as Argon2id hashes: each is re-hashed under
			// the
			// key at its first correct entry (ADR 0012), which happens here, not in the
			// run
			identity.verifyPaymentPassword(id, PIN);
		}
		Move viaHttp = (from, to) -> {
			String body = "{\"to\":\"" + phoneOf.get(to) + "\",\"amount\":"
					+ ThreadLocalRandom.current().nextLong(1, 500) + ",\"currency\":\"CNY\",\"paymentPassword\":\""
					+ PIN + "\"}";
			HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/wallet/transfers"))
				.header("Content-Type", "application/json")
				.header("Authorization", "Bearer " + tokens.get(from))
				.header("Idempotency-Key", UUID.randomUUID().toString())
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
			if (r.statusCode() != 201 && r.statusCode() != 422) {
				throw new IllegalStateException("HTTP " + r.statusCode() + " " + r.body());
			}
			return r.statusCode() == 201;
		};
		// the HTTP path (Tomcat, the filters, Jackson) warms up apart too
		warmUp("HTTP warm-up", httpIds, viaHttp);
		if (statements) {
			resetStatements(jdbc);
		}
		Result overHttp = load("HTTP (POST /api/v1/wallet/transfers, PIN checked)", httpIds, viaHttp, SECONDS);
		if (statements) {
			System.out.println("HTTP run:");
			printStatements(jdbc, overHttp.ok() + overHttp.refused());
		}

		long argon = argon2Micros(app.getBean(PasswordEncoder.class));
		long pinCheck = pinCheckMicros(identity, ids.get(0));
		double pgbench = pgbench(app.getEnvironment().getProperty("spring.datasource.url"));
		LedgerCheck.Report check = app.getBean(LedgerCheck.class).run();

		System.out.println();
		System.out.printf("walletdesk transfer benchmark: %d wallets (%d hot), %d clients, %d s per run, %d cores%n",
				WALLETS, HOT, CLIENTS, SECONDS, Runtime.getRuntime().availableProcessors());
		System.out.println(
				"| run | transfers/s | p50 ms | p99 ms | done | refused | transfers per batch | JVM CPU ms/transfer"
						+ " | of it callers' threads | of it transfer pipeline | PostgreSQL CPU ms/transfer"
						+ " | of it background |");
		System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
		for (Result r : List.of(java, overHttp)) {
			System.out.printf("| %s | %.0f | %.1f | %.1f | %d | %d | %.1f | %.3f | %.3f | %.3f | %.3f | %.3f |%n",
					r.name(), r.rate(), r.percentile(0.50) / 1000.0, r.percentile(0.99) / 1000.0, r.ok(), r.refused(),
					r.perBatch(), r.jvmCpuMsPerOk(), r.requestThreadsCpuMsPerOk(), r.pipelineCpuMsPerOk(),
					r.postgresCpuMsPerOk(), r.postgresBackgroundCpuMsPerOk());
		}
		System.out.printf("| pgbench TPC-B-like, same server, %d clients | %.0f (tps) | | | | | | | | | | |%n", CLIENTS,
				pgbench);
		System.out.printf(
				"JVM CPU ms per HTTP transfer by threads: %s; the callers %.3f; the pipeline %.3f; the rest %.3f%n",
				overHttp.threadsCpuMsPerOk(), overHttp.requestThreadsCpuMsPerOk(), overHttp.pipelineCpuMsPerOk(),
				overHttp.jvmCpuMsPerOk() - overHttp.requestThreadsCpuMsPerOk() - overHttp.pipelineCpuMsPerOk()
						- overHttp.threadsCpuMsPerOk().values().stream().mapToDouble(Double::doubleValue).sum());
		System.out.printf(
				"one payment-password check through IdentityApi (keyed hash, ADR 0012; with its row lock and"
						+ " transaction): %.3f ms; one Argon2id check, as before ADR 0012: %.1f ms%n",
				pinCheck / 1000.0, argon / 1000.0);
		System.out.printf(
				"ledger check: balanced=%s, currencies=%s, drifted=%d, unbalanced postings=%d, entries without posting or account=%d,"
						+ " negative customer accounts=%d%n",
				check.balanced(), check.currencies(), check.driftedAccounts().size(), check.unbalancedPostings().size(),
				check.orphanEntries(), check.negativeCustomerAccounts());
		System.out.println("invariant violations: " + (check.balanced() ? 0 : 1));
	}

	static void resetStatements(JdbcClient jdbc) {
		jdbc.sql("SELECT pg_stat_statements_reset()").query(Object.class).list();
		jdbc.sql("SELECT pg_stat_reset_shared('wal')").query(Object.class).list();
		jdbc.sql("SELECT pg_stat_reset()").query(Object.class).list();
	}

	/**
	 * Where PostgreSQL spent its time during a run (STATEMENTS=true in bench/run).
	 */
	static void printStatements(JdbcClient jdbc, long transfers) {
		jdbc.sql("SELECT wal_records, wal_fpi, wal_bytes FROM pg_stat_wal").query(rs -> {
			System.out.printf("WAL per transfer: %.1f records, %.2f full-page images, %.0f bytes%n",
					rs.getLong(1) / (double) transfers, rs.getLong(2) / (double) transfers,
					rs.getLong(3) / (double) transfers);
		});
		// planning is counted apart from execution (bench/run turns track_planning on): a
		// statement planned on every call costs that on top of its execution
		System.out.println(
				"| statement | calls | total ms | ms per transfer | planning ms per transfer | calls per transfer | rows |");
		System.out.println("|---|---:|---:|---:|---:|---:|---:|");
		jdbc.sql(
				"""
						SELECT left(regexp_replace(query, '\\s+', ' ', 'g'), 90) AS q, calls, total_exec_time, total_plan_time, rows
						FROM pg_stat_statements ORDER BY total_exec_time + total_plan_time DESC LIMIT 25""")
			.query(rs -> {
				System.out.printf("| %s | %d | %.0f | %.3f | %.3f | %.2f | %d |%n", rs.getString("q"),
						rs.getLong("calls"), rs.getDouble("total_exec_time"),
						rs.getDouble("total_exec_time") / transfers, rs.getDouble("total_plan_time") / transfers,
						rs.getLong("calls") / (double) transfers, rs.getLong("rows"));
			});
		// rows written per table, and how many updates stayed on their page without
		// touching an
		// index (HOT): what each table costs a transfer in rows and index entries. An
		// idle
		// backend reports its counters within 10 s.
		try {
			Thread.sleep(11_000);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		System.out
			.println("| table | inserts per transfer | updates per transfer | of them HOT | deletes per transfer |");
		System.out.println("|---|---:|---:|---:|---:|");
		jdbc.sql("""
				SELECT relname, n_tup_ins, n_tup_upd, n_tup_hot_upd, n_tup_del FROM pg_stat_user_tables
				WHERE n_tup_ins + n_tup_upd + n_tup_del > 0 ORDER BY n_tup_ins + n_tup_upd DESC""").query(rs -> {
			System.out.printf("| %s | %.2f | %.2f | %.2f | %.2f |%n", rs.getString(1),
					rs.getLong(2) / (double) transfers, rs.getLong(3) / (double) transfers,
					rs.getLong(4) / (double) transfers, rs.getLong(5) / (double) transfers);
		});
	}

	interface Move {

		boolean transfer(UUID from, UUID to) throws Exception;

	}

	/**
	 * Runs the load uncounted for {@link #WARMUP_SECONDS}, then on in slices of 5 s until
	 * the JIT has settled (its compilers below {@link #SETTLED_COMPILERS_SHARE} of a core
	 * in the last slice) or {@link #WARMUP_MAX_SECONDS} have passed. On two cores C2 was
	 * still compiling the HTTP path after a 10 s warm-up, at a third of the JVM's CPU in
	 * the counted run: that run measured the warm-up, not the steady state.
	 */
	static void warmUp(String name, List<UUID> wallets, Move move) throws Exception {
		load(name, wallets, move, WARMUP_SECONDS);
		int seconds = WARMUP_SECONDS;
		double share;
		do {
			long compilers0 = compilersCpuNanos();
			load(name, wallets, move, 5);
			seconds += 5;
			share = (compilersCpuNanos() - compilers0) / 5e9;
		}
		while (share >= SETTLED_COMPILERS_SHARE && seconds < WARMUP_MAX_SECONDS);
		System.out.printf("%s: %d s; the JIT's compilers used %.0f %% of a core in its last 5 s%n", name, seconds,
				share * 100);
	}

	static long compilersCpuNanos() {
		Map<String, Long> threads = threadsCpuNanos();
		return threads.get("C1 Compiler") + threads.get("C2 Compiler");
	}

	/** CLIENTS threads for SECONDS: one in five transfers touches a hot wallet. */
	static Result load(String name, List<UUID> wallets, Move move, int seconds) throws Exception {
		ConcurrentLinkedQueue<long[]> latencies = new ConcurrentLinkedQueue<>();
		AtomicLong ok = new AtomicLong();
		AtomicLong refused = new AtomicLong();
		Instant end = Instant.now().plusSeconds(seconds);
		long started = System.nanoTime();
		long jvmCpu0 = jvmCpuNanos();
		long[] pgCpu0 = postgresCpuTicks();
		long pipelineCpu0 = pipelineCpuNanos();
		Map<String, Long> threadsCpu0 = threadsCpuNanos();
		long batches0 = batchSizes.count();
		double batched0 = batchSizes.totalAmount();
		AtomicLong requestThreadsCpu = new AtomicLong();
		List<java.util.concurrent.Future<?>> clients = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(CLIENTS)) {
			for (int c = 0; c < CLIENTS; c++) {
				clients.add(pool.submit(() -> {
					long cpu0 = THREADS.getCurrentThreadCpuTime();
					long[] mine = new long[2_000_000];
					int n = 0;
					var random = ThreadLocalRandom.current();
					while (Instant.now().isBefore(end)) {
						UUID from = wallets.get(random.nextInt(5) == 0 ? random.nextInt(Math.min(HOT, wallets.size()))
								: random.nextInt(wallets.size()));
						UUID to = wallets.get(random.nextInt(5) == 0 ? random.nextInt(Math.min(HOT, wallets.size()))
								: random.nextInt(wallets.size()));
						if (from.equals(to)) {
							continue;
						}
						long t0 = System.nanoTime();
						try {
							if (move.transfer(from, to)) {
								ok.incrementAndGet();
							}
							else {
								refused.incrementAndGet();
							}
						}
						catch (com.tpwallet.walletdesk.platform.Refusal r) {
							refused.incrementAndGet();
						}
						catch (Exception e) {
							throw new IllegalStateException(e);
						}
						if (n < mine.length) {
							mine[n++] = (System.nanoTime() - t0) / 1000;
						}
					}
					latencies.add(Arrays.copyOf(mine, n));
					requestThreadsCpu.addAndGet(THREADS.getCurrentThreadCpuTime() - cpu0);
					return null;
				}));
			}
		}
		for (var client : clients) {
			// a client that failed fails the run instead of silently lowering the rate
			client.get();
		}
		double elapsed = (System.nanoTime() - started) / 1e9;
		double jvmMs = (jvmCpuNanos() - jvmCpu0) / 1e6;
		long[] pgCpu1 = postgresCpuTicks();
		// USER_HZ is 100 on Linux
		double pgMs = (pgCpu1[0] + pgCpu1[1] - pgCpu0[0] - pgCpu0[1]) * 10.0;
		double pgBackgroundMs = (pgCpu1[1] - pgCpu0[1]) * 10.0;
		long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
		long done = Math.max(1, ok.get() + refused.get());
		double pipelineMs = (pipelineCpuNanos() - pipelineCpu0) / 1e6;
		Map<String, Double> byThreads = new java.util.LinkedHashMap<>();
		threadsCpuNanos().forEach(
				(group, nanos) -> byThreads.put(group, (nanos - threadsCpu0.getOrDefault(group, 0L)) / 1e6 / done));
		double perBatch = (batchSizes.totalAmount() - batched0) / Math.max(1, batchSizes.count() - batches0);
		return new Result(name, ok.get(), refused.get(), elapsed, all, jvmMs / done,
				requestThreadsCpu.get() / 1e6 / done, pipelineMs / done, pgMs / done, pgBackgroundMs / done, byThreads,
				perBatch);
	}

	static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

	/**
	 * CPU time of the JVM's threads by what they do, from their names: the carriers of
	 * the virtual threads that serve requests ({@code ForkJoinPool}), Tomcat's own
	 * threads, the load generator's HTTP client (its selector and the executor that
	 * completes its futures: not the callers' threads), the JIT's compilers and the
	 * collector. The pipeline's threads are measured apart, to the nanosecond
	 * ({@link #pipelineCpuNanos}).
	 */
	static Map<String, Long> threadsCpuNanos() {
		Map<String, List<String>> groups = new java.util.LinkedHashMap<>();
		List.of("ForkJoinPool", "http-nio", "HttpClient", "C1 Compiler", "C2 Compiler", "GC Thread", "G1", "VM Thread")
			.forEach(group -> groups.put(group, List.of(group)));
		Map<String, Long> byGroup = new java.util.LinkedHashMap<>();
		Processes.threadTicks(ProcessHandle.current().pid(), groups)
			.forEach((group, ticks) -> byGroup.put(group, ticks * 10_000_000L));
		byGroup.remove("other");
		return byGroup;
	}

	/** CPU time of the transfer pipeline's threads (preparer and settlers). */
	static long pipelineCpuNanos() {
		return Arrays.stream(THREADS.getThreadInfo(THREADS.getAllThreadIds()))
			.filter(t -> t != null && t.getThreadName().startsWith("transfer-"))
			.mapToLong(t -> Math.max(0, THREADS.getThreadCpuTime(t.getThreadId())))
			.sum();
	}

	static long jvmCpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
			.getOperatingSystemMXBean()).getProcessCpuTime();
	}

	/**
	 * CPU ticks (user + system) of the PostgreSQL processes on the machine (pg_ctl
	 * detaches them from this JVM): {connections' backends, the rest}. The rest is the
	 * background processes (WAL writer, checkpointer, autovacuum launcher) plus what
	 * exited children used, which the postmaster collects (autovacuum workers).
	 */
	static long[] postgresCpuTicks() {
		long[] ticks = new long[2];
		ProcessHandle.allProcesses().forEach(p -> {
			try {
				String stat = Files.readString(Path.of("/proc/" + p.pid() + "/stat"));
				if (!stat.contains("(postgres)")) {
					return;
				}
				String[] f = Processes.statFields(stat);
				boolean connection = Files.readString(Path.of("/proc/" + p.pid() + "/cmdline"))
					.contains("postgres postgres");
				ticks[connection ? 0 : 1] += Long.parseLong(f[11]) + Long.parseLong(f[12]);
				ticks[1] += Long.parseLong(f[13]) + Long.parseLong(f[14]);
			}
			catch (IOException | RuntimeException e) {
				// the process ended meanwhile
			}
		});
		return ticks;
	}

	/**
	 * Bench customers are written straight to the tables (one shared password hash), then
	 * funded by a top-up posting.
	 */
	public static List<UUID> createWallets(ConfigurableApplicationContext app, int count) {
		JdbcClient jdbc = app.getBean(JdbcClient.class);
		Ledger ledger = app.getBean(Ledger.class);
		TransactionTemplate tx = app.getBean(TransactionTemplate.class);
		PasswordEncoder encoder = app.getBean(PasswordEncoder.class);
		String password = encoder.encode("Bench!pass-2026");
		String pin = encoder.encode(PIN);
		List<UUID> ids = new ArrayList<>();
		tx.executeWithoutResult(s -> {
			for (int i = 0; i < count; i++) {
				UUID id = UUID.randomUUID();
				jdbc.sql(
						"""
								INSERT INTO customer (id, phone, password_hash, language, verified_name, password_changed_at, created_at, pin_hash)
								VALUES (?, ?, ?, 'en', ?, ?, ?, ?)""")
					.params(id, "+86135%08d".formatted(i), password, "Bench " + i, Timestamp.from(Instant.now()),
							Timestamp.from(Instant.now()), pin)
					.update();
				ledger.move(UUID.randomUUID(), PostingKind.TOP_UP, "CNY",
						ledger.systemAccount(AccountKind.BANK_CLEARING, "CNY"),
						ledger.customerAccount(id, AccountKind.CUSTOMER_AVAILABLE, "CNY"), 1_000_000);
				ids.add(id);
			}
			establish(jdbc, ids);
		});
		return ids;
	}

	/**
	 * The bench's wallets are a year old and busy, and have paid each other before: so
	 * the risk monitor (which screens every transfer here, as in service) judges them
	 * against the habits of busy wallets instead of stopping a new customer's burst.
	 */
	static void establish(JdbcClient jdbc, List<UUID> ids) {
		UUID[] all = ids.toArray(UUID[]::new);
		jdbc.sql("UPDATE customer SET created_at = now() - interval '365 days' WHERE id = ANY(?)").param(all).update();
		jdbc.sql("""
				INSERT INTO risk_profile (customer_id, out_count, out_sum_fen)
				SELECT id, 2000000, 2000000 * 250 FROM unnest(?::uuid[]) AS w(id)""").param(all).update();
		jdbc.sql(
				"""
						INSERT INTO risk_payee (customer_id, counterparty, first_paid_at)
						SELECT a.id, b.id::text, now() - interval '300 days' FROM unnest(?::uuid[]) AS a(id), unnest(?::uuid[]) AS b(id)
						WHERE a.id <> b.id""")
			.params(all, all)
			.update();
	}

	static String login(HttpClient http, String base, String phone) throws IOException, InterruptedException {
		HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/login"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"login\":\"" + phone + "\",\"password\":\"Bench!pass-2026\"}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		Matcher m = Pattern.compile("\"token\":\"([^\"]+)\"").matcher(r.body());
		if (!m.find()) {
			throw new IllegalStateException("login failed: " + r.body());
		}
		return m.group(1);
	}

	/**
	 * The payment-password check as a request makes it; the first one re-hashes the bench
	 * wallet's Argon2id hash under the key.
	 */
	static long pinCheckMicros(com.tpwallet.walletdesk.identity.IdentityApi identity, UUID customer) {
		identity.verifyPaymentPassword(customer, PIN);
		long t0 = System.nanoTime();
		for (int i = 0; i < 200; i++) {
			identity.verifyPaymentPassword(customer, PIN);
		}
		return (System.nanoTime() - t0) / 200_000;
	}

	static long argon2Micros(PasswordEncoder encoder) {
		String hash = encoder.encode(PIN);
		long t0 = System.nanoTime();
		for (int i = 0; i < 20; i++) {
			encoder.matches(PIN, hash);
		}
		return (System.nanoTime() - t0) / 20_000;
	}

	/**
	 * pgbench -i then a TPC-B-like run against the same server, in a database of its own.
	 */
	static double pgbench(String jdbcUrl) throws Exception {
		Matcher m = Pattern.compile("jdbc:postgresql://([^:/]+):(\\d+)/").matcher(jdbcUrl);
		if (!m.find()) {
			throw new IllegalStateException("not a PostgreSQL URL: " + jdbcUrl);
		}
		String host = m.group(1);
		String port = m.group(2);
		exec(List.of("psql", "-h", host, "-p", port, "-U", "postgres", "-d", "postgres", "-qc",
				"DROP DATABASE IF EXISTS pgbench"));
		exec(List.of("psql", "-h", host, "-p", port, "-U", "postgres", "-d", "postgres", "-qc",
				"CREATE DATABASE pgbench"));
		exec(List.of("pgbench", "-h", host, "-p", port, "-U", "postgres", "-i", "-q", "-s",
				Integer.toString(Math.max(1, CLIENTS)), "pgbench"));
		String out = exec(List.of("pgbench", "-h", host, "-p", port, "-U", "postgres", "-c", Integer.toString(CLIENTS),
				"-j", "2", "-T", Integer.toString(SECONDS), "-b", "tpcb-like", "pgbench"));
		Matcher tps = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)").matcher(out);
		if (!tps.find()) {
			throw new IllegalStateException("pgbench said: " + out);
		}
		return Double.parseDouble(tps.group(1));
	}

	static String exec(List<String> command) throws IOException, InterruptedException {
		Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
		String out = new String(p.getInputStream().readAllBytes());
		if (p.waitFor() != 0) {
			throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
		}
		return out;
	}

}
