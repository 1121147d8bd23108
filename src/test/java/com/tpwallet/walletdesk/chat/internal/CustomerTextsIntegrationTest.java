package com.tpwallet.walletdesk.chat.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.tpwallet.walletdesk.Api;
import com.tpwallet.walletdesk.HttpTestBase;
import com.tpwallet.walletdesk.platform.Caller;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class CustomerTextsIntegrationTest extends HttpTestBase {

	@Autowired
	CustomerChat chats;

	@Autowired
	ChatExchange exchange;

	@Autowired
	ChatStore store;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void workingHoursWithAnAgent() {
		clock.setTo(Instant.parse("2026-11-24T03:00:00Z")); // Tuesday 11:00 in Beijing
		api.post("/api/v1/admin/staff",
				Map.of("username", "texts.agent." + ThreadLocalRandom.current().nextInt(1_000_000), "displayName",
						"Texts Agent", "password", Api.PASSWORD, "role", "AGENT", "languages", List.of("en")),
				api.adminToken());
	}

	/** A customer whose chat waits for an agent, and their connection's memory of it. */
	record Waiting(ChatUser user, Map<String, Object> session, Conversation chat) {
	}

	Waiting waitingCustomer() {
		String token = api.login(api.registerCustomer("en"), Api.PASSWORD);
		UUID customerId = UUID.fromString(api.get("/api/v1/me", token).text("id"));
		ChatUser user = new ChatUser(
				new Caller(customerId, Caller.Kind.CUSTOMER, Caller.Role.CUSTOMER, "en", "Customer"), null);
		Map<String, Object> session = new HashMap<>();
		chats.start(user, "en", "session-" + customerId, session);
		chats.customerWrites(user, "talk to a human", "session-" + customerId, session);
		Conversation queued = store.open(customerId, null).orElseThrow();
		assertThat(queued.status()).isEqualTo(ChatStatus.QUEUED);
		return new Waiting(user, session, queued);
	}

	@Test
	void textsFromManyCustomersAtOnceAreEachStoredOnceInOrderAndCopiedToTheirTickets() throws Exception {
		List<Waiting> customers = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			customers.add(waitingCustomer());
		}
		ExecutorService connections = Executors.newFixedThreadPool(customers.size());
		try {
			List<Future<?>> sent = new ArrayList<>();
			for (Waiting w : customers) {
				// one connection's messages one after another, as the inbound channel
				// keeps them
				sent.add(connections.submit(() -> {
					for (int n = 1; n <= 5; n++) {
						chats.customerWrites(w.user(), "message " + n, "session-" + w.user().customerId(), w.session());
					}
				}));
			}
			for (Future<?> f : sent) {
				f.get(30, TimeUnit.SECONDS);
			}
		}
		finally {
			connections.shutdownNow();
		}

		for (Waiting w : customers) {
			List<ChatMessage> stored = store.after(w.chat().id(), 0, w.chat().ticketId());
			assertThat(stored.stream().filter(m -> m.from() == ChatMessage.Sender.CUSTOMER).map(ChatMessage::text))
				.containsExactly("talk to a human", "message 1", "message 2", "message 3", "message 4", "message 5");
			assertThat(stored).extracting(ChatMessage::seq).isSorted().doesNotHaveDuplicates();
			assertThat(jdbc.sql("SELECT body FROM ticket_entry WHERE ticket_id = ? AND kind = 'customer' ORDER BY id")
				.param(w.chat().ticketId())
				.query(String.class)
				.list()).endsWith("message 1", "message 2", "message 3", "message 4", "message 5");
		}
	}

	@Test
	void aTextToAChatThatEndedSinceTheConnectionSawItStartsANewChatAndTheEndedOneKeepsNothing() {
		Waiting w = waitingCustomer();
		int before = store.after(w.chat().id(), 0, w.chat().ticketId()).size();
		exchange.end(w.chat().id(), null);
		int ended = store.after(w.chat().id(), 0, w.chat().ticketId()).size();

		chats.customerWrites(w.user(), "are you there?", "session-" + w.user().customerId(), w.session());

		assertThat(ended).isEqualTo(before + 1); // the rating request
		assertThat(store.after(w.chat().id(), 0, w.chat().ticketId())).hasSize(ended);
		Conversation now = store.open(w.user().customerId(), null).orElseThrow();
		assertThat(now.id()).isNotEqualTo(w.chat().id());
		assertThat(store.after(now.id(), 0, now.ticketId())).extracting(ChatMessage::text).contains("are you there?");
	}

}
