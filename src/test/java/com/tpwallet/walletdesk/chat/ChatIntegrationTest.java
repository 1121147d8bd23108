package com.tpwallet.walletdesk.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.tpwallet.walletdesk.Api;
import com.tpwallet.walletdesk.TestClock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcPrint;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// a failing test must not dump passwords and tokens into the logs (SecretsNeverInLogsIT)
@AutoConfigureMockMvc(print = MockMvcPrint.NONE)
@ActiveProfiles("test")
@Import(TestClock.Configuration.class)
class ChatIntegrationTest {

	/** Tuesday 24 November 2026, 10:00 in Beijing: the desk is open. */
	static final Instant OPEN = Instant.parse("2026-11-24T02:00:00Z");

	/** The same day at 23:00 in Beijing: closed. */
	static final Instant CLOSED = Instant.parse("2026-11-24T15:00:00Z");

	@LocalServerPort
	int port;

	@Autowired
	MockMvc mvc;

	@Autowired
	TestClock clock;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	static String visitor() {
		return UUID.randomUUID().toString();
	}

	/** A new agent who speaks one language, by username. */
	static String agent(Api api, String language, String displayName) {
		String username = "chat." + language + "." + ThreadLocalRandom.current().nextInt(1_000_000);
		api.post("/api/v1/admin/staff", Map.of("username", username, "displayName", displayName, "password",
				Api.PASSWORD, "role", "AGENT", "languages", List.of(language)), api.adminToken());
		return username;
	}

	/** A signed-in customer and a signed-in agent, both speaking the language. */
	record CustomerAndAgent(String customerToken, String agentToken) {

		static CustomerAndAgent of(Api api, String language, String agentDisplayName) {
			String phone = api.registerCustomer(language);
			String agentName = agent(api, language, agentDisplayName);
			return new CustomerAndAgent(api.login(phone, Api.PASSWORD), api.login(agentName, Api.PASSWORD));
		}
	}

	/**
	 * The customer opens the chat and asks for a person: the system's answer (their place
	 * in the queue).
	 */
	static JsonNode askForAPerson(ChatClient customer, Map<String, ?> start) throws Exception {
		customer.send("/app/chat.start", start);
		customer.send("/app/chat.handover", Map.of());
		return customer.next(m -> m.path("from").asString().equals("system"));
	}

	@Test
	void anAnonymousVisitorGetsAKnowledgeBaseAnswerFromTheBotInTheirLanguage() throws Exception {
		try (ChatClient chat = new ChatClient(port, null, visitor())) {
			chat.send("/app/chat.start", Map.of("language", "zh-CN"));
			chat.send("/app/chat.message", Map.of("text", "我忘记登录密码了，怎么找回？"));
			JsonNode greeting = chat.next(m -> m.path("from").asString().equals("bot"));
			assertThat(greeting.path("text").asString()).contains("转人工");
			JsonNode mine = chat.next(m -> m.path("from").asString().equals("customer"));
			JsonNode answer = chat.next(m -> m.path("from").asString().equals("bot"));
			assertThat(answer.path("articles").findValuesAsString("slug")).contains("forgot-password");
			assertThat(answer.path("articles").get(0).path("title").asString()).isEqualTo("忘记登录密码");
			assertThat(List.of(greeting.path("seq").asInt(), mine.path("seq").asInt(), answer.path("seq").asInt()))
				.containsExactly(1, 2, 3);
			assertThat(answer.path("conversationId").asString()).isEqualTo(greeting.path("conversationId").asString());
			assertThat(answer.path("sentAt").asString()).endsWith("Z");
		}
	}

	@Test
	void theLanguageIsDetectedFromTheFirstMessageWhenNotGiven() throws Exception {
		try (ChatClient chat = new ChatClient(port, null, visitor())) {
			chat.send("/app/chat.message", Map.of("text", "Meine Auszahlung ist nicht angekommen"));
			JsonNode answer = chat.next(m -> m.path("from").asString().equals("bot") && m.has("articles"));
			assertThat(answer.path("articles").get(0).path("slug").asString()).isEqualTo("withdrawal-delayed");
			assertThat(answer.path("text").asString()).contains("Artikel");
		}
	}

