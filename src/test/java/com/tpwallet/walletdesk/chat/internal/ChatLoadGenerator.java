package com.tpwallet.walletdesk.chat.internal;

import com.tpwallet.walletdesk.bench.Processes;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The load half of the chat benchmark (bench/chat), in its own JVM: opens one STOMP
 * connection per agent and per customer, then has customers send {@code rate} messages a
 * second for {@code seconds} seconds and measures each message from the customer's send
 * to the agent's receipt. Prints a table; reads the server's heap and RSS (through jcmd
 * and /proc) before and after the customers connect, for memory per connection.
 */
public final class ChatLoadGenerator {

	static final String URL = "ws://127.0.0.1:" + Integer.getInteger("port", 18080) + "/ws/chat";

	/**
	 * One STOMP connection: frames are reassembled from WebSocket text parts; SUBSCRIBE
	 * waits for its receipt.
	 */
	static final class Connection implements WebSocket.Listener {

		final CountDownLatch ready = new CountDownLatch(1);

		final boolean agent;

		final StringBuilder buffer = new StringBuilder();

		volatile WebSocket socket;

		CompletableFuture<?> sending = CompletableFuture.completedFuture(null);

		Connection(boolean agent) {
			this.agent = agent;
		}

		@Override
		public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
			buffer.append(data);
			int end;
			while ((end = buffer.indexOf("\0")) >= 0) {
				String frame = buffer.substring(0, end);
				buffer.delete(0, end + 1);
				frame(ws, frame.stripLeading());
			}
			ws.request(1);
			return null;
		}

		void frame(WebSocket ws, String frame) {
			if (frame.startsWith("CONNECTED")) {
				send("SUBSCRIBE\nid:0\ndestination:/user/queue/chat\nreceipt:r0\n\n");
			}
			else if (frame.startsWith("RECEIPT")) {
				// as the protocol has it: subscribe, then start (or resume) the
				// conversation
				if (!agent) {
					send("SEND\ndestination:/app/chat.start\ncontent-type:application/json\n\n{}");
				}
				ready.countDown();
			}
			else if (frame.startsWith("MESSAGE") && agent) {
				int at = frame.indexOf("\"text\":\"bench ");
				if (at >= 0) {
					String[] parts = frame.substring(at + 14, frame.indexOf('"', at + 14)).split(" ");
					int index = Integer.parseInt(parts[1]);
					if (index < latencies.length) {
						latencies[index] = System.nanoTime() - Long.parseLong(parts[0]);
						received.incrementAndGet();
					}
				}
			}
			else if (frame.startsWith("ERROR")) {
				errors.incrementAndGet();
			}
		}

