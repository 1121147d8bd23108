package com.tpwallet.walletdesk.platform.internal;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
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
 */
public class EmbeddedPostgresBootstrap implements EnvironmentPostProcessor, Ordered {

	private static EmbeddedPostgres server;

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
		if (StringUtils.hasText(environment.getProperty("spring.datasource.url"))) {
			return;
		}
		EmbeddedPostgres pg = start(environment, log);
		environment.getPropertySources()
			.addFirst(new MapPropertySource("embeddedPostgres",
					Map.of("spring.datasource.url", pg.getJdbcUrl("postgres", "postgres"), "spring.datasource.username",
							"postgres", "spring.datasource.password", "")));
	}

	private static synchronized EmbeddedPostgres start(ConfigurableEnvironment environment, Log log) {
		if (server != null) {
			return server;
		}
		Path dataDir = Path.of(environment.getProperty("walletdesk.data-dir", "./data"))
			.toAbsolutePath()
			.resolve("postgres");
		boolean clean = environment.getProperty("walletdesk.database.clean-on-start", Boolean.class, false);
		try {
			if (clean) {
				FileSystemUtils.deleteRecursively(dataDir);
			}
			Files.createDirectories(dataDir.getParent());
			StalePostmaster.stopIfOrphaned(dataDir, log);
			EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
				.setDataDirectory(dataDir)
				.setCleanDataDirectory(false)
				.setServerConfig("max_connections", "200")
				.setServerConfig("synchronous_commit", "on")
				.setRegisterShutdownHook(false)
				// After a crash PostgreSQL replays its WAL before it accepts connections;
				// zonky's 10 s can be too short.
				.setPGStartupWait(Duration.ofSeconds(
						environment.getProperty("walletdesk.database.startup-wait-seconds", Integer.class, 120)));
			// Further server settings, e.g.
			// walletdesk.database.embedded-config.shared_buffers=512MB.
			Binder.get(environment)
				.bind("walletdesk.database.embedded-config", Bindable.mapOf(String.class, String.class))
				.orElse(Map.of())
				.forEach(builder::setServerConfig);
			server = builder.start();
			// Stopped only after every application context has closed, so none loses its
			// database mid-shutdown.
			SpringApplication.getShutdownHandlers().add(EmbeddedPostgresBootstrap::stop);
			return server;
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDir, e);
		}
	}

	private static synchronized void stop() {
		try {
			if (server != null) {
				server.close();
				server = null;
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

}
