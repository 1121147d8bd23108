package com.tpwallet.walletdesk.translation;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A local server that speaks LibreTranslate's {@code POST /translate}: it answers
 * {@code "[<target>]
 *
<q>"}, or fails with the status set; it garbles a ticket number ({@code #42} becomes
 * {@code #24}) for the check that must catch it.
 */
public final class LocalLibreTranslate {

	public final List<JsonNode> seen = new CopyOnWriteArrayList<>();

	public volatile int status = 200;

	/** When set, each request waits for it before it is answered: a slow translator. */
	public volatile @Nullable CountDownLatch hold;

	/** How many requests have waited for {@link #hold}. */
	public final AtomicInteger held = new AtomicInteger();

	private final HttpServer server;

	public LocalLibreTranslate() {
		try {
			server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		server.createContext("/translate", exchange -> {
			// LibreTranslate's server reads a request by its length, never chunked
			String length = exchange.getRequestHeaders().getFirst("Content-Length");
			byte[] bytes = exchange.getRequestBody().readAllBytes();
			JsonNode body = length == null || Integer.parseInt(length) != bytes.length
					? JsonMapper.builder().build().createObjectNode() : JsonMapper.builder().build().readTree(bytes);
			seen.add(body);
			CountDownLatch wait = hold;
			if (wait != null) {
				held.incrementAndGet();
				try {
					wait.await(30, TimeUnit.SECONDS);
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
				}
			}
			String q = body.path("q").asString().replace("#42", "#24");
			byte[] answer = status == 200
					? ("{\"translatedText\": \"[" + body.path("target").asString() + "] " + q.replace("\"", "\\\"")
							+ "\"}")
						.getBytes(StandardCharsets.UTF_8)
					: "{\"error\": \"unavailable\"}".getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(status, answer.length);
			exchange.getResponseBody().write(answer);
			exchange.close();
		});
		server.start();
	}

	public String url() {
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	public void reset() {
		status = 200;
		hold = null;
		held.set(0);
		seen.clear();
	}

	public void stop() {
		server.stop(0);
	}

}