	@Test
	void aClientThatReconnectsGetsExactlyTheMessagesItMissed() throws Exception {
		String visitor = visitor();
		String conversation;
		try (ChatClient first = new ChatClient(port, null, visitor)) {
			first.send("/app/chat.start", Map.of("language", "en"));
			first.send("/app/chat.message", Map.of("text", "topup failed"));
			conversation = first.next(m -> m.path("seq").asInt() == 3).path("conversationId").asString();
		}
		// another tab writes while the first is away
		try (ChatClient offline = new ChatClient(port, null, visitor)) {
			offline.send("/app/chat.message", Map.of("text", "app crashes"));
			offline.next(m -> m.path("seq").asInt() == 5);
		}
		try (ChatClient back = new ChatClient(port, null, visitor)) {
			back.send("/app/chat.resume", Map.of("conversationId", conversation, "afterSeq", 3));
			JsonNode four = back.next(m -> true);
			JsonNode five = back.next(m -> true);
			assertThat(List.of(four.path("seq").asInt(), five.path("seq").asInt())).containsExactly(4, 5);
			assertThat(four.path("text").asString()).isEqualTo("app crashes");
			back.send("/app/chat.message", Map.of("conversationId", conversation, "text", "still there?"));
			assertThat(back.next(m -> true).path("seq").asInt()).as("nothing twice: the next message is the new one")
				.isEqualTo(6);
		}
	}

	@Test
	void everyOpenTabOfTheSameVisitorGetsEveryMessageWhileBothWrite() throws Exception {
		String visitor = visitor();
		try (ChatClient left = new ChatClient(port, null, visitor);
				ChatClient right = new ChatClient(port, null, visitor)) {
			left.send("/app/chat.start", Map.of("language", "en"));
			left.next(m -> m.path("seq").asInt() == 1);
			right.next(m -> m.path("seq").asInt() == 1);
			// both tabs at once: deliveries to the two connections overlap
			for (int i = 0; i < 9; i++) {
				left.send("/app/chat.message", Map.of("text", "left " + i));
				right.send("/app/chat.message", Map.of("text", "right " + i));
			}
			// the greeting, then each message and the bot's answer to it
			int last = 1 + 2 * 18;
			for (ChatClient tab : List.of(left, right)) {
				java.util.Set<Integer> seen = new java.util.TreeSet<>(List.of(1));
				while (seen.size() < last) {
					seen.add(tab.next(m -> true).path("seq").asInt());
				}
				assertThat(seen).hasSize(last).contains(last);
			}
		}
	}

	@Test
	void aClientCannotWriteStraightIntoSomeoneElsesQueueOrTheAgentsTopic() throws Exception {
		String victim = visitor();
		try (ChatClient target = new ChatClient(port, null, victim)) {
			for (String destination : List.of("/user/v:" + victim + "/queue/chat",
					"/user/v:" + victim + "/queue/chat.events", "/topic/chat.queue", "/queue/chat",
					"/app/chat.nothing")) {
				try (ChatClient attacker = new ChatClient(port, null, visitor())) {
					attacker.send(destination,
							Map.of("from", "bot", "seq", 1, "text", "Your wallet is frozen, pay here"));
					assertThat(
							attacker.nextEvent(e -> e.path("type").asString().equals("error")).path("code").asString())
						.as(destination)
						.isEqualTo("chat_destination_invalid");
				}
			}
			// Whatever was forged would be queued before the greeting the victim asks for
			// now.
			target.send("/app/chat.start", Map.of("language", "en"));
			JsonNode first = target.next(m -> true);
			assertThat(first.path("seq").asInt()).as("nothing forged reached the victim").isEqualTo(1);
			assertThat(first.path("from").asString()).isEqualTo("bot");
			assertThat(first.path("text").asString()).doesNotContain("pay here");
			assertThat(target.events).noneMatch(e -> e.toString().contains("pay here"));
		}
		for (String destination : List.of("/topic/chat.queue", "/topic/desk.tickets", "/user/queue/chat-user1",
				"/queue/chat")) {
			try (ChatClient snooper = new ChatClient(port, null, visitor())) {
				snooper.subscribeWithoutReceipt(destination);
				// Refused with an ERROR frame, and the server closes the connection.
				// About one time in twenty the close
				// overtakes the ERROR on its way out (Spring closes a session while
				// another thread may still hold its
				// send buffer): the refusal then shows as the closed connection alone.
				String error = snooper.errors.poll(15, TimeUnit.SECONDS);
				if (error == null) {
					assertThat(snooper.connected()).as("refused: closed without an ERROR for " + destination).isFalse();
				}
				else {
					assertThat(error).as("STOMP ERROR for " + destination).contains("subscriptions are limited");
				}
			}
		}
	}

