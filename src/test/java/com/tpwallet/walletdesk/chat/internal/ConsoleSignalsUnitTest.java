package com.tpwallet.walletdesk.chat.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.messaging.Message;
import org.springframework.messaging.converter.JacksonJsonMessageConverter;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.web.socket.messaging.DefaultSimpUserRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ConsoleSignalsUnitTest {

	final List<Message<?>> sent = new ArrayList<>();

	final ConsoleSignals signals;

	ConsoleSignalsUnitTest() {
		SimpMessagingTemplate broker = new SimpMessagingTemplate((message, timeout) -> sent.add(message));
		broker.setMessageConverter(new JacksonJsonMessageConverter());
		signals = new ConsoleSignals(
				new ChatDelivery(broker, new DefaultSimpUserRegistry(), new StaticMessageSource()));
	}

	@Test
	void ticketChangesBetweenTwoSendsGoToTheConsolesAsOneMessage() {
		UUID first = UUID.randomUUID();
		UUID second = UUID.randomUUID();
		signals.ticketChanged(first, 7);
		signals.ticketChanged(second, 8);
		signals.ticketChanged(first, 7);
		signals.send();

		assertThat(sent).hasSize(1);
		assertThat(destination(sent.get(0))).isEqualTo(ChatDelivery.TICKETS);
		JsonNode body = body(sent.get(0));
		assertThat(body.path("type").asString()).isEqualTo("tickets");
		assertThat(body.path("tickets")
			.valueStream()
			.map(t -> t.path("ticketId").asString() + "#" + t.path("number").asLong()))
			.containsExactlyInAnyOrder(first + "#7", second + "#8");
	}

	@Test
	void manyQueueChangesAreOneSignalAndAQuietMomentSendsNothing() {
		signals.queueChanged();
		signals.queueChanged();
		signals.send();
		signals.send();

		assertThat(sent).hasSize(1);
		assertThat(destination(sent.get(0))).isEqualTo(ChatDelivery.AGENTS);
		assertThat(body(sent.get(0)).path("type").asString()).isEqualTo("queue");
	}

	@Test
	void aChangeAfterASendWaitsForTheNext() {
		signals.ticketChanged(UUID.randomUUID(), 1);
		signals.send();
		signals.ticketChanged(UUID.randomUUID(), 2);
		signals.send();

		assertThat(sent).extracting(m -> body(m).path("tickets").get(0).path("number").asLong())
			.containsExactly(1L, 2L);
	}

	private static String destination(Message<?> message) {
		return SimpMessageHeaderAccessor.getDestination(message.getHeaders());
	}

	private static JsonNode body(Message<?> message) {
		return JsonMapper.shared().readTree(new String((byte[]) message.getPayload(), StandardCharsets.UTF_8));
	}

}
