package com.tpwallet.walletdesk.chat.internal;

import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.messaging.simp.user.SimpUserRegistry;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.messaging.SessionConnectedEvent;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;

/**
 * Tells the agent of an open chat when the customer's last connection goes (closed, or
 * silent past its heart-beats) and when one comes back: {@code {type: "presence",
 * conversationId, state: "away" | "online"}}. Without it an agent kept writing to a
 * customer whose phone had lost its network.
 */
@Component
class ChatPresence {

	private final ChatStore store;

	private final ChatDelivery delivery;

	private final SimpUserRegistry users;

	ChatPresence(ChatStore store, ChatDelivery delivery, SimpUserRegistry users) {
		this.store = store;
		this.delivery = delivery;
		this.users = users;
	}

	@EventListener
	void connected(SessionConnectedEvent event) {
		if (event.getUser() instanceof ChatUser user && !user.isStaff()) {
			tellAgent(user, "online");
		}
	}

	@EventListener
	void disconnected(SessionDisconnectEvent event) {
		if (event.getUser() instanceof ChatUser user && !user.isStaff()
				&& !stillConnected(user, event.getSessionId())) {
			tellAgent(user, "away");
		}
	}

	private boolean stillConnected(ChatUser user, String closing) {
		var known = users.getUser(user.getName());
		return known != null && known.getSessions().stream().anyMatch(s -> !s.getId().equals(closing));
	}

	private void tellAgent(ChatUser user, String state) {
		store.open(user.customerId(), user.visitorId())
			.filter(c -> c.agentId() != null)
			.ifPresent(c -> delivery.event(ChatUser.staffName(c.agentId()),
					Map.of("type", "presence", "conversationId", c.id(), "state", state)));
	}

}