	@Test
	void theServerAgreesToHeartBeatsBothWays() throws Exception {
		try (ChatClient client = new ChatClient(port, null, visitor())) {
			assertThat(client.connected.getFirst("heart-beat")).as("asked for 10000,10000 as stompjs does")
				.isEqualTo("10000,10000");
		}
	}

	@Test
	void theAgentSeesTheCustomerGoAwayWhenTheirLastConnectionClosesAndComeBack() throws Exception {
		clock.setTo(OPEN);
		Api api = new Api(mvc);
		CustomerAndAgent people = CustomerAndAgent.of(api, "de", "Jonas Weber");
		String token = people.customerToken();
		String agentToken = people.agentToken();
		ChatClient customer = new ChatClient(port, token, visitor());
		String conversation = askForAPerson(customer, Map.of("language", "de")).path("conversationId").asString();
		try (ChatClient agent = new ChatClient(port, agentToken, null)) {
			assertThat(api.post("/api/v1/staff/chats/" + conversation + "/accept", null, agentToken).status())
				.isEqualTo(200);
			customer.next(m -> m.path("text").asString().contains("Jonas Weber"));
			customer.close();
			JsonNode away = agent.nextEvent(e -> e.path("type").asString().equals("presence"));
			assertThat(away.path("conversationId").asString()).isEqualTo(conversation);
			assertThat(away.path("state").asString()).isEqualTo("away");
			try (ChatClient back = new ChatClient(port, token, null)) {
				assertThat(agent.nextEvent(e -> e.path("type").asString().equals("presence")).path("state").asString())
					.isEqualTo("online");
			}
		}
	}

	@Test
	void aCustomerWhoAsksForAPersonBeforeWritingAnythingQueuesInTheirLanguage() throws Exception {
		clock.setTo(OPEN);
		Api api = new Api(mvc);
		CustomerAndAgent people = CustomerAndAgent.of(api, "fr", "Léa Martin");
		String agentToken = people.agentToken();
		try (ChatClient customer = new ChatClient(port, people.customerToken(), visitor())) {
			JsonNode queued = askForAPerson(customer, Map.of());
			assertThat(queued.path("text").asString()).as("a place in the queue (it said n° 0: in none)")
				.containsPattern("n° [1-9][0-9]* dans la file");
			JsonNode board = api.get("/api/v1/staff/chats", agentToken).body();
			assertThat(board.path("waiting").findValuesAsString("id"))
				.contains(queued.path("conversationId").asString());
		}
	}

