package com.tpwallet.walletdesk.chat.internal;

import com.tpwallet.walletdesk.chat.internal.ChatMessage.Sender;
import com.tpwallet.walletdesk.chat.internal.ChatSteps.Step;
import com.tpwallet.walletdesk.platform.Caller;
import com.tpwallet.walletdesk.platform.Refusal;
import com.tpwallet.walletdesk.support.SupportApi;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * What both sides of a chat do alike: end it, send a file, say they read or are typing,
 * and catch up after a reconnect.
 */
@Service
class ChatExchange {

	private final ChatStore store;

	private final ChatSteps steps;

	private final ChatDelivery delivery;

	private final SupportApi support;

	private final AgentChat agents;

	private final java.time.Clock clock;

	ChatExchange(ChatStore store, ChatSteps steps, ChatDelivery delivery, SupportApi support, AgentChat agents,
			java.time.Clock clock) {
		this.store = store;
		this.steps = steps;
		this.delivery = delivery;
		this.support = support;
		this.agents = agents;
		this.clock = clock;
	}

	/** The customer leaves: their open chat, if any, ends. */
	void customerEnds(ChatUser user) {
		store.open(user.customerId(), user.visitorId()).ifPresent(c -> end(c.id(), null));
	}

	/**
	 * Ends the chat and asks the customer for a rating; {@code agent} is null when the
	 * customer ends it.
	 */
	void end(UUID conversationId, @Nullable Caller agent) {
		steps.run(() -> {
			Conversation c = agent == null ? store.lock(conversationId).orElseThrow()
					: agents.ownedBy(conversationId, agent);
			if (!c.isOpen()) {
				return new Step(c, List.of());
			}
			Conversation ended = store.save(c.end(clock.instant()));
			if (c.ticketId() != null) {
				support.solveAfterChat(c.ticketId());
			}
			String lang = c.languageOr("en");
			List<ChatMessage.Button> stars = List.of(5, 4, 3, 2, 1)
				.stream()
				.map(n -> new ChatMessage.Button("rate:" + n, "★".repeat(n)))
				.toList();
			return new Step(ended,
					List.of(store.append(c.id(), ChatMessage.notice(steps.text(lang, "chat.ended"), stars))));
		});
	}

	/**
	 * A file from either side, stored on the chat's ticket after the desk's checks, then
	 * announced as a message.
	 */
	ChatMessage attach(UUID conversationId, Caller caller, String fileName, byte[] bytes) {
		ChatUser user = new ChatUser(caller, null);
		Conversation c = store.find(conversationId)
			.filter(Conversation::isOpen)
			.orElseThrow(() -> Refusal.notFound("chat_not_found"))
			.requireParticipant(user);
		if (c.ticketId() == null) {
			throw Refusal.unprocessable("chat_attachment_needs_agent");
		}
		SupportApi.StoredFile file = support.attach(c.ticketId(), caller, fileName, bytes);
		Step step = steps.run(() -> {
			store.lock(c.id());
			ChatMessage m = store.append(c.id(),
					ChatMessage.file(caller.isStaff() ? Sender.AGENT : Sender.CUSTOMER, caller.id(),
							new ChatMessage.Attachment(file.id(), file.fileName(), file.mediaType(),
									ChatSteps.attachmentUrl(c.ticketId(), file.id()))));
			return new Step(c, List.of(m));
		});
		return step.messages().getFirst();
	}

	void read(ChatUser user, @Nullable UUID conversationId, int seq) {
		Conversation c = conversationId != null
				? store.find(conversationId).orElseThrow(() -> Refusal.notFound("chat_not_found"))
				: store.open(user.customerId(), user.visitorId()).orElseThrow(() -> Refusal.notFound("chat_not_found"));
		c.requireParticipant(user);
		store.read(c.id(), user.isStaff(), seq);
		delivery.event(otherSide(c, user),
				Map.of("type", "read", "conversationId", c.id(), "seq", seq, "by", side(user)));
	}

	void typing(ChatUser user, @Nullable UUID conversationId) {
		Conversation c = conversationId != null ? store.find(conversationId).orElse(null)
				: store.open(user.customerId(), user.visitorId()).orElse(null);
		if (c != null && c.takesPart(user)) {
			delivery.event(otherSide(c, user), Map.of("type", "typing", "conversationId", c.id(), "by", side(user)));
		}
	}

	/**
	 * Messages after {@code seq} to the asking session only: a reconnecting client gets
	 * exactly what it missed.
	 */
	void resume(ChatUser user, @Nullable UUID conversationId, int afterSeq, String sessionId) {
		Conversation c = conversationId != null
				? store.find(conversationId).orElseThrow(() -> Refusal.notFound("chat_not_found"))
				: store.latest(user.customerId(), user.visitorId())
					.orElseThrow(() -> Refusal.notFound("chat_not_found"));
		boolean allowed = user.isStaff() ? c.isVisibleTo(user.caller(), agents.languagesOf(user.caller()))
				: c.belongsTo(user);
		if (!allowed) {
			throw Refusal.notFound("chat_not_found");
		}
		delivery.toSession(sessionId, store.after(c.id(), Math.max(0, afterSeq), c.ticketId()));
	}

	private static String side(ChatUser user) {
		return user.isStaff() ? "agent" : "customer";
	}

	private static String otherSide(Conversation c, ChatUser user) {
		return user.isStaff() ? c.ownerName() : c.agentId() == null ? "" : ChatUser.staffName(c.agentId());
	}

}
