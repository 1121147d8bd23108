package com.tpwallet.walletdesk.bench;

import com.tpwallet.walletdesk.wallet.internal.TransferBenchmark;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The load half of bench/desk: a contact centre's busiest day (1,000,000 conversations a
 * day) driven through walletdesk's public interfaces only, each as its real client uses
 * it.
 * <ul>
 * <li>{@code agents} consoles: the STOMP subscriptions of the agent page, and on each of
 * its events the requests the page makes (the chat board on a queue event, the ticket
 * list and queues 250 ms after ticket events); each agent accepts the chats and answers
 * the tickets it is given, and answers every customer message;</li>
 * <li>{@code supervisors} dashboards, refreshed as the supervisor page does (every 10 s
 * and every 60 s);</li>
 * <li>new conversations at {@code conversations} a second: a quarter each live chat (the
 * app's STOMP protocol, then "talk to a human"), web tickets (HTTP), e-mail (SMTP into
 * the demo mail server, which the service reads over IMAP) and phone calls (the CTI
 * webhook);</li>
 * <li>customers writing in their chats (a message every 3 s) and tickets (every 10
 * s);</li>
 * <li>{@code transfers} money transfers a second over HTTP, payment password
 * checked.</li>
 * </ul>
 * Prints throughput, p50, p99 and max per operation, errors, and the server's CPU and
 * memory (the JVM and its PostgreSQL); exits with 1 when a chat message, ticket entry,
 * e-mail, call or transfer acknowledged was lost, or the ledger does not balance.
 */
public final class DeskLoadGenerator {

	static final Path POSTMASTER = Path.of(System.getProperty("data", "target/desk-bench/data"), "postgres",
			"postmaster.pid");

	static final int PORT = Integer.getInteger("port", 18090);

	static final String BASE = "http://127.0.0.1:" + PORT;

	static final String TAG = Long.toString(System.currentTimeMillis(), 36);

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final HttpClient HTTP = HttpClient.newBuilder()
		.executor(Executors.newFixedThreadPool(8))
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	static final ScheduledExecutorService CLOCK = Executors.newScheduledThreadPool(4);

	/** Whether work is still being started (false in the drain at the end). */
	static final AtomicBoolean running = new AtomicBoolean(true);

	static volatile long measuredFrom = Long.MAX_VALUE;

	static volatile long measuredUntil = Long.MAX_VALUE;

	private DeskLoadGenerator() {
	}

	// ---- what is measured

	/** One kind of operation: latencies of those started in the measured window. */
	static final class Op {

		final ConcurrentLinkedQueue<Long> nanos = new ConcurrentLinkedQueue<>();

		final AtomicLong all = new AtomicLong();

		final AtomicLong errors = new AtomicLong();

		final ConcurrentLinkedQueue<String> samples = new ConcurrentLinkedQueue<>();

		void record(long startedAt, long nanos) {
			all.incrementAndGet();
			if (startedAt >= measuredFrom && startedAt < measuredUntil) {
				this.nanos.add(nanos);
			}
		}

		void error(String what) {
			errors.incrementAndGet();
			if (samples.size() < 3) {
				samples.add(what.length() > 200 ? what.substring(0, 200) : what);
			}
		}

	}

	static final Map<String, Op> OPS = new ConcurrentSkipListMap<>();

	/** STOMP messages received, per side and destination. */
	static final Map<String, AtomicLong> RECEIVED = new ConcurrentSkipListMap<>();

	static Op op(String name) {
		return OPS.computeIfAbsent(name, n -> new Op());
	}

	/** Counts for the loss checks. */
	static final AtomicLong chatSent = new AtomicLong();

	static final AtomicLong chatReceived = new AtomicLong();

	/**
	 * Customer chat messages the server stored and echoed to the customer's connection.
	 */
	static final AtomicLong chatAcknowledged = new AtomicLong();

	static final AtomicLong repliesSent = new AtomicLong();

	static final AtomicLong repliesReceived = new AtomicLong();

	static final AtomicLong mailsSent = new AtomicLong();

	static final AtomicLong callsStarted = new AtomicLong();