		synchronized void send(String frame) {
			sending = sending.thenCompose(x -> socket.sendText(frame + "\0", true));
		}

	}

	static long[] latencies = new long[0];
	static final AtomicInteger received = new AtomicInteger();
	static final AtomicInteger errors = new AtomicInteger();

	public static void main(String[] args) throws Exception {
		int rate = Integer.getInteger("rate", 1000);
		int seconds = Integer.getInteger("seconds", 30);
		int warmupSeconds = Integer.getInteger("warmup", 20);
		List<String> setup = Files.readAllLines(Path.of(System.getProperty("setup", "target/chat-bench/setup.txt")));
		long serverPid = Long.parseLong(setup.getFirst().split(" ")[1]);
		List<String> agentTokens = setup.stream().filter(l -> l.startsWith("agent ")).map(l -> l.substring(6)).toList();
		List<String> customerTokens = setup.stream()
			.filter(l -> l.startsWith("customer "))
			.map(l -> l.substring(9))
			.toList();
		HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(4)).build();

		List<Connection> agents = connect(http, agentTokens, true);
		long[] before = serverMemory(serverPid);
		long t0 = System.nanoTime();
		List<Connection> customers = connect(http, customerTokens, false);
		double connectSeconds = (System.nanoTime() - t0) / 1e9;
		long[] after = serverMemory(serverPid);
		long open = customers.stream().filter(c -> c.ready.getCount() == 0).count();

		int warmup = rate * warmupSeconds;
		int total = warmup + rate * seconds;
		latencies = new long[total];
		Arrays.fill(latencies, -1);
		long[] sentAt = new long[total];
		CpuSampler cpu = new CpuSampler(serverPid);
		cpu.start();
		long start = System.nanoTime();
		long startMillis = System.currentTimeMillis();
		long interval = 1_000_000_000L / rate;
		long measuredFrom = start;
		for (int i = 0; i < total; i++) {
			if (i == warmup) {
				measuredFrom = System.nanoTime();
				cpu.mark();
			}
			long due = start + i * interval;
			long wait = due - System.nanoTime();
			if (wait > 0) {
				TimeUnit.NANOSECONDS.sleep(wait);
			}
			Connection c = customers.get(i % customers.size());
			sentAt[i] = System.nanoTime();
			c.send("SEND\ndestination:/app/chat.message\ncontent-type:application/json\n\n{\"text\":\"bench "
					+ sentAt[i] + " " + i + "\"}");
		}
		double sendSeconds = (System.nanoTime() - start) / 1e9;
		long drainUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
		while (received.get() < total && System.nanoTime() < drainUntil) {
			Thread.sleep(100);
		}
		cpu.mark();
		writeTimeline(Path.of(System.getProperty("timeline", "target/chat-bench/latencies.csv")), sentAt, start,
				startMillis);
		cpu.write(Path.of(System.getProperty("cpu", "target/chat-bench/cpu.csv")), startMillis);
		long[] warm = Arrays.stream(latencies, 0, warmup).filter(l -> l >= 0).sorted().toArray();
		long[] done = Arrays.stream(latencies, warmup, total).filter(l -> l >= 0).sorted().toArray();

		System.out.println();
		System.out.println(
				"| phase | connections open | connect time | target rate | achieved rate | sent | received | lost | p50 ms | p90 ms | p99 ms | max ms |");
		System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|");
		row("warm-up " + warmupSeconds + " s", open, agents.size(), connectSeconds, rate,
				warmup / ((measuredFrom - start) / 1e9), warm, warmup);
		row("measured " + seconds + " s", open, agents.size(), connectSeconds, rate,
				(total - warmup) / (sendSeconds - (measuredFrom - start) / 1e9), done, total - warmup);
		cpu.print(List.of("warm-up " + warmupSeconds + " s", "measured " + seconds + " s and the drain"));
		System.out.printf(
				"%nServer memory for %,d more connections: heap %+,d MB (%.1f KB each), RSS %+,d MB (%.1f KB each); STOMP errors: %d%n",
				open, (after[0] - before[0]) >> 20, (after[0] - before[0]) / 1024.0 / Math.max(1, open),
				(after[1] - before[1]) >> 20, (after[1] - before[1]) / 1024.0 / Math.max(1, open), errors.get());
		System.exit(0);
	}

	/**
	 * Where the two cores go while the messages flow, from /proc once a second: the
	 * server's threads by what they do, its PostgreSQL, and this generator. A bad tail
	 * can then be laid next to the compilers, the collector or a starved process.
	 */
	static final class CpuSampler extends Thread {

		static final Map<String, List<String>> SERVER_THREADS = new LinkedHashMap<>();

		static {
			SERVER_THREADS.put("inbound", List.of("clientInboundChannel"));
			SERVER_THREADS.put("texts", List.of("chat-texts"));
			SERVER_THREADS.put("outbound", List.of("clientOutboundChannel"));
			SERVER_THREADS.put("broker", List.of("brokerChannel"));
			SERVER_THREADS.put("Tomcat", List.of("http-nio"));
			SERVER_THREADS.put("JIT", List.of("C1 CompilerThread", "C2 CompilerThread"));
			SERVER_THREADS.put("GC", List.of("ZWorker", "ZDirector", "ZDriver", "GC Thread", "G1", "VM Thread"));
		}

		final long server;

		final Path postmaster = Path.of(System.getProperty("data", "target/chat-bench/data"), "postgres",
				"postmaster.pid");

		/** One row a second: milliseconds since the start, then the ticks in columns. */
		final List<long[]> rows = new java.util.concurrent.CopyOnWriteArrayList<>();

		/** The rows at which a phase ended. */
		final List<Integer> marks = new java.util.concurrent.CopyOnWriteArrayList<>();

		final long t0 = System.nanoTime();

		CpuSampler(long server) {
			super("cpu-sampler");
			this.server = server;
			setDaemon(true);
			sample();
		}

		List<String> columns() {
			List<String> columns = new ArrayList<>(SERVER_THREADS.keySet());
			columns.addAll(List.of("other", "PostgreSQL", "generator"));
			return columns;
		}

		void sample() {
			List<Long> row = new ArrayList<>(List.of((System.nanoTime() - t0) / 1_000_000));
			Map<String, Long> threads = Processes.threadTicks(server, SERVER_THREADS);
			threads.remove("other");
			row.addAll(threads.values());
			// the rest of the process, threads that ended meanwhile included
			row.add(Processes.ticks(server, false) - threads.values().stream().mapToLong(Long::longValue).sum());
			row.add(Processes.cpuTicks(server, postmaster)[1]);
			row.add(Processes.ticks(ProcessHandle.current().pid(), false));
			rows.add(row.stream().mapToLong(Long::longValue).toArray());
		}

		@Override
		public void run() {
			while (true) {
				try {
					Thread.sleep(1000);
				}
				catch (InterruptedException e) {
					return;
				}
				sample();
			}
		}

		/** Ends a phase now. */
		void mark() {
			sample();
			marks.add(rows.size() - 1);
		}

		/** Cores used in each phase, by column. */
		void print(List<String> phases) {
			List<String> columns = columns();
			System.out.printf("%nCores used (of %d): the server's threads, its PostgreSQL, this generator%n%n",
					Runtime.getRuntime().availableProcessors());
			System.out.println("| phase | server | " + String.join(" | ", columns) + " |");
			System.out.println("|---|---:|" + "---:|".repeat(columns.size()));
			int from = 0;
			for (int p = 0; p < phases.size() && p < marks.size(); p++) {
				long[] a = rows.get(from);
				long[] b = rows.get(marks.get(p));
				double seconds = (b[0] - a[0]) / 1000.0;
				StringBuilder line = new StringBuilder("| " + phases.get(p) + " | ");
				double server = 0;
				for (int c = 1; c <= SERVER_THREADS.size() + 1; c++) {
					server += (b[c] - a[c]) / Processes.TICKS_PER_SECOND / seconds;
				}
				line.append(String.format(java.util.Locale.ROOT, "%.2f |", server));
				for (int c = 1; c < b.length; c++) {
					line.append(String.format(java.util.Locale.ROOT, " %.2f |",
							(b[c] - a[c]) / Processes.TICKS_PER_SECOND / seconds));
				}
				System.out.println(line);
				from = marks.get(p);
			}
		}

		/** Cores used second by second, to lay next to the latencies' timeline. */
		void write(Path file, long startMillis) throws java.io.IOException {
			StringBuilder csv = new StringBuilder("epoch_ms," + String.join(",", columns()) + "\n");
			for (int r = 1; r < rows.size(); r++) {
				long[] a = rows.get(r - 1);
				long[] b = rows.get(r);
				double seconds = Math.max(1, b[0] - a[0]) / 1000.0;
				csv.append(startMillis + b[0]);
				for (int c = 1; c < b.length; c++) {
					csv.append(String.format(java.util.Locale.ROOT, ",%.2f",
							(b[c] - a[c]) / Processes.TICKS_PER_SECOND / seconds));
				}
				csv.append('\n');
			}
			Files.createDirectories(file.getParent());
			Files.writeString(file, csv);
		}

	}

	/**
	 * Each message's wall-clock send time and latency (-1 if lost), to lay next to the GC
	 * logs of both JVMs.
	 */
	static void writeTimeline(Path file, long[] sentAt, long start, long startMillis) throws java.io.IOException {
		StringBuilder csv = new StringBuilder("sent_epoch_ms,latency_ms\n");
		for (int i = 0; i < sentAt.length; i++) {
			csv.append(startMillis + (sentAt[i] - start) / 1_000_000)
				.append(',')
				.append(latencies[i] < 0 ? "-1" : String.format(java.util.Locale.ROOT, "%.2f", latencies[i] / 1e6))
				.append('\n');
		}
		Files.createDirectories(file.getParent());
		Files.writeString(file, csv);
	}

	static void row(String phase, long open, int agents, double connectSeconds, int rate, double achieved, long[] done,
			int sent) {
		System.out.printf(
				"| %s | %,d customers + %d agents | %.1f s | %,d/s | %,.0f/s | %,d | %,d | %,d | %.1f | %.1f | %.1f | %.1f |%n",
				phase, open, agents, connectSeconds, rate, achieved, sent, done.length, sent - done.length,
				pct(done, 0.5), pct(done, 0.9), pct(done, 0.99), done.length == 0 ? 0 : done[done.length - 1] / 1e6);
	}

	static double pct(long[] sorted, double p) {
		return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))] / 1e6;
	}

	/**
	 * Opens the connections, at most 200 handshakes at a time, and waits until each has
	 * its subscription.
	 */
	static List<Connection> connect(HttpClient http, List<String> tokens, boolean agent) throws Exception {
		List<Connection> out = new ArrayList<>();
		Semaphore inFlight = new Semaphore(200);
		for (String token : tokens) {
			Connection c = new Connection(agent);
			out.add(c);
			inFlight.acquire();
			http.newWebSocketBuilder()
				.subprotocols("v12.stomp")
				.connectTimeout(java.time.Duration.ofSeconds(30))
				.buildAsync(URI.create(URL), c)
				.whenComplete((ws, error) -> {
					if (error != null) {
						inFlight.release();
						return;
					}
					c.socket = ws;
					c.send("CONNECT\naccept-version:1.2\nhost:127.0.0.1\nheart-beat:0,0\nAuthorization:Bearer " + token
							+ "\n\n");
					CompletableFuture.runAsync(() -> {
						try {
							c.ready.await(30, TimeUnit.SECONDS);
						}
						catch (InterruptedException e) {
							Thread.currentThread().interrupt();
						}
						inFlight.release();
					});
				});
		}
		for (Connection c : out) {
			c.ready.await(60, TimeUnit.SECONDS);
		}
		return out;
	}

	/**
	 * The server's heap in use after a full GC (jcmd) and its resident memory (/proc), in
	 * bytes.
	 */
	static long[] serverMemory(long pid) throws Exception {
		run("jcmd", String.valueOf(pid), "GC.run");
		String heap = run("jcmd", String.valueOf(pid), "GC.heap_info");
		// G1 says "used 123456K", ZGC "used 320M"
		java.util.regex.Matcher used = java.util.regex.Pattern.compile("used (\\d+)([KMG])").matcher(heap);
		long heapUsed = used.find() ? Long.parseLong(used.group(1)) << switch (used.group(2)) {
			case "K" -> 10;
			case "M" -> 20;
			default -> 30;
		} : 0;
		long rss = Files.readAllLines(Path.of("/proc/" + pid + "/status"))
			.stream()
			.filter(l -> l.startsWith("VmRSS:"))
			.mapToLong(l -> Long.parseLong(l.replaceAll("\\D+", "")) * 1024)
			.findFirst()
			.orElse(0);
		return new long[] { heapUsed, rss };
	}

	static String run(String... command) throws Exception {
		String jcmd = Path.of(ProcessHandle.current().info().command().orElse("java"))
			.resolveSibling("jcmd")
			.toString();
		command[0] = jcmd;
		Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
		String out = new String(p.getInputStream().readAllBytes());
		p.waitFor();
		return out;
	}

}