	@Test
	void aConnectionWithABadTokenIsRefusedAtOnce() {
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ChatClient(port, "not-a-token", null))
			.as("refused with an ERROR frame, not left waiting")
			.isInstanceOf(java.util.concurrent.ExecutionException.class);
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ChatClient(port, null, "too-short"))
			.isInstanceOf(java.util.concurrent.ExecutionException.class);
	}

	@Test
	void customerTextIsStrippedOfMarkupBeforeAnyoneSeesIt() throws Exception {
		try (ChatClient chat = new ChatClient(port, null, visitor())) {
			chat.send("/app/chat.message",
					Map.of("text", "hello <script>alert(1)</script><b>there</b> <img src=x onerror=alert(2)>"));
			JsonNode mine = chat.next(m -> m.path("from").asString().equals("customer"));
			assertThat(mine.path("text").asString()).isEqualTo("hello there").doesNotContain("<");
		}
	}

	@Test
	void badFramesGetAnErrorAndTheConnectionStays() throws Exception {
		try (ChatClient chat = new ChatClient(port, null, visitor())) {
			chat.send("/app/chat.message", "{not json");
			assertThat(chat.nextEvent(e -> e.path("type").asString().equals("error")).path("code").asString())
				.isEqualTo("chat_malformed");
			chat.send("/app/chat.message", Map.of("text", "x".repeat(2001)));
			assertThat(chat.nextEvent(e -> e.path("type").asString().equals("error")).path("code").asString())
				.isEqualTo("chat_text_invalid");
			chat.send("/app/chat.message", Map.of("text", "still here?"));
			assertThat(chat.next(m -> m.path("from").asString().equals("customer")).path("text").asString())
				.isEqualTo("still here?");
			for (int i = 0; i < 30; i++) {
				chat.send("/app/chat.typing", Map.of());
			}
			assertThat(chat.nextEvent(e -> e.path("code").asString().equals("chat_too_many_messages"))).isNotNull();
			assertThat(chat.connected()).isTrue();
		}
	}

	@Test
	void longTextArrivesWholeThroughSmallBuffersAndAnOversizedFrameGetsAStompError() throws Exception {
		try (ChatClient chat = new ChatClient(port, null, visitor())) {
			// Tomcat hands the frame over in pieces of 1,024 characters
			for (String prefix : List.of("", "a", "ab", "abc")) {
				String text = prefix + "\uD83D\uDE00".repeat(998);
				chat.send("/app/chat.message", Map.of("text", text));
				JsonNode mine = chat.next(m -> m.path("from").asString().equals("customer")
						&& m.path("text").asString().startsWith(prefix + "\uD83D"));
				assertThat(mine.path("text").asString()).isEqualTo(text);
			}
			chat.send("/app/chat.message", Map.of("text", "x".repeat(20_000)));
			// Refused with an ERROR frame and the connection closed; now and then the
			// close
			// overtakes the ERROR on its way out (as for a refused subscription), and the
			// refusal shows as the closed connection alone.
			String error = chat.errors.poll(15, TimeUnit.SECONDS);
			if (error == null) {
				assertThat(chat.connected()).as("refused: closed without an ERROR for a frame over 8 KB").isFalse();
			}
		}
	}

	@Test
	void aVisitorWhoCannotSignInTalksToAPersonWhoProvesWhoTheyAreBeforeActing() throws Exception {
		clock.setTo(OPEN);
		Api api = new Api(mvc);
		String phone = api.registerCustomer("fr");
		String customerId = api.get("/api/v1/me", api.login(phone, Api.PASSWORD)).text("id");
		String agentName = agent(api, "fr", "Léa Martin");
		String agentToken = api.login(agentName, Api.PASSWORD);
		try (ChatClient visitor = new ChatClient(port, null, visitor())) {
			visitor.send("/app/chat.start", Map.of("language", "fr"));
			visitor.send("/app/chat.message", Map.of("text", "parler à un conseiller"));
			JsonNode ask = visitor.next(m -> m.path("buttons").findValuesAsString("action").contains("contact"));
			assertThat(ask.path("buttons").findValuesAsString("action")).containsExactly("contact", "signin");
			String conversation = ask.path("conversationId").asString();

			visitor.send("/app/chat.contact", Map.of("name", "Camille", "phone", "12345"));
			assertThat(visitor.nextEvent(e -> e.path("type").asString().equals("error")).path("code").asString())
				.isEqualTo("visitor_phone_invalid");
			// the number as people say it, without +86
			visitor.send("/app/chat.contact", Map.of("name", "Camille", "phone", phone.substring(3)));
			assertThat(
					visitor.next(m -> m.path("text").asString().startsWith("Merci, Camille")).path("text").asString())
				.contains(phone);
			assertThat(visitor.next(m -> m.path("text").asString().contains("n° 1")).path("from").asString())
				.isEqualTo("system");

			JsonNode waiting = api.get("/api/v1/staff/chats", agentToken).body().path("waiting");
			JsonNode row = java.util.stream.StreamSupport.stream(waiting.spliterator(), false)
				.filter(c -> c.path("id").asString().equals(conversation))
				.findFirst()
				.orElseThrow();
			assertThat(row.path("visitor").path("name").asString()).isEqualTo("Camille");
			assertThat(row.path("visitor").path("phone").asString()).isEqualTo(phone);
			assertThat(api.post("/api/v1/staff/chats/" + conversation + "/identity-code", null, agentToken).code())
				.as("only the agent who has the chat checks who the visitor is")
				.isEqualTo("chat_not_yours");
			assertThat(api.post("/api/v1/staff/chats/" + conversation + "/accept", null, agentToken).status())
				.isEqualTo(200);
			JsonNode history = api.get("/api/v1/staff/chats/" + conversation + "/messages", agentToken).body();
			assertThat(history.path("visitor").path("verifiedCustomerId").isMissingNode()).isTrue();
			String ticket = history.path("ticketId").asString();
			assertThat(api.get("/api/v1/staff/tickets/" + ticket, agentToken)
				.body()
				.path("ticket")
				.path("customerId")
				.isMissingNode()).as("nothing is known for sure yet").isTrue();

			assertThat(api.post("/api/v1/staff/chats/" + conversation + "/identity-code", null, agentToken).status())
				.isEqualTo(202);
			String code = jdbc.sql("""
					SELECT substring(body FROM '[0-9]{6}') FROM notification
					WHERE recipient = ? AND body ~ '[0-9]{6}' ORDER BY created_at DESC LIMIT 1""")
				.param(phone)
				.query(String.class)
				.single();
			String wrong = code.equals("000000") ? "111111" : "000000";
			assertThat(api.post("/api/v1/staff/chats/" + conversation + "/identity", Map.of("code", wrong), agentToken)
				.code()).isEqualTo("identity_code_invalid");
			Api.Response proven = api.post("/api/v1/staff/chats/" + conversation + "/identity", Map.of("code", code),
					agentToken);
			assertThat(proven.status()).isEqualTo(200);
			assertThat(proven.text("customerId")).isEqualTo(customerId);
			assertThat(visitor.next(m -> m.path("text").asString().startsWith("Identité vérifiée"))).isNotNull();
			assertThat(api.get("/api/v1/staff/chats/" + conversation + "/messages", agentToken)
				.body()
				.path("visitor")
				.path("verifiedCustomerId")
				.asString()).isEqualTo(customerId);
			assertThat(api.get("/api/v1/staff/tickets/" + ticket, agentToken)
				.body()
				.path("ticket")
				.path("customerId")
				.asString()).isEqualTo(customerId);
			assertThat(jdbc
				.sql("SELECT count(*) FROM audit_entry WHERE action = 'chat.visitor_identified' "
						+ "AND subject_id = ?::uuid AND details = ?")
				.params(customerId, "conversation=" + conversation)
				.query(Long.class)
				.single()).isEqualTo(1);
		}
	}

	@Test
	void aVisitorSignsInMidChatAndKeepsTheConversationThenAnAgentTakesIt() throws Exception {
		clock.setTo(OPEN);
		Api api = new Api(mvc);
		String phone = api.registerCustomer("fr");
		String agentName = agent(api, "fr", "Léa Martin");
		String visitor = visitor();
		String conversation;
		try (ChatClient anonymous = new ChatClient(port, null, visitor)) {
			anonymous.send("/app/chat.start", Map.of("language", "fr"));
			anonymous.send("/app/chat.message", Map.of("text", "parler à un conseiller"));
			JsonNode signin = anonymous.next(m -> m.path("buttons").findValuesAsString("action").contains("signin"));
			conversation = signin.path("conversationId").asString();
		}
		String token = api.login(phone, Api.PASSWORD);
		try (ChatClient customer = new ChatClient(port, token, visitor)) {
			customer.send("/app/chat.handover", Map.of());
			JsonNode queued = customer.next(m -> m.path("from").asString().equals("system"));
			assertThat(queued.path("conversationId").asString()).isEqualTo(conversation);
			assertThat(queued.path("text").asString()).contains("n° 1").contains("min");

			String agentToken = api.login(agentName, Api.PASSWORD);
			JsonNode board = api.get("/api/v1/staff/chats", agentToken).body();
			assertThat(board.path("waiting").findValuesAsString("id")).contains(conversation);
			assertThat(api.get("/api/v1/staff/chats/" + conversation + "/messages", agentToken)
				.body()
				.path("messages")
				.findValuesAsString("text")).contains("parler à un conseiller");
			try (ChatClient agent = new ChatClient(port, agentToken, null)) {
				assertThat(api.post("/api/v1/staff/chats/" + conversation + "/accept", null, agentToken).status())
					.isEqualTo(200);
				assertThat(customer.next(m -> m.path("text").asString().contains("Léa Martin")).path("from").asString())
					.isEqualTo("system");
				customer.send("/app/chat.message", Map.of("text", "Mon retrait de 200 € n'est pas arrivé"));
				assertThat(agent.next(m -> m.path("from").asString().equals("customer")).path("text").asString())
					.contains("200 €");
				customer.send("/app/chat.typing", Map.of());
				assertThat(agent.nextEvent(e -> e.path("type").asString().equals("typing"))).isNotNull();
				agent.send("/app/chat.message",
						Map.of("conversationId", conversation, "text", "Je regarde, un instant."));
				JsonNode reply = customer.next(m -> m.path("from").asString().equals("agent"));
				assertThat(reply.path("text").asString()).isEqualTo("Je regarde, un instant.");
				customer.send("/app/chat.read", Map.of("seq", reply.path("seq").asInt()));
				assertThat(agent.nextEvent(e -> e.path("type").asString().equals("read")).path("seq").asInt())
					.isEqualTo(reply.path("seq").asInt());

				String ticket = api.get("/api/v1/chats/current", token).text("ticketId");
				String entries = api.get("/api/v1/tickets/" + ticket, token).body().toString();
				assertThat(entries).contains("parler à un conseiller")
					.contains("Mon retrait de 200 €")
					.contains("Je regarde, un instant.");
				JsonNode sla = api.get("/api/v1/staff/tickets/" + ticket, agentToken).body().path("ticket");
				assertThat(sla.path("sla").path("firstRespondedAt").asString())
					.as("the chat reply is the first response")
					.isNotBlank();
				assertThat(api.call("PATCH", "/api/v1/staff/tickets/" + ticket, Map.of("status", "pending"), agentToken)
					.status()).isEqualTo(200);
				customer.send("/app/chat.message", Map.of("text", "Voici la capture"));
				customer.next(m -> m.path("text").asString().equals("Voici la capture"));
				assertThat(api.get("/api/v1/staff/tickets/" + ticket, agentToken)
					.body()
					.path("ticket")
					.path("status")
					.asString()).as("the customer wrote in the chat: waiting on us again").isEqualTo("open");

				long noticesBefore = jdbc.sql("SELECT count(*) FROM notification WHERE recipient = ?")
					.param(phone)
					.query(Long.class)
					.single();
				api.post("/api/v1/staff/chats/" + conversation + "/end", null, agentToken);
				JsonNode ended = customer.next(m -> m.path("buttons").findValuesAsString("action").contains("rate:5"));
				assertThat(ended.path("text").asString()).contains("terminée");
				customer.send("/app/chat.rate", Map.of("score", 5));
				customer.next(m -> m.path("text").asString().contains("Merci"));
				assertThat(jdbc.sql("SELECT satisfaction FROM chat_conversation WHERE id = ?::uuid")
					.param(conversation)
					.query(Integer.class)
					.single()).isEqualTo(5);
				// the loop closes: the ticket is solved, the stars are its satisfaction,
				// and no
				// second survey is sent
				JsonNode closed = api.get("/api/v1/staff/tickets/" + ticket, agentToken).body().path("ticket");
				assertThat(closed.path("status").asString()).isEqualTo("solved");
				assertThat(closed.path("satisfaction").asInt()).isEqualTo(5);
				assertThat(jdbc.sql("SELECT count(*) FROM notification WHERE recipient = ?")
					.param(phone)
					.query(Long.class)
					.single()).isEqualTo(noticesBefore);
			}
		}
	}

	@Test
	void outsideWorkingHoursTheCustomerLeavesAMessageOnATicket() throws Exception {
		clock.setTo(CLOSED);
		Api api = new Api(mvc);
		String token = api.login(api.registerCustomer("de"), Api.PASSWORD);
		try (ChatClient customer = new ChatClient(port, token, null)) {
			customer.send("/app/chat.start", Map.of("language", "de"));
			customer.send("/app/chat.message", Map.of("text", "mit einem Menschen sprechen"));
			JsonNode offline = customer.next(m -> m.path("from").asString().equals("system"));
			assertThat(offline.path("text").asString()).contains("09:00–21:00").contains("Anfrage Nr.");
			customer.send("/app/chat.message", Map.of("text", "Meine Karte wurde zweimal belastet."));
			customer.next(m -> m.path("text").asString().contains("zweimal"));
			String ticket = api.get("/api/v1/chats/current", token).text("ticketId");
			assertThat(api.get("/api/v1/tickets/" + ticket, token).body().toString())
				.contains("Meine Karte wurde zweimal belastet.");
		}
	}

	@Test
	void aFileOfAForbiddenTypeIsRefusedInTheChat() throws Exception {
		clock.setTo(CLOSED);
		Api api = new Api(mvc);
		String token = api.login(api.registerCustomer("en"), Api.PASSWORD);
		try (ChatClient customer = new ChatClient(port, token, null)) {
			customer.send("/app/chat.message", Map.of("text", "talk to a human"));
			JsonNode offline = customer.next(m -> m.path("from").asString().equals("system"));
			String conversation = offline.path("conversationId").asString();
			var exe = new org.springframework.mock.web.MockMultipartFile("file", "invoice.pdf.exe", "application/pdf",
					new byte[] { 'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0 });
			var refused = mvc
				.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
					.multipart("/api/v1/chats/" + conversation + "/attachments")
					.file(exe)
					.header("Authorization", "Bearer " + token))
				.andReturn()
				.getResponse();
			assertThat(refused.getStatus()).isEqualTo(422);
			assertThat(refused.getContentAsString()).contains("attachment_type_refused");
			byte[] png = java.util.Base64.getDecoder()
				.decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
			var ok = mvc
				.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
					.multipart("/api/v1/chats/" + conversation + "/attachments")
					.file(new org.springframework.mock.web.MockMultipartFile("file", "receipt.png", "image/png", png))
					.header("Authorization", "Bearer " + token))
				.andReturn()
				.getResponse();
			assertThat(ok.getStatus()).isEqualTo(201);
			JsonNode image = customer.next(m -> m.has("attachment"));
			assertThat(image.path("attachment").path("mediaType").asString()).isEqualTo("image/png");
		}
	}

}
