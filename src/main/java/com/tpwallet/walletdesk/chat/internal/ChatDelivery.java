package com.tpwallet.walletdesk.chat.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.messaging.Message;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.messaging.simp.user.SimpSession;
import org.springframework.messaging.simp.user.SimpUser;
import org.springframework.messaging.simp.user.SimpUserRegistry;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;
import org.springframework.util.MimeTypeUtils;

/**
 * Sends stored messages to the people in a conversation through the broker: the simple
 * in-process one, or, with {@code walletdesk.chat.relay.host} set, an external STOMP
 * broker that every instance shares, so a customer on one instance and an agent on
 * another see the same conversation.
 *
 * <p>
 * Each of a user's connections gets its own send. Given a user destination with several
 * connections, Spring 7.0's {@code UserDestinationMessageHandler} shares one message
 * among them and, with the receive order preserved, only the first connection gets it:
 * the copy for the next fails "Expected mutable SimpMessageHeaderAccessor" in
 * {@code OrderedMessageChannelDecorator}. A customer with two tabs, or one reconnecting
 * while the old connection is still registered, would miss messages.
 */
@Component
class ChatDelivery implements com.tpwallet.walletdesk.chat.StaffNotifier {

	static final String MESSAGES = "/queue/chat";
	static final String EVENTS = "/queue/chat.events";
	static final String AGENTS = "/topic/chat.queue";

	/** Where staff consoles hear that a ticket changed. */
	static final String TICKETS = "/topic/desk.tickets";

	private final SimpMessagingTemplate broker;

	private final SimpUserRegistry users;

	private final MessageSource texts;

	ChatDelivery(SimpMessagingTemplate broker, SimpUserRegistry users, MessageSource texts) {
		this.broker = broker;
		this.users = users;
		this.texts = texts;
	}

	/**
	 * To the customer and the agent: each message is written as JSON once, however many
	 * connections it goes to.
	 */
	void deliver(Conversation conversation, List<ChatMessage> messages) {
		for (ChatMessage m : messages) {
			Written json = written(m);
			toEachConnection(conversation.ownerName(), MESSAGES, json);
			if (conversation.agentId() != null) {
				toEachConnection(ChatUser.staffName(conversation.agentId()), MESSAGES, json);
			}
		}
	}

	void toUser(String user, List<ChatMessage> messages) {
		messages.forEach(m -> toEachConnection(user, MESSAGES, written(m)));
	}

	/** A payload already written as JSON, by the broker's own converter. */
	private record Written(byte[] json) {
	}

	private Written written(Object payload) {
		Message<?> converted = broker.getMessageConverter().toMessage(payload, null);
		if (converted == null || !(converted.getPayload() instanceof byte[] json)) {
			throw new IllegalStateException("the broker wrote no JSON for " + payload.getClass());
		}
		return new Written(json);
	}

	/**
	 * Sends to a user destination: a written payload as it is (the broker's converters
	 * would take its bytes for an object to write again), anything else converted.
	 */
	private void send(String user, String destination, Object payload, SimpMessageHeaderAccessor headers) {
		if (payload instanceof Written w) {
			headers.setContentType(MimeTypeUtils.APPLICATION_JSON);
			broker.send(broker.getUserDestinationPrefix() + user.replace("/", "%2F") + destination,
					MessageBuilder.createMessage(w.json(), headers.getMessageHeaders()));
		}
		else {
			broker.convertAndSendToUser(user, destination, payload, headers.getMessageHeaders());
		}
	}

	/**
	 * To one connection only (history on resume), so the user's other tabs do not get it
	 * twice.
	 */
	void toSession(String sessionId, List<ChatMessage> messages) {
		messages.forEach(m -> toConnection(sessionId, MESSAGES, m));
	}

	/** Ephemeral news (typing, read receipts, errors): not stored, not numbered. */
	@Override
	public void notifyStaff(java.util.UUID staffId, Map<String, ?> event) {
		event(ChatUser.staffName(staffId), event);
	}

	void event(String user, Map<String, ?> event) {
		if (!user.isEmpty()) {
			toEachConnection(user, EVENTS, event);
		}
	}

	/**
	 * A refused or failed frame: the code for the client, the text in the user's
	 * language.
	 */
	void error(String user, String language, String code, Object... args) {
		String text = texts.getMessage("problem." + code, args, code, Locale.forLanguageTag(language));
		event(user, Map.of("type", "error", "code", code, "message", text));
	}

	private void toEachConnection(String user, String destination, Object payload) {
		SimpUser known = users.getUser(user);
		// not connected here; with the relay, Spring broadcasts it to the other instances
		if (known == null) {
			SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.create(SimpMessageType.MESSAGE);
			headers.setLeaveMutable(true);
			send(user, destination, payload, headers);
			return;
		}
		for (SimpSession connection : known.getSessions()) {
			toConnection(connection.getId(), destination, payload);
		}
	}

	/**
	 * A user destination named by the session id, with that session id in the headers,
	 * resolves to that connection alone, and to none once it has closed (a user name
	 * would fall back to all its connections).
	 */
	private void toConnection(String sessionId, String destination, Object payload) {
		SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.create(SimpMessageType.MESSAGE);
		headers.setSessionId(sessionId);
		headers.setLeaveMutable(true);
		send(sessionId, destination, payload, headers);
	}

	/**
	 * Every agent console refreshes its list of waiting chats (gathered by
	 * {@link ConsoleSignals}).
	 */
	void queueChangedForAll() {
		broker.convertAndSend(AGENTS, (Object) Map.of("type", "queue"));
	}

	/**
	 * Every staff console refreshes what it shows of these tickets: {@code {type:
	 * "tickets", tickets: [{ticketId, number}]}}.
	 */
	void ticketsChangedForStaff(List<Map<String, Object>> tickets) {
		broker.convertAndSend(TICKETS, (Object) Map.of("type", "tickets", "tickets", tickets));
	}

}
