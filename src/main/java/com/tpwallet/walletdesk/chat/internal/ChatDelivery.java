package com.tpwallet.walletdesk.chat.internal;

import java.util.List;
import java.util.Map;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.stereotype.Component;

/**
 * Sends stored messages to the people in a conversation through the broker: the simple in-process one,
 * or, with {@code walletdesk.chat.relay.host} set, an external STOMP broker that every instance shares, so a
 * customer on one instance and an agent on another see the same conversation.
 */
@Component
class ChatDelivery {

	static final String MESSAGES = "/queue/chat";
	static final String EVENTS = "/queue/chat.events";
	static final String AGENTS = "/topic/chat.queue";

	private final SimpMessagingTemplate broker;

	ChatDelivery(SimpMessagingTemplate broker) {
		this.broker = broker;
	}

	void deliver(Conversation conversation, List<ChatMessage> messages) {
		toUser(conversation.ownerName(), messages);
		if (conversation.agentId() != null) {
			toUser(ChatUser.staffName(conversation.agentId()), messages);
		}
	}

	void toUser(String user, List<ChatMessage> messages) {
		messages.forEach(m -> broker.convertAndSendToUser(user, MESSAGES, m));
	}

	/** To one connection only (history on resume), so the user's other tabs do not get it twice. */
	void toSession(String user, String sessionId, List<ChatMessage> messages) {
		SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.create(SimpMessageType.MESSAGE);
		headers.setSessionId(sessionId);
		headers.setLeaveMutable(true);
		messages.forEach(m -> broker.convertAndSendToUser(user, MESSAGES, m, headers.getMessageHeaders()));
	}

	/** Ephemeral news (typing, read receipts, errors): not stored, not numbered. */
	void event(String user, Map<String, ?> event) {
		if (!user.isEmpty()) {
			broker.convertAndSendToUser(user, EVENTS, (Object) event);
		}
	}

	/** Every agent console refreshes its list of waiting chats. */
	void queueChangedForAll() {
		broker.convertAndSend(AGENTS, (Object) Map.of("type", "queue"));
	}
}
