package com.tpwallet.walletdesk.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import com.tpwallet.walletdesk.recovery.ServiceProcess.Reply;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.springframework.util.FileSystemUtils;

/**
 * The database goes away for 30 s under a running service: requests get a 503 problem
 * within a bounded time (no hang), health says so, and when the database is back the
 * service serves again by itself, without a restart.
 */
// beside the rest of the suite: see junit-platform.properties
@Execution(ExecutionMode.CONCURRENT)
class DatabaseOutageTest {

	static final Duration OUTAGE = Duration.ofSeconds(30);

	@Test
	void whileTheDatabaseIsAwayRequestsGetA503QuicklyAndTheServiceRecoversByItself() throws Exception {
		Path dataDir = Path.of("target", "outage");
		FileSystemUtils.deleteRecursively(dataDir);
		try (ServiceProcess service = new ServiceProcess(dataDir)) {
			service.start();
			String phone = "+86137" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
			service.post("/api/v1/customers",
					Map.of("phone", phone, "password", KillNineRecoveryTest.PASSWORD, "language", "en"), null);
			String token = service
				.post("/api/v1/auth/login", Map.of("login", phone, "password", KillNineRecoveryTest.PASSWORD), null)
				.text("token");
			assertThat(service.get("/api/v1/me", token).status()).isEqualTo(200);

			ProcessHandle postmaster = service.postmaster().orElseThrow();
			// Started again as zonky starts it: pg_ctl, in a user namespace of its own
			// when we are root (unshare -U),
			// since PostgreSQL refuses to run as root.
			Path postgres = Path.of(postmaster.info().command().orElseThrow());
			List<String> arguments = new ArrayList<>(List.of(postmaster.info().arguments().orElseThrow()));
			int d = arguments.indexOf("-D");
			String pgData = arguments.get(d + 1);
			arguments.subList(d, d + 2).clear();
			List<String> command = new ArrayList<>();
			if ("root".equals(System.getProperty("user.name"))) {
				command.addAll(List.of("unshare", "-U"));
			}
			command.addAll(List.of(postgres.resolveSibling("pg_ctl").toString(), "-D", pgData, "-o",
					String.join(" ", arguments), "-w", "start"));
			List<ProcessHandle> processes = new ArrayList<>(postmaster.descendants().toList());
			processes.add(postmaster);
			processes.forEach(ProcessHandle::destroyForcibly);
			processes.forEach(p -> p.onExit().join());
			Instant back = Instant.now().plus(OUTAGE);

			while (Instant.now().isBefore(back)) {
				Instant asked = Instant.now();
				Reply me = service.get("/api/v1/me", token);
				Duration took = Duration.between(asked, Instant.now());
				assertThat(me.status()).as(me.body().toString()).isEqualTo(503);
				assertThat(me.text("code")).isEqualTo("service_unavailable");
				assertThat(took).as("an answer, not a hang").isLessThan(Duration.ofSeconds(10));
				Reply write = service.post("/api/v1/auth/login",
						Map.of("login", phone, "password", KillNineRecoveryTest.PASSWORD), null);
				assertThat(write.status()).isEqualTo(503);
				assertThat(write.text("code")).isEqualTo("service_unavailable");
				Reply health = service.get("/actuator/health", null);
				assertThat(health.status()).isEqualTo(503);
				assertThat(health.text("status")).isEqualTo("DOWN");
				Thread.sleep(2_000);
			}

			new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(
						ProcessBuilder.Redirect.appendTo(dataDir.resolveSibling("outage-postgres.log").toFile()))
				.start();
			Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
			while (service.get("/api/v1/me", token).status() != 200) {
				assertThat(Instant.now()).as("serving again without a restart").isBefore(deadline);
				Thread.sleep(500);
			}
			assertThat(service.get("/actuator/health", null).text("status")).isEqualTo("UP");
			assertThat(service
				.post("/api/v1/auth/login", Map.of("login", phone, "password", KillNineRecoveryTest.PASSWORD), null)
				.status()).isEqualTo(200);
		}
	}

}
