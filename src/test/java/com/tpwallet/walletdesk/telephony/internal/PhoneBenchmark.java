package com.tpwallet.walletdesk.telephony.internal;

import com.tpwallet.walletdesk.WalletdeskApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A busy hour replayed through the CTI webhook: CALLS calls (3,000) with AGENTS agents
 * (50) answering, each call newCall → answer → hangup (one in six missed), as fast as the
 * agents' lines allow; the latency of each webhook event, next to a yardstick in the same
 * run: {@code GET /actuator/health/liveness} over the same HTTP client (the web stack's
 * floor). Run with {@code bench/phone}.
 */
public class PhoneBenchmark {

	static final int CALLS = Integer.getInteger("calls", 3000);

	static final int AGENTS = Integer.getInteger("agents", 50);

	public static void main(String[] args) throws Exception {
		ConfigurableApplicationContext app = SpringApplication.run(WalletdeskApplication.class, "--server.port=0",
				"--spring.profiles.active=demo",
				"--walletdesk.data-dir=" + Files.createTempDirectory("wd-phone-bench-"),
				"--walletdesk.database.clean-on-start=true", "--logging.level.root=WARN",
				"--spring.main.banner-mode=off", "--walletdesk.mail.enabled=false",
				"--walletdesk.mail.demo.enabled=false", "--walletdesk.telephony.cti-token=bench-token");
		try {
			String base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
			HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
			// warm-up: the JIT compiles the webhook's path first
			replay(http, base, 300, "warm-up");
			List<Long> floor = floor(http, base, CALLS);
			long start = System.nanoTime();
			List<Long> events = replay(http, base, CALLS, "bench");
			double seconds = (System.nanoTime() - start) / 1e9;
			System.out.printf("%n| what | requests | per second | p50 ms | p99 ms |%n|---|---:|---:|---:|---:|%n");
			print("CTI events (newCall, answer, hangup), " + CALLS + " calls, " + AGENTS + " agents", events,
					events.size() / seconds);
			print("yardstick: GET /actuator/health/liveness, same client", floor, Double.NaN);
			System.out.printf("p99 ratio (CTI event / yardstick): %.1f%n",
					percentile(events, 0.99) / percentile(floor, 0.99));
		}
		finally {
			app.close();
			System.exit(0);
		}
	}

	/** Each agent's line takes one call after another; calls go to free agents. */
	static List<Long> replay(HttpClient http, String base, int calls, String tag) throws Exception {
		List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
		ExecutorService lines = Executors.newFixedThreadPool(AGENTS);
		for (int i = 0; i < calls; i++) {
			int n = i;
			lines.submit(() -> {
				String id = tag + "-" + n + "-" + UUID.randomUUID();
				String from = "+86138" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
				String agent = "agent." + (n % AGENTS);
				post(http, base,
						"{\"event\":\"newCall\",\"callId\":\"" + id + "\",\"from\":\"" + from
								+ "\",\"to\":\"4001234567\",\"direction\":\"in\",\"user\":[],\"queue\":\"hotline\"}",
						latencies);
				if (n % 6 != 0) {
					post(http, base,
							"{\"event\":\"answer\",\"callId\":\"" + id + "\",\"from\":\"" + from
									+ "\",\"to\":\"4001234567\",\"direction\":\"in\",\"user\":[\"" + agent
									+ "\"],\"answeringNumber\":\"" + agent + "\"}",
							latencies);
				}
				post(http, base,
						"{\"event\":\"hangup\",\"callId\":\"" + id + "\",\"from\":\"" + from
								+ "\",\"to\":\"4001234567\",\"direction\":\"in\",\"cause\":\"normalClearing\"}",
						latencies);
			});
		}
		lines.shutdown();
		lines.awaitTermination(30, TimeUnit.MINUTES);
		return latencies;
	}

	static void post(HttpClient http, String base, String json, List<Long> latencies) {
		try {
			long t = System.nanoTime();
			HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/cti/bench-token"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(json))
				.build(), HttpResponse.BodyHandlers.ofString());
			latencies.add(System.nanoTime() - t);
			if (r.statusCode() != 200) {
				throw new IllegalStateException(r.statusCode() + " " + r.body());
			}
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	static List<Long> floor(HttpClient http, String base, int requests) throws Exception {
		List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
		ExecutorService lines = Executors.newFixedThreadPool(AGENTS);
		for (int i = 0; i < requests * 3; i++) {
			lines.submit(() -> {
				try {
					long t = System.nanoTime();
					http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health/liveness")).build(),
							HttpResponse.BodyHandlers.ofString());
					latencies.add(System.nanoTime() - t);
				}
				catch (Exception e) {
					throw new IllegalStateException(e);
				}
			});
		}
		lines.shutdown();
		lines.awaitTermination(30, TimeUnit.MINUTES);
		return latencies;
	}

	static double percentile(List<Long> nanos, double p) {
		List<Long> sorted = new ArrayList<>(nanos);
		Collections.sort(sorted);
		return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(p * sorted.size()))) / 1e6;
	}

	static void print(String what, List<Long> latencies, double perSecond) {
		System.out.printf("| %s | %,d | %s | %.1f | %.1f |%n", what, latencies.size(),
				Double.isNaN(perSecond) ? "" : String.format("%,.0f", perSecond), percentile(latencies, 0.5),
				percentile(latencies, 0.99));
	}

}
