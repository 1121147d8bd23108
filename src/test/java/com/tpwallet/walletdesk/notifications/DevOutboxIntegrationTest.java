package com.tpwallet.walletdesk.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.tpwallet.walletdesk.Api;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcPrint;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The demo profile: seeded people, and what the development adapters kept at /dev/outbox,
 * newest first.
 */
@SpringBootTest
// a failing test must not dump passwords and tokens into the logs (SecretsNeverInLogsIT)
@AutoConfigureMockMvc(print = MockMvcPrint.NONE)
@ActiveProfiles({ "test", "demo" })
// the demo's mail server would hold ports 3025/3143 for as long as this context is cached
@org.springframework.test.context.TestPropertySource(
		properties = { "walletdesk.mail.enabled=false", "walletdesk.mail.demo.enabled=false" })
class DevOutboxIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Test
	void demoCustomersSignInAndTheirResetCodesAreInTheOutbox() {
		Api api = new Api(mvc);
		assertThat(api.login("+8613800000001", "Demo!pass-2026")).isNotBlank();
		assertThat(api.login("supervisor.chen", "Demo!pass-2026")).isNotBlank();
		api.post("/api/v1/auth/password-reset", Map.of("login", "camille.martin@example.com"), null);
		var outbox = api.get("/dev/outbox", null).body();
		// Other test classes move their clock forward, so pick this customer's messages
		// rather than the top row.
		var newest = outbox.valueStream()
			.filter(m -> m.path("to").asString().equals("camille.martin@example.com"))
			.findFirst()
			.orElseThrow();
		assertThat(newest.path("channel").asString()).isEqualTo("email");
		assertThat(newest.path("to").asString()).isEqualTo("camille.martin@example.com");
		assertThat(newest.path("text").asString()).containsPattern("\\b\\d{6}\\b").contains("réinitialisation");
		assertThat(newest.path("sentAt").asString()).endsWith("Z");
	}

}
