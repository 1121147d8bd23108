package com.tpwallet.walletdesk.chat.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tpwallet.walletdesk.TestClock;
import com.tpwallet.walletdesk.chat.ChatClient;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcPrint;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * Floods are limited per address and per visitor, however many connections they are
 * spread over.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// a failing test must not dump passwords and tokens into the logs (SecretsNeverInLogsIT)
@AutoConfigureMockMvc(print = MockMvcPrint.NONE)
@ActiveProfiles("test")
@Import(TestClock.Configuration.class)
class ChatFloodIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	ChatFloodLimits limits;

	@AfterEach
	void scaleBackUp() {
		limits.scale(1000); // the test profile's scale, as every other test expects
	}

	static String visitor() {
		return "v-" + UUID.randomUUID();
	}

	@Test
	void manyConnectionsFromOneAddressShareOneMessageLimit() throws Exception {
		limits.scale(1.0);
		List<ChatClient> clients = new ArrayList<>();
		try {
			for (int i = 0; i < 10; i++) {
				clients.add(new ChatClient(port, null, visitor()));
			}
			for (int round = 0; round < 15; round++) {
				for (ChatClient client : clients) {
					client.send("/app/chat.message", Map.of("text", "flood " + round));
				}
			}
			AtomicInteger refused = new AtomicInteger();
			await().atMost(Duration.ofSeconds(15)).until(() -> {
				for (ChatClient client : clients) {
					refused.addAndGet((int) client.drainEvents()
						.stream()
						.filter(e -> e.path("code").asString().equals("chat_too_many_messages"))
						.count());
				}
				return refused.get() >= 30;
			});
			assertThat(refused.get()).as("150 messages from one address within a minute; 120 are allowed")
				.isEqualTo(30);
		}
		finally {
			clients.forEach(ChatClient::close);
		}
	}

	@Test
	void newConnectionsFromOneAddressAreLimited() throws Exception {
		limits.scale(0.05); // 3 a minute
		List<ChatClient> clients = new ArrayList<>();
		try {
			for (int i = 0; i < 3; i++) {
				clients.add(new ChatClient(port, null, visitor()));
			}
			assertThatThrownBy(() -> clients.add(new ChatClient(port, null, visitor())))
				.isInstanceOf(ExecutionException.class);
		}
		finally {
			clients.forEach(ChatClient::close);
		}
	}

}
