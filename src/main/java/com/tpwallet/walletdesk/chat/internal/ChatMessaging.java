package com.tpwallet.walletdesk.chat.internal;

import com.tpwallet.walletdesk.platform.Refusal;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.messaging.converter.MessageConversionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.handler.annotation.MessageExceptionHandler;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.stereotype.Controller;

/**
 * The STOMP destinations under {@code /app} (see docs/chat-protocol.md). Errors come back
 * as events, never a dropped connection.
 */
@Controller
class ChatMessaging {

	private static final Logger log = LoggerFactory.getLogger(ChatMessaging.class);

	private final CustomerChat customers;

	private final AgentChat agents;

	private final ChatExchange exchange;

	private final ChatDelivery delivery;

	ChatMessaging(CustomerChat customers, AgentChat agents, ChatExchange exchange, ChatDelivery delivery) {
		this.customers = customers;
		this.agents = agents;
		this.exchange = exchange;
		this.delivery = delivery;
	}

	record Start(@Nullable String language) {
	}

	record Text(@Nullable String text, @Nullable UUID conversationId, @Nullable Boolean translate) {
	}

	record Resume(@Nullable UUID conversationId, @Nullable Integer afterSeq) {
	}

	record Seen(@Nullable UUID conversationId, @Nullable Integer seq) {
	}

	record Rating(@Nullable Integer score) {
	}

	record Contact(@Nullable String name, @Nullable String phone, @Nullable String email) {
	}

	@MessageMapping("chat.start")
	void start(@Payload(required = false) @Nullable Start start, SimpMessageHeaderAccessor headers) {
		customers.start(chatUser(headers), start == null ? null : start.language(), headers.getSessionId(),
				headers.getSessionAttributes());
	}

	@MessageMapping("chat.message")
	void message(@Payload Text text, SimpMessageHeaderAccessor headers) {
		ChatUser u = chatUser(headers);
		if (u.isStaff()) {
			if (text.conversationId() == null) {
				throw Refusal.unprocessable("chat_not_found");
			}
			agents.agentWrites(text.conversationId(), u.caller(), text.text() == null ? "" : text.text(),
					Boolean.TRUE.equals(text.translate()));
			return;
		}
		customers.customerWrites(u, text.text() == null ? "" : text.text(), headers.getSessionId(),
				headers.getSessionAttributes());
	}

	/** Either side says a machine translation in the chat is unclear. */
	@MessageMapping("chat.unclear")
	void unclear(@Payload Seen message, SimpMessageHeaderAccessor headers) {
		ChatUser u = chatUser(headers);
		if (message.conversationId() == null || message.seq() == null) {
			throw Refusal.notFound("chat_not_found");
		}
		if (u.isStaff()) {
			agents.unclear(message.conversationId(), message.seq(), u.caller());
		}
		else if (u.customerId() != null) {
			customers.unclear(message.conversationId(), message.seq(), u.customerId());
		}
		else {
			throw Refusal.notFound("chat_not_found");
		}
	}

	@MessageMapping("chat.handover")
	void handover(SimpMessageHeaderAccessor headers) {
		customers.handoverRequested(chatUser(headers));
	}

	/**
	 * A visitor who is not signed in says who they are and how to reach them, to talk to
	 * a person (a signed-in customer is known already: handed over as they are).
	 */
	@MessageMapping("chat.contact")
	void contact(@Payload Contact contact, SimpMessageHeaderAccessor headers) {
		ChatUser chatUser = chatUser(headers);
		if (chatUser.customerId() != null) {
			customers.handoverRequested(chatUser);
			return;
		}
		customers.visitorIntroduces(chatUser, contact.name(), contact.phone(), contact.email());
	}

	@MessageMapping("chat.resume")
	void resume(@Payload(required = false) @Nullable Resume resume, SimpMessageHeaderAccessor headers) {
		exchange.resume(chatUser(headers), resume == null ? null : resume.conversationId(),
				resume == null || resume.afterSeq() == null ? 0 : resume.afterSeq(), headers.getSessionId());
	}

	@MessageMapping("chat.typing")
	void typing(@Payload(required = false) @Nullable Seen typing, SimpMessageHeaderAccessor headers) {
		exchange.typing(chatUser(headers), typing == null ? null : typing.conversationId());
	}

	@MessageMapping("chat.read")
	void read(@Payload Seen seen, SimpMessageHeaderAccessor headers) {
		exchange.read(chatUser(headers), seen.conversationId(), seen.seq() == null ? 0 : seen.seq());
	}

	@MessageMapping("chat.rate")
	void rate(@Payload Rating rating, SimpMessageHeaderAccessor headers) {
		customers.rate(chatUser(headers), rating.score() == null ? 0 : rating.score());
	}

	@MessageMapping("chat.end")
	void end(SimpMessageHeaderAccessor headers) {
		exchange.customerEnds(chatUser(headers));
	}

	/**
	 * The user the connection signed in as (ChatAuthentication). Read from the headers,
	 * not taken as a {@code Principal} parameter: Spring's resolver for that asks the
	 * method's nullness by reflection on every frame, a measurable share of a chat
	 * message's CPU (bench/README.md, live chat).
	 */
	private static ChatUser chatUser(SimpMessageHeaderAccessor headers) {
		return (ChatUser) java.util.Objects.requireNonNull(headers.getUser());
	}

	@MessageExceptionHandler(Refusal.class)
	void refused(Refusal refusal, SimpMessageHeaderAccessor headers) {
		error(chatUser(headers), refusal.code(), refusal.args());
	}

	@MessageExceptionHandler({ MessageConversionException.class, IllegalArgumentException.class,
			ClassCastException.class })
	void malformed(Exception e, SimpMessageHeaderAccessor headers) {
		error(chatUser(headers), "chat_malformed");
	}

	/**
	 * Anything unexpected: logged for us, a plain apology for the user, and the
	 * connection stays.
	 */
	@MessageExceptionHandler(RuntimeException.class)
	void failed(RuntimeException e, SimpMessageHeaderAccessor headers) {
		ChatUser user = chatUser(headers);
		log.error("A chat frame from {} failed", user.getName(), e);
		error(user, "internal_error");
	}

	private void error(ChatUser user, String code, Object... args) {
		delivery.error(user.getName(), user.language(), code, args);
	}

}