	static final AtomicLong transfersDone = new AtomicLong();

	static final AtomicLong transfersRefused = new AtomicLong();

	/** Web tickets opened, with the customer and agent entries acknowledged on each. */
	static final Map<String, int[]> tickets = new ConcurrentHashMap<>();

	// ---- HTTP as the pages and the app call it

	/**
	 * A request as the pages and the app make it, timed under {@code opName}; the answer,
	 * or null (recorded as an error) when none came.
	 */
	static CompletableFuture<HttpResponse<String>> exchange(String opName, String method, String path, String token,
			String body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(BASE + path))
			.timeout(Duration.ofSeconds(60))
			.header("Accept", "application/json")
			.header("Accept-Language", "en");
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		if (body != null) {
			request.header("Content-Type", "application/json");
			if (path.startsWith("/api/v1/wallet/")) {
				request.header("Idempotency-Key", UUID.randomUUID().toString());
			}
		}
		request.method(method,
				body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
		long started = System.nanoTime();
		Op op = op(opName);
		return HTTP.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString()).handle((r, error) -> {
			op.record(started, System.nanoTime() - started);
			if (error != null) {
				op.error(error.toString());
				return null;
			}
			return r;
		});
	}

	/** A request whose answer is JSON; null (recorded as an error) for a 4xx or 5xx. */
	static CompletableFuture<JsonNode> call(String opName, String method, String path, String token, String body) {
		return exchange(opName, method, path, token, body).thenApply(r -> {
			if (r == null) {
				return null;
			}
			if (r.statusCode() >= 400) {
				op(opName).error(r.statusCode() + " " + r.body());
				return null;
			}
			return r.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(r.body());
		});
	}

	static String json(Object... pairs) {
		Map<String, Object> map = new java.util.LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			map.put((String) pairs[i], pairs[i + 1]);
		}
		return JSON.writeValueAsString(map);
	}

	// ---- STOMP over WebSocket, as the app and the agent page speak it

	/** One STOMP connection; frames reassembled from text parts. */
	abstract static class Stomp implements WebSocket.Listener {

		final StringBuilder buffer = new StringBuilder();

		final CountDownLatch ready = new CountDownLatch(1);

		volatile WebSocket socket;

		private CompletableFuture<?> sending = CompletableFuture.completedFuture(null);

		@Override
		public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
			buffer.append(data);
			int end;
			while ((end = buffer.indexOf("\0")) >= 0) {
				String frame = buffer.substring(0, end).stripLeading();
				buffer.delete(0, end + 1);
				try {
					frame(frame);
				}
				catch (RuntimeException e) {
					op("stomp frames").error(e.toString());
				}
			}
			ws.request(1);
			return null;
		}

		void frame(String frame) {
			int blank = frame.indexOf("\n\n");
			String headers = blank < 0 ? frame : frame.substring(0, blank);
			String body = blank < 0 ? "" : frame.substring(blank + 2);
			if (frame.startsWith("CONNECTED")) {
				connected();
			}
			else if (frame.startsWith("RECEIPT")) {
				ready.countDown();
				subscribed();
			}
			else if (frame.startsWith("MESSAGE")) {
				String destination = headers.lines()
					.filter(l -> l.startsWith("destination:"))
					.findFirst()
					.orElse("")
					.substring(12);
				RECEIVED.computeIfAbsent(getClass().getSimpleName() + " " + destination, d -> new AtomicLong())
					.incrementAndGet();
				message(destination, body);
			}
			else if (frame.startsWith("ERROR")) {
				op("stomp frames").error(frame);
			}
		}

		abstract void connected();

		void subscribed() {
		}

		abstract void message(String destination, String body);

		synchronized void send(String frame) {
			sending = sending.thenCompose(x -> socket.sendText(frame + "\0", true));
		}

		void sendJson(String destination, String json) {
			send("SEND\ndestination:" + destination + "\ncontent-type:application/json\n\n" + json);
		}

		CompletableFuture<WebSocket> open(String token) {
			return HTTP.newWebSocketBuilder()
				.subprotocols("v12.stomp")
				.connectTimeout(Duration.ofSeconds(30))
				.buildAsync(URI.create("ws://127.0.0.1:" + PORT + "/ws/chat"), this)
				.thenApply(ws -> {
					socket = ws;
					send("CONNECT\naccept-version:1.2\nhost:127.0.0.1\nheart-beat:0,0\nAuthorization:Bearer " + token
							+ "\n\n");
					return ws;
				});
		}

	}

	/**
	 * The agent page's refreshAtMostEvery (agent.js): the first change within 250 ms,
	 * those that follow gathered into one refresh at least {@code spacing} ms (plus up to
	 * half as much at random) after the last.
	 */
	static final class Throttle {

		final long spacing;

		final Runnable run;

		final AtomicBoolean pending = new AtomicBoolean();

		volatile long last;

		Throttle(long spacing, Runnable run) {
			this.spacing = spacing;
			this.run = run;
		}

		void request() {
			if (!pending.compareAndSet(false, true)) {
				return;
			}
			long due = last + (long) (spacing * (1 + ThreadLocalRandom.current().nextDouble() / 2));
			long wait = Math.max(250, due - System.currentTimeMillis());
			CLOCK.schedule(() -> {
				pending.set(false);
				last = System.currentTimeMillis();
				run.run();
			}, wait, TimeUnit.MILLISECONDS);
		}

	}

	// ---- the agent's console

	static final class Console extends Stomp {

		final int index;

		final String token;

		final Set<String> accepting = ConcurrentHashMap.newKeySet();

		Console(int index, String token) {
			this.index = index;
			this.token = token;
			this.chats = new Throttle(2000, this::loadChats);
			this.ticketList = new Throttle(5000, () -> {
				call("console: ticket list (GET /staff/tickets)", "GET", "/api/v1/staff/tickets?status=active&limit=50",
						token, null);
				call("console: queues (GET /staff/queues)", "GET", "/api/v1/staff/queues", token, null);
			});
		}

		@Override
		void connected() {
			send("SUBSCRIBE\nid:0\ndestination:/user/queue/chat\n\n");
			send("SUBSCRIBE\nid:1\ndestination:/user/queue/chat.events\n\n");
			send("SUBSCRIBE\nid:2\ndestination:/topic/chat.queue\n\n");
			send("SUBSCRIBE\nid:3\ndestination:/topic/desk.tickets\nreceipt:r3\n\n");
		}

		@Override
		void message(String destination, String body) {
			switch (destination) {
				case "/topic/chat.queue" -> chats.request();
				case "/topic/desk.tickets" -> ticketList.request();
				case "/user/queue/chat" -> chatMessage(JSON.readTree(body));
				default -> {
				}
			}
		}

		final Throttle chats;

		final Throttle ticketList;

		/** The chat board, as the page loads it (on queue events, throttled). */
		void loadChats() {
			call("console: chat board (GET /staff/chats)", "GET", "/api/v1/staff/chats", token, null)
				.thenAccept(board -> {
					if (board == null) {
						return;
					}
					for (JsonNode c : board.path("waiting")) {
						String id = c.path("id").asString();
						if (designated(id) == index && accepting.add(id)) {
							accept(id);
						}
					}
				});
		}

		void accept(String id) {
			call("agent: accept chat", "POST", "/api/v1/staff/chats/" + id + "/accept", token, "{}")
				.thenAccept(history -> {
					CustomerChat chat = CHATS.get(id);
					if (history != null && chat != null) {
						chat.accepted();
					}
				});
		}

		/** A customer wrote: the agent reads it and answers a second later. */
		void chatMessage(JsonNode m) {
			String text = m.path("text").asString("");
			if (!"customer".equals(m.path("from").asString()) || !text.startsWith("bench ")) {
				return;
			}
			long sent = Long.parseLong(text.split(" ")[1]);
			op("chat: customer → agent (STOMP delivery)").record(sent, System.nanoTime() - sent);
			chatReceived.incrementAndGet();
			String conversation = m.path("conversationId").asString();
			CLOCK.schedule(() -> call("agent: chat reply (POST /staff/chats/{id}/messages)", "POST",
					"/api/v1/staff/chats/" + conversation + "/messages", token,
					json("text", "reply " + System.nanoTime()))
				.thenAccept(r -> {
					if (r != null) {
						repliesSent.incrementAndGet();
					}
				}), 1, TimeUnit.SECONDS);
		}

		/** The agent opens a ticket given to them and answers it. */
		void answerTicket(String id) {
			call("agent: open ticket (GET /staff/tickets/{id})", "GET", "/api/v1/staff/tickets/" + id, token, null);
			call("agent: customer 360 (GET /staff/tickets/{id}/customer)", "GET",
					"/api/v1/staff/tickets/" + id + "/customer", token, null);
			CLOCK.schedule(() -> call("agent: ticket reply (POST /tickets/{id}/entries)", "POST",
					"/api/v1/tickets/" + id + "/entries", token, json("body", "Thank you, we are looking into it."))
				.thenAccept(r -> {
					if (r != null) {
						tickets.get(id)[1]++;
					}
				}), 2, TimeUnit.SECONDS);
		}

	}

	static List<Console> consoles = List.of();

	static int designated(String id) {
		return Math.floorMod(id.hashCode(), consoles.size());
	}

	// ---- a customer's live chat in the app

	static final Map<String, CustomerChat> CHATS = new ConcurrentHashMap<>();

	static final class CustomerChat extends Stomp {

		static final int MESSAGES = 20;

		final AtomicInteger written = new AtomicInteger();

		final AtomicBoolean started = new AtomicBoolean();

		volatile String conversation;

		@Override
		void connected() {
			send("SUBSCRIBE\nid:0\ndestination:/user/queue/chat\nreceipt:r0\n\n");
		}

		@Override
		void subscribed() {
			sendJson("/app/chat.start", "{}");
		}

		@Override
		void message(String destination, String body) {
			JsonNode m = JSON.readTree(body);
			String from = m.path("from").asString();
			if (conversation == null && "bot".equals(from)) {
				conversation = m.path("conversationId").asString();
				CHATS.put(conversation, this);
				sendJson("/app/chat.handover", "{}");
			}
			String text = m.path("text").asString("");
			if ("customer".equals(from) && text.startsWith("bench ")) {
				chatAcknowledged.incrementAndGet(); // stored: every connection of the
													// customer gets it
			}
			if ("agent".equals(from) && text.startsWith("reply ")) {
				long sent = Long.parseLong(text.substring(6));
				op("chat: agent → customer (POST to STOMP delivery)").record(sent, System.nanoTime() - sent);
				repliesReceived.incrementAndGet();
			}
		}

		/** An agent took the chat: the customer writes every 3 s, then ends it. */
		void accepted() {
			if (started.compareAndSet(false, true)) {
				CLOCK.schedule(this::write, 1, TimeUnit.SECONDS);
			}
		}

		void write() {
			if (!running.get() || written.incrementAndGet() > MESSAGES) {
				sendJson("/app/chat.end", "{}");
				CLOCK.schedule(() -> socket.sendClose(WebSocket.NORMAL_CLOSURE, "done"), 2, TimeUnit.SECONDS);
				return;
			}
			chatSent.incrementAndGet();
			sendJson("/app/chat.message", json("text", "bench " + System.nanoTime() + " my withdrawal is late"));
			CLOCK.schedule(this::write, 3, TimeUnit.SECONDS);
		}

	}

	// ---- the channels

	static void newChat(String token) {
		CustomerChat chat = new CustomerChat();
		long started = System.nanoTime();
		chat.open(token).whenComplete((ws, error) -> {
			op("customer: open chat connection (WebSocket + STOMP CONNECT)").record(started,
					System.nanoTime() - started);
			if (error != null) {
				op("customer: open chat connection (WebSocket + STOMP CONNECT)").error(error.toString());
			}
		});
	}

	static void newWebTicket(String token) {
		call("customer: new web ticket (POST /tickets)", "POST", "/api/v1/tickets", token,
				json("subject", "bench " + TAG + " withdrawal not arrived", "message",
						"My withdrawal from Friday has not arrived in my bank account.", "language", "en"))
			.thenAccept(t -> {
				if (t == null) {
					return;
				}
				String id = t.path("id").asString();
				tickets.put(id, new int[2]);
				Console agent = consoles.get(designated(id));
				agent.answerTicket(id);
				for (int i = 1; i <= 8; i++) {
					CLOCK.schedule(() -> {
						if (!running.get()) {
							return;
						}
						call("customer: ticket message (POST /tickets/{id}/entries)", "POST",
								"/api/v1/tickets/" + id + "/entries", token,
								json("body", "Any news? It is still not there."))
							.thenAccept(r -> {
								if (r != null) {
									tickets.get(id)[0]++;
									agent.answerTicket(id);
								}
							});
					}, 10L * i, TimeUnit.SECONDS);
				}
			});
	}

	static final Session MAIL = Session.getInstance(mailProperties());

	static Properties mailProperties() {
		Properties p = new Properties();
		p.put("mail.smtp.host", "127.0.0.1");
		p.put("mail.smtp.port", Integer.getInteger("smtpPort", 3025).toString());
		return p;
	}

	static void newMail(int n) {
		long started = System.nanoTime();
		try {
			MimeMessage mail = new MimeMessage(MAIL);
			mail.setFrom(new InternetAddress("bench." + TAG + "." + n + "@example.com"));
			mail.setRecipient(Message.RecipientType.TO, new InternetAddress("support@walletdesk.local"));
			mail.setSubject("bench " + TAG + " mail " + n + ": top-up failed", "UTF-8");
			mail.setText("My top-up failed but my card was charged. Please help.", "UTF-8");
			Transport.send(mail);
			mailsSent.incrementAndGet();
			op("customer: e-mail (SMTP send)").record(started, System.nanoTime() - started);
		}
		catch (Exception e) {
			op("customer: e-mail (SMTP send)").error(e.toString());
		}
	}

	static void newCall(int n) {
		String id = "bench-" + TAG + "-" + n;
		String from = "+86138" + String.format("%08d", n);
		String agent = "agent." + (n % consoles.size());
		cti(json("event", "newCall", "callId", id, "from", from, "to", "4001234567", "direction", "in", "user",
				List.of(), "queue", "hotline"))
			.thenAccept(r -> {
				if (r != null) {
					callsStarted.incrementAndGet();
				}
			});
		CLOCK.schedule(() -> cti(json("event", "answer", "callId", id, "from", from, "to", "4001234567", "direction",
				"in", "user", List.of(agent), "answeringNumber", agent)), 3, TimeUnit.SECONDS);
		CLOCK.schedule(() -> cti(json("event", "hangup", "callId", id, "from", from, "to", "4001234567", "direction",
				"in", "cause", "normalClearing")), 30, TimeUnit.SECONDS);
	}

	static CompletableFuture<JsonNode> cti(String body) {
		return call("phone: CTI webhook event", "POST", "/api/v1/cti/bench-token", null, body);
	}

	static void transfer(List<String[]> wallets) {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		String[] from = wallets.get(random.nextInt(wallets.size()));
		String[] to = wallets.get(random.nextInt(wallets.size()));
		if (from == to) {
			return;
		}
		String op = "customer: transfer (POST /wallet/transfers)";
		exchange(op, "POST", "/api/v1/wallet/transfers", from[0], json("to", to[1], "amount", random.nextLong(1, 500),
				"currency", "CNY", "paymentPassword", TransferBenchmark.PIN))
			.thenAccept(r -> {
				if (r == null) {
					return;
				}
				switch (r.statusCode()) {
					case 201 -> transfersDone.incrementAndGet();
					// a rule said no (a limit): an answer, not an error
					case 422 -> transfersRefused.incrementAndGet();
					default -> op(op).error(r.statusCode() + " " + r.body());
				}
			});
	}

	/** The supervisor page's default range: the last 30 days. */
	static String lastMonth() {
		return "from=" + LocalDate.now().minusDays(29) + "&to=" + LocalDate.now();
	}

	static void supervisorLive(String token) {
		String range = lastMonth();
		call("supervisor: chat board (GET /staff/chats)", "GET", "/api/v1/staff/chats", token, null);
		call("supervisor: dashboard (GET /staff/dashboard)", "GET", "/api/v1/staff/dashboard?" + range, token, null);
		call("supervisor: calls (GET /staff/calls)", "GET", "/api/v1/staff/calls?limit=50", token, null);
	}

	static void supervisorFull(String token) {
		String range = lastMonth();
		call("supervisor: dashboard (GET /staff/dashboard)", "GET", "/api/v1/staff/dashboard?" + range, token, null);
		call("supervisor: alerts inbox (GET /inbox)", "GET", "/api/v1/inbox?limit=10", token, null);
		call("supervisor: mailboxes (GET /staff/mailboxes)", "GET", "/api/v1/staff/mailboxes", token, null);
		call("supervisor: call statistics (GET /staff/calls/statistics)", "GET",
				"/api/v1/staff/calls/statistics?hours=24", token, null);
		call("supervisor: risk alerts (GET /staff/risk/alerts)", "GET",
				"/api/v1/staff/risk/alerts?status=open&limit=20", token, null);
	}

	// ---- the run

	public static void main(String[] args) throws Exception {
		int conversations = Integer.getInteger("conversations", 12);
		int transfers = Integer.getInteger("transfers", 200);
		int warmup = Integer.getInteger("warmup", 30);
		int seconds = Integer.getInteger("seconds", 90);
		List<String> setup = Files.readAllLines(Path.of(System.getProperty("setup", "target/desk-bench/setup.txt")));
		long serverPid = Long.parseLong(setup.getFirst().split(" ")[1]);
		List<String> agentTokens = column(setup, "agent", 2);
		List<String> supervisorTokens = column(setup, "supervisor", 2);
		String admin = column(setup, "admin", 2).getFirst();
		ConcurrentLinkedQueue<String> customers = new ConcurrentLinkedQueue<>(column(setup, "customer", 1));
		List<String[]> wallets = setup.stream()
			.filter(l -> l.startsWith("wallet "))
			.map(l -> l.substring(7).split(" "))
			.toList();

		long t0 = System.nanoTime();
		List<Console> opened = new ArrayList<>();
		for (int i = 0; i < agentTokens.size(); i++) {
			Console c = new Console(i, agentTokens.get(i));
			c.open(c.token).join();
			opened.add(c);
		}
		consoles = opened;
		for (Console c : consoles) {
			if (!c.ready.await(30, TimeUnit.SECONDS)) {
				throw new IllegalStateException("an agent console did not subscribe");
			}
		}
		System.out.printf("%d agent consoles connected and subscribed in %.1f s%n", consoles.size(),
				(System.nanoTime() - t0) / 1e9);
		long emailsBefore = count("/api/v1/staff/tickets?channel=email", admin);

		List<java.util.concurrent.ScheduledFuture<?>> load = new ArrayList<>();
		for (int i = 0; i < supervisorTokens.size(); i++) {
			String token = supervisorTokens.get(i);
			load.add(CLOCK.scheduleAtFixedRate(() -> supervisorLive(token), i * 1000L, 10_000, TimeUnit.MILLISECONDS));
			load.add(CLOCK.scheduleAtFixedRate(() -> supervisorFull(token), i * 6000L, 60_000, TimeUnit.MILLISECONDS));
		}
		AtomicInteger n = new AtomicInteger();
		long every = 1_000_000L * 4 / conversations; // microseconds between conversations
														// of one channel
		load.add(CLOCK.scheduleAtFixedRate(() -> {
			String token = customers.poll();
			if (token != null) {
				newChat(token);
			}
		}, 0, every, TimeUnit.MICROSECONDS));
		load.add(CLOCK.scheduleAtFixedRate(() -> {
			String token = customers.poll();
			if (token != null) {
				newWebTicket(token);
			}
		}, every / 4, every, TimeUnit.MICROSECONDS));
		java.util.concurrent.ExecutorService smtp = Executors.newSingleThreadExecutor();
		load.add(CLOCK.scheduleAtFixedRate(() -> {
			int m = n.incrementAndGet();
			smtp.execute(() -> newMail(m));
		}, every / 2, every, TimeUnit.MICROSECONDS));
		load.add(CLOCK.scheduleAtFixedRate(() -> newCall(n.incrementAndGet()), every * 3 / 4, every,
				TimeUnit.MICROSECONDS));
		load.add(CLOCK.scheduleAtFixedRate(() -> transfer(wallets), 0, 1_000_000L / transfers, TimeUnit.MICROSECONDS));

		Thread.sleep(warmup * 1000L);
		long[] cpuBefore = Processes.cpuTicks(serverPid, POSTMASTER);
		Processes.Memory peak = new Processes.Memory(0, 0);
		measuredFrom = System.nanoTime();
		long windowStart = System.nanoTime();
		for (int s = 0; s < seconds; s += 5) {
			Thread.sleep(5000);
			Processes.Memory now = Processes.memory(serverPid, POSTMASTER);
			peak = now.total() > peak.total() ? now : peak;
		}
		measuredUntil = System.nanoTime();
		long[] cpuAfter = Processes.cpuTicks(serverPid, POSTMASTER);
		double window = (measuredUntil - windowStart) / 1e9;

		running.set(false);
		load.forEach(f -> f.cancel(false));
		smtp.shutdown();
		smtp.awaitTermination(30, TimeUnit.SECONDS);
		System.out.println("load stopped; draining for 20 s");
		Thread.sleep(20_000);

		report(window, cpuBefore, cpuAfter, peak);
		boolean lost = checks(admin, emailsBefore);
		System.exit(lost ? 1 : 0);
	}

	static List<String> column(List<String> setup, String kind, int at) {
		return setup.stream()
			.filter(l -> l.startsWith(kind + " "))
			.map(l -> l.split(" "))
			.map(p -> p[Math.min(at, p.length - 1)])
			.toList();
	}

	static void report(double window, long[] cpuBefore, long[] cpuAfter, Processes.Memory peak) {
		System.out.printf("%n| operation | measured | per second | errors (whole run) | p50 ms | p99 ms | max ms |%n");
		System.out.println("|---|---:|---:|---:|---:|---:|---:|");
		OPS.forEach((name, op) -> {
			long[] sorted = op.nanos.stream().mapToLong(Long::longValue).sorted().toArray();
			System.out.printf("| %s | %,d | %,.1f | %,d | %.1f | %.1f | %.1f |%n", name, sorted.length,
					sorted.length / window, op.errors.get(), pct(sorted, 0.5), pct(sorted, 0.99),
					sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
		});
		OPS.forEach((name, op) -> op.samples.forEach(s -> System.out.println("  error in " + name + ": " + s)));
		RECEIVED.forEach((d, c) -> System.out.printf("STOMP messages received (whole run): %s: %,d%n", d, c.get()));
		double ticks = Processes.TICKS_PER_SECOND;
		System.out.printf("%nServer CPU over the measured %.0f s: JVM %.2f cores, PostgreSQL %.2f cores (of %d)%n",
				window, (cpuAfter[0] - cpuBefore[0]) / ticks / window, (cpuAfter[1] - cpuBefore[1]) / ticks / window,
				Runtime.getRuntime().availableProcessors());
		System.out.printf("Server memory at its peak (PSS): JVM %,d MB + PostgreSQL %,d MB = %,d MB%n",
				peak.jvm() >> 20, peak.postgres() >> 20, peak.total() >> 20);
		System.out.printf("Transfers: %,d done, %,d refused by a rule%n", transfersDone.get(), transfersRefused.get());
	}

	/** Whether anything acknowledged was lost; prints each check. */
	static boolean checks(String admin, long emailsBefore) throws Exception {
		List<String> lost = new ArrayList<>();
		System.out.printf("%nChat: %,d customer messages sent, %,d stored (echoed to the customer), %,d received by "
				+ "agents%n", chatSent.get(), chatAcknowledged.get(), chatReceived.get());
		if (chatReceived.get() < chatAcknowledged.get()) {
			lost.add((chatAcknowledged.get() - chatReceived.get()) + " chat messages");
		}
		System.out.printf("Chat: %,d agent replies acknowledged, %,d received by customers%n", repliesSent.get(),
				repliesReceived.get());
		if (repliesReceived.get() < repliesSent.get()) {
			lost.add((repliesSent.get() - repliesReceived.get()) + " agent chat replies");
		}
		int missingEntries = 0;
		for (Map.Entry<String, int[]> t : tickets.entrySet()) {
			JsonNode detail = read("/api/v1/staff/tickets/" + t.getKey(), admin);
			int customer = 0;
			int agent = 0;
			for (JsonNode e : detail.path("entries")) {
				customer += "customer".equals(e.path("kind").asString()) ? 1 : 0;
				agent += "agent".equals(e.path("kind").asString()) ? 1 : 0;
			}
			missingEntries += Math.max(0, 1 + t.getValue()[0] - customer) + Math.max(0, t.getValue()[1] - agent);
		}
		System.out.printf("Web tickets: %,d opened; entries acknowledged but missing: %d%n", tickets.size(),
				missingEntries);
		if (missingEntries > 0) {
			lost.add(missingEntries + " ticket entries");
		}
		long emails = 0;
		for (int wait = 0; wait < 60; wait++) {
			emails = count("/api/v1/staff/tickets?channel=email", admin) - emailsBefore;
			if (emails >= mailsSent.get()) {
				break;
			}
			Thread.sleep(1000);
		}
		System.out.printf("E-mail: %,d sent over SMTP, %,d tickets opened from them%n", mailsSent.get(), emails);
		if (emails < mailsSent.get()) {
			lost.add((mailsSent.get() - emails) + " e-mails");
		}
		long calls = count("/api/v1/staff/calls?", admin, "bench-" + TAG + "-");
		System.out.printf("Phone: %,d calls announced (newCall answered 2xx), %,d in the call log%n",
				callsStarted.get(), calls);
		if (calls < callsStarted.get()) {
			lost.add((callsStarted.get() - calls) + " calls");
		}
		JsonNode ledger = read("/api/v1/admin/ledger/check", admin);
		boolean balanced = ledger != null && ledger.path("balanced").asBoolean(false)
				&& ledger.path("driftedAccounts").isEmpty() && ledger.path("unbalancedPostings").isEmpty()
				&& ledger.path("orphanEntries").asLong(1) == 0 && ledger.path("negativeCustomerAccounts").asInt(1) == 0;
		System.out.printf("Ledger: %s%n",
				balanced ? "balanced, no drift, no orphan, no negative account" : "NOT BALANCED: " + ledger);
		if (!balanced) {
			lost.add("the ledger's balance");
		}
		lost.forEach(l -> System.out.println("LOST: " + l));
		System.out.println(lost.isEmpty() ? "Nothing acknowledged was lost." : "FAILED: something was lost.");
		return !lost.isEmpty();
	}

	/** What the checks read, tried five times (the server may still be catching up). */
	static JsonNode read(String path, String token) {
		for (int attempt = 0; attempt < 5; attempt++) {
			JsonNode r = call("check: reads after the run", "GET", path, token, null).join();
			if (r != null) {
				return r;
			}
		}
		throw new IllegalStateException("cannot read " + path + " to check it");
	}

	/**
	 * Items of a cursor-paged list, all pages; with a marker, those whose JSON holds it.
	 */
	static long count(String path, String token, String... marker) {
		long items = 0;
		String cursor = null;
		do {
			String page = path + (path.endsWith("?") ? "" : "&") + "limit=" + (path.contains("/calls") ? 100 : 200)
					+ (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
			JsonNode r = read(page, token);
			for (JsonNode item : r.path("items")) {
				items += marker.length == 0 || item.toString().contains(marker[0]) ? 1 : 0;
			}
			cursor = r.path("nextCursor").isMissingNode() || r.path("nextCursor").isNull() ? null
					: r.path("nextCursor").asString();
		}
		while (cursor != null);
		return items;
	}

	static double pct(long[] sorted, double p) {
		return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))] / 1e6;
	}

}
