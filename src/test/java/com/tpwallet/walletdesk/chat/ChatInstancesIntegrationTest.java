package com.tpwallet.walletdesk.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.tpwallet.walletdesk.TestClock;
import com.tpwallet.walletdesk.WalletdeskApplication;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Whole application instances in one JVM, sharing the embedded PostgreSQL: two of them
 * fanning chat out through an embedded ActiveMQ Artemis (Spring's STOMP broker relay),
 * and one stopped and started again.
 */
class ChatInstancesIntegrationTest {

	// Tuesday 10:00 in Beijing
	static final Instant OPEN = Instant.parse("2026-11-24T02:00:00Z");
	static final JsonMapper JSON = JsonMapper.builder().build();
	static final HttpClient HTTP = HttpClient.newHttpClient();

	final List<ConfigurableApplicationContext> instances = new ArrayList<>();

	EmbeddedActiveMQ artemis;

	@AfterEach
	void stop() throws Exception {
		instances.forEach(ConfigurableApplicationContext::close);
		if (artemis != null) {
			artemis.stop();
		}
	}

	ConfigurableApplicationContext instance(Map<String, Object> properties) {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(WalletdeskApplication.class,
				TestClock.Configuration.class)
			.profiles("test")
			.properties(Map.of("server.port", 0))
			.properties(properties)
			.run();
		context.getBean(TestClock.class).setTo(OPEN);
		instances.add(context);
		return context;
	}

	static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	static int freePort() throws Exception {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	static JsonNode call(int port, String method, String path, Object body, String token) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		String text = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
		return text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text);
	}

	static String customerToken(int port) throws Exception {
		String phone = "+86139" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
		call(port, "POST", "/api/v1/customers", Map.of("phone", phone, "password", "Tp!wallet-2026x", "language", "en"),
				null);
		return call(port, "POST", "/api/v1/auth/login", Map.of("login", phone, "password", "Tp!wallet-2026x"), null)
			.path("token")
			.asString();
	}

	@Test
	void aCustomerOnOneInstanceAndAnAgentOnAnotherTalkThroughTheBroker() throws Exception {
		int stompPort = freePort();
		ConfigurationImpl config = new ConfigurationImpl();
		config.setPersistenceEnabled(false);
		config.setSecurityEnabled(false);
		config.addAcceptorConfiguration("stomp",
				"tcp://127.0.0.1:" + stompPort + "?protocols=STOMP;anycastPrefix=/queue/;multicastPrefix=/topic/");
		artemis = new EmbeddedActiveMQ().setConfiguration(config);
		artemis.start();
		Map<String, Object> relay = Map.of("walletdesk.chat.relay.host", "127.0.0.1", "walletdesk.chat.relay.port",
				stompPort);
		int a = port(instance(relay));
		int b = port(instance(relay));

		String admin = call(b, "POST", "/api/v1/auth/login", Map.of("login", "admin", "password", "Adm1n!pass-2026"),
				null)
			.path("token")
			.asString();
		String agentName = "relay.agent." + ThreadLocalRandom.current().nextInt(1_000_000);
		call(b, "POST", "/api/v1/admin/staff", Map.of("username", agentName, "displayName", "Sam Lee", "password",
				"Tp!wallet-2026x", "role", "AGENT", "languages", List.of("en")), admin);
		String agentToken = call(b, "POST", "/api/v1/auth/login",
				Map.of("login", agentName, "password", "Tp!wallet-2026x"), null)
			.path("token")
			.asString();

		try (ChatClient customer = new ChatClient(a, customerToken(a), null);
				ChatClient agent = new ChatClient(b, agentToken, null)) {
			customer.send("/app/chat.start", Map.of("language", "en"));
			customer.send("/app/chat.message", Map.of("text", "talk to a human"));
			String conversation = customer.next(m -> m.path("from").asString().equals("system"))
				.path("conversationId")
				.asString();
			call(b, "POST", "/api/v1/staff/chats/" + conversation + "/accept", null, agentToken);
			assertThat(customer.next(m -> m.path("text").asString().contains("Sam Lee")).path("from").asString())
				.isEqualTo("system");

			customer.send("/app/chat.message", Map.of("text", "hello from instance A"));
			assertThat(agent.next(m -> m.path("from").asString().equals("customer")).path("text").asString())
				.isEqualTo("hello from instance A");
			agent.send("/app/chat.message", Map.of("conversationId", conversation, "text", "hello from instance B"));
			assertThat(customer.next(m -> m.path("from").asString().equals("agent")).path("text").asString())
				.isEqualTo("hello from instance B");
		}
	}

	@Test
	void aRestartLosesNoAcknowledgedMessage() throws Exception {
		ConfigurableApplicationContext first = instance(Map.of());
		String visitor = UUID.randomUUID().toString();
		List<String> seen = new ArrayList<>();
		String conversation;
		try (ChatClient chat = new ChatClient(port(first), null, visitor)) {
			chat.send("/app/chat.start", Map.of("language", "en"));
			for (String text : List.of("my withdrawal has not arrived", "and my top-up failed")) {
				chat.send("/app/chat.message", Map.of("text", text));
			}
			JsonNode last = null;
			while (last == null || last.path("seq").asInt() < 5) {
				last = chat.next(m -> true);
				seen.add(last.path("seq").asInt() + " " + last.path("text").asString());
			}
			conversation = last.path("conversationId").asString();
		}
		first.close();
		instances.remove(first);

		ConfigurableApplicationContext second = instance(Map.of());
		try (ChatClient back = new ChatClient(port(second), null, visitor)) {
			back.send("/app/chat.resume", Map.of("conversationId", conversation, "afterSeq", 0));
			List<String> after = new ArrayList<>();
			for (int i = 0; i < seen.size(); i++) {
				JsonNode m = back.next(x -> true);
				after.add(m.path("seq").asInt() + " " + m.path("text").asString());
			}
			assertThat(after).containsExactlyElementsOf(seen);
		}
	}

}
