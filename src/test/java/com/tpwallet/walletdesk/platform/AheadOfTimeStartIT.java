package com.tpwallet.walletdesk.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tpwallet.walletdesk.recovery.ServiceProcess;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's java line starts the demo from the context Spring processed ahead of time
 * at build time (ADR 0014). The tests start the packaged jar that way (Maven's
 * integration-test phase, after the package), because nothing else in the suite runs that
 * generated code: a bean that works when the context is built at start but not from the
 * generated code would otherwise break only the README's start.
 */
class AheadOfTimeStartIT {

	static final String DEMO_PASSWORD = "Demo!pass-2026";

	@Test
	void theDemoStartsFromTheProcessedContextAndServesItsCustomers(@TempDir Path data) throws Exception {
		try (ServiceProcess service = demo(data, "demo")) {
			service.start();

			assertThat(service.log()).contains("Starting AOT-processed WalletdeskApplication");
			ServiceProcess.Reply login = service.post("/api/v1/auth/login",
					Map.of("login", "+8613800000001", "password", DEMO_PASSWORD), null);
			assertThat(login.status()).isEqualTo(200);
			ServiceProcess.Reply wallet = service.get("/api/v1/wallet", login.text("token"));
			assertThat(wallet.status()).isEqualTo(200);
			assertThat(wallet.body().path("frozen").asBoolean(true)).isFalse();
		}
	}

	@Test
	void anotherProfileIsRefusedWithWhatToDoInstead(@TempDir Path data) throws Exception {
		try (ServiceProcess service = demo(data, "dev")) {
			assertThatThrownBy(service::start).hasMessageContaining("exited");

			assertThat(service.log()).contains("profiles [dev] are active")
				.contains("Start without -Dspring.aot.enabled=true");
		}
	}

	private static ServiceProcess demo(Path data, String profile) throws IOException {
		return ServiceProcess
			.packagedJar(data.resolve("data"), profile, "-Dspring.aot.enabled=true", "-XX:+UseSerialGC", "-Xmx256m")
			.with("--walletdesk.mail.demo.smtp-port=" + freePort())
			.with("--walletdesk.mail.demo.imap-port=" + freePort());
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
