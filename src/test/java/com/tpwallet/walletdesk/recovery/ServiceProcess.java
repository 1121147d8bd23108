package com.tpwallet.walletdesk.recovery;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole service as a process of its own, started from the test class path (or from
 * the packaged jar) on an embedded PostgreSQL under a data directory that survives it, so
 * that a test can kill it as the kernel would and start it again.
 */
public final class ServiceProcess implements AutoCloseable {

	static final JsonMapper JSON = JsonMapper.builder().build();

	public record Reply(int status, JsonNode body) {
		public String text(String field) {
			return body.path(field).asString();
		}
	}

	private final Path dataDir;

	private final Path log;

	private final int port;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private Process process;

	private final List<String> settings = new ArrayList<>();

	/** The JVM and what it runs, before the service's own settings. */
	private final List<String> launch;

	private final String profile;

	/** A setting of the service ({@code --name=value}), for the next start. */
	public ServiceProcess with(String setting) {
		settings.add(setting);
		return this;
	}

	/** The service from the test class path, in the test profile. */
	ServiceProcess(Path dataDir) throws IOException {
		this(dataDir, "test",
				List.of("-Xmx512m", "-XX:TieredStopAtLevel=1", "-cp",
						System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
						"com.tpwallet.walletdesk.WalletdeskApplication"));
	}

	/**
	 * The packaged jar ({@code target/walletdesk-*.jar}, as the README's java line starts
	 * it) with these JVM flags, in this profile.
	 */
	public static ServiceProcess packagedJar(Path dataDir, String profile, String... jvmFlags) throws IOException {
		Path jar;
		try (var jars = Files.list(Path.of("target"))) {
			jar = jars.filter(p -> p.getFileName().toString().matches("walletdesk-.*\\.jar"))
				.filter(p -> !p.getFileName().toString().endsWith("-plain.jar"))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("No packaged jar in target/: run ./mvnw package"));
		}
		List<String> launch = new ArrayList<>(List.of(jvmFlags));
		launch.addAll(List.of("-jar", jar.toString()));
		return new ServiceProcess(dataDir, profile, launch);
	}

	private ServiceProcess(Path dataDir, String profile, List<String> launch) throws IOException {
		this.profile = profile;
		this.launch = launch;
		this.dataDir = dataDir.toAbsolutePath();
		this.log = this.dataDir.resolveSibling(this.dataDir.getFileName() + ".log");
		Files.deleteIfExists(log);
		try (ServerSocket socket = new ServerSocket(0)) {
			this.port = socket.getLocalPort();
		}
	}

	public void start() throws Exception {
		List<String> command = new ArrayList<>();
		command.add(ProcessHandle.current().info().command().orElse("java"));
		command.addAll(launch);
		command.addAll(List.of("--spring.profiles.active=" + profile, "--server.port=" + port,
				"--walletdesk.data-dir=" + dataDir, "--walletdesk.database.clean-on-start=false",
				"--logging.level.root=WARN", "--logging.level.com.tpwallet=INFO"));
		command.addAll(settings);
		process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
			.start();
		Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
		while (Instant.now().isBefore(deadline)) {
			if (!process.isAlive()) {
				throw new IllegalStateException("The service exited with " + process.exitValue() + "; see " + log);
			}
			try {
				if (get("/actuator/health", null).text("status").equals("UP")) {
					return;
				}
			}
			catch (IOException notYet) {
				// still starting
			}
			Thread.sleep(250);
		}
		throw new IllegalStateException("The service did not become healthy within 3 minutes; see " + log);
	}

	/**
	 * Event publications (the outbox of notifications and other reactions) not completed
	 * yet, read from the database.
	 */
	long incompleteEventPublications() throws Exception {
		List<String> pid = Files.readAllLines(dataDir.resolve("postgres").resolve("postmaster.pid"));
		try (var connection = java.sql.DriverManager
			.getConnection("jdbc:postgresql://localhost:" + pid.get(3).strip() + "/postgres", "postgres", "");
				var result = connection.createStatement()
					.executeQuery("SELECT count(*) FROM event_publication WHERE completion_date IS NULL")) {
			result.next();
			return result.getLong(1);
		}
	}

	int port() {
		return port;
	}

	public String log() throws IOException {
		return Files.readString(log);
	}

	/** As the kernel's OOM killer does: SIGKILL to the JVM alone. */
	void killJvm() throws InterruptedException {
		process.destroyForcibly();
		process.waitFor();
	}

	/** The embedded PostgreSQL's postmaster, read from the data directory. */
	Optional<ProcessHandle> postmaster() throws IOException {
		Path pid = dataDir.resolve("postgres").resolve("postmaster.pid");
		if (!Files.exists(pid)) {
			return Optional.empty();
		}
		return ProcessHandle.of(Long.parseLong(Files.readAllLines(pid).get(0).strip()));
	}

	@Override
	public void close() throws Exception {
		if (process != null && process.isAlive()) {
			process.destroy(); // SIGTERM: Spring shuts down and stops its PostgreSQL
			if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
				process.destroyForcibly();
			}
		}
		Optional<ProcessHandle> orphan = postmaster();
		orphan.filter(ProcessHandle::isAlive).ifPresent(ProcessHandle::destroyForcibly);
	}

	public Reply get(String path, String token) throws IOException, InterruptedException {
		return send(request(path, token).GET());
	}

	public Reply post(String path, Object body, String token, String... headers)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = request(path, token).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body == null ? "" : JSON.writeValueAsString(body)));
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return send(request);
	}

	Reply put(String path, Object body, String token) throws IOException, InterruptedException {
		return send(request(path, token).header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
	}

	private HttpRequest.Builder request(String path, String token) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(30));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return request;
	}

	private Reply send(HttpRequest.Builder request) throws IOException, InterruptedException {
		HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		String body = response.body();
		return new Reply(response.statusCode(),
				body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body));
	}

}
