package com.tpwallet.walletdesk.chat.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.tpwallet.walletdesk.Api;
import com.tpwallet.walletdesk.HttpTestBase;
import com.tpwallet.walletdesk.platform.Caller;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class LongWaitIntegrationTest extends HttpTestBase {

	@Autowired
	CustomerChat chats;

	@Autowired
	LongWaits longWaits;

	@Autowired
	ChatStore store;

	@Test
	void aChatNoAgentTakesForTenMinutesBecomesAMessageOnItsTicket() {
		clock.setTo(Instant.parse("2026-11-24T03:00:00Z")); // Tuesday 11:00 in Beijing
		api.post("/api/v1/admin/staff",
				Map.of("username", "wait.agent." + ThreadLocalRandom.current().nextInt(1_000_000), "displayName",
						"Busy Agent", "password", Api.PASSWORD, "role", "AGENT", "languages", List.of("en")),
				api.adminToken());
		String token = api.login(api.registerCustomer("en"), Api.PASSWORD);
		UUID customerId = UUID.fromString(api.get("/api/v1/me", token).text("id"));
		ChatUser customer = new ChatUser(
				new Caller(customerId, Caller.Kind.CUSTOMER, Caller.Role.CUSTOMER, "en", "Customer"), null);

		chats.customerWrites(customer, "talk to a human", "test-session", null);
		Conversation queued = store.open(customerId, null).orElseThrow();
		assertThat(queued.status()).isEqualTo(ChatStatus.QUEUED);

		clock.advance(Duration.ofMinutes(9));
		longWaits.release();
		assertThat(store.find(queued.id()).orElseThrow().status()).as("not yet").isEqualTo(ChatStatus.QUEUED);

		clock.advance(Duration.ofMinutes(2));
		longWaits.release();
		assertThat(store.find(queued.id()).orElseThrow().status()).isEqualTo(ChatStatus.OFFLINE);
		List<ChatMessage> messages = store.after(queued.id(), 0, queued.ticketId());
		assertThat(messages.getLast().from()).isEqualTo(ChatMessage.Sender.SYSTEM);
		assertThat(messages.getLast().text()).contains("busy for longer than usual").contains("ticket #");
	}

}
