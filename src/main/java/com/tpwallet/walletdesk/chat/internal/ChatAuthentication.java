package com.tpwallet.walletdesk.chat.internal;

import com.tpwallet.walletdesk.platform.Caller;
import com.tpwallet.walletdesk.platform.TokenAuthenticator;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.dao.DataAccessException;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageDeliveryException;
import org.springframework.messaging.simp.annotation.support.SimpAnnotationMethodMessageHandler;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Who is connecting (CONNECT with {@code Authorization: Bearer …} for customers and
 * staff, or a {@code visitor-id} for anonymous visitors), who may subscribe where, and
 * how fast a connection may send.
 */
@Component
class ChatAuthentication implements ChannelInterceptor {

	private static final Pattern VISITOR_ID = Pattern.compile("[A-Za-z0-9-]{16,64}");

	private static final String BUCKET = "wd.rate";

	/** The client's address, put in the session by the WebSocket handshake. */
	static final String ADDRESS = "wd.address";

	/**
	 * A staff page's session token, from its cookie, put in the session by the handshake.
	 */
	static final String COOKIE_TOKEN = "wd.cookie-token";

	private final TokenAuthenticator tokens;

	private final ObjectProvider<ChatStore> store;

	private final ObjectProvider<ChatDelivery> delivery;

	private final ObjectProvider<MessageChannel> clientOutbound;

	private final ChatFloodLimits limits;

	private final ObjectProvider<SimpAnnotationMethodMessageHandler> handlers;

	/**
	 * Where a client may send: the destinations the chat's controllers handle, read from
	 * their mappings once (section 3 of docs/chat-protocol.md lists the same).
	 */
	private volatile @Nullable Set<String> destinations;

	ChatAuthentication(TokenAuthenticator tokens, ObjectProvider<ChatStore> store,
			ObjectProvider<ChatDelivery> delivery,
			@Qualifier("clientOutboundChannel") ObjectProvider<MessageChannel> clientOutbound, ChatFloodLimits limits,
			ObjectProvider<SimpAnnotationMethodMessageHandler> handlers) {
		this.limits = limits;
		this.handlers = handlers;
		this.tokens = tokens;
		this.store = store;
		this.delivery = delivery;
		this.clientOutbound = clientOutbound;
	}

	@Override
	public @Nullable Message<?> preSend(Message<?> message, MessageChannel channel) {
		StompHeaderAccessor stomp = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
		if (stomp == null || stomp.getCommand() == null) {
			return message;
		}
		try {
			switch (stomp.getCommand()) {
				case CONNECT -> connect(stomp);
				case SUBSCRIBE -> checkSubscription(stomp);
				case SEND -> {
					String refused = !toApplication(stomp) ? "chat_destination_invalid"
							: !withinRate(stomp) ? "chat_too_many_messages" : null;
					if (refused != null) {
						ChatUser user = stomp.getUser() instanceof ChatUser u ? u : null;
						delivery.getObject()
							.error(user == null ? "" : user.getName(), user == null ? "en" : user.language(), refused);
						return null; // dropped; the connection stays
					}
				}
				default -> {
				}
			}
		}
		// a CONNECT or SUBSCRIBE that may not be
		catch (MessageDeliveryException refused) {
			refuse(stomp, refused.getMessage());
			return null;
		}
		// the token could not be looked up now (no database connection free, or none at
		// all): the client is told to come back, as an HTTP caller gets a 503
		catch (DataAccessException unavailable) {
			refuse(stomp, "temporarily unavailable; try again in a few seconds");
			return null;
		}
		return message;
	}

	private void connect(StompHeaderAccessor stomp) {
		String authorization = stomp.getFirstNativeHeader("Authorization");
		// Spring logs a frame whose sending fails with all its headers: the bearer token
		// leaves the frame before anything can fail
		stomp.removeNativeHeader("Authorization");
		String visitor = stomp.getFirstNativeHeader("visitor-id");
		if (visitor != null && !VISITOR_ID.matcher(visitor).matches()) {
			throw new MessageDeliveryException("visitor-id must be 16 to 64 letters, digits or dashes");
		}
		if (!limits.mayConnect(address(stomp))) {
			throw new MessageDeliveryException(
					"too many new chat connections from this address; try again in a minute");
		}
		ChatUser user;
		Map<String, Object> attributes = stomp.getSessionAttributes();
		if ((authorization == null || authorization.isBlank()) && attributes != null
				&& attributes.get(COOKIE_TOKEN) instanceof String cookieToken) {
			Caller staff = tokens.authenticate(cookieToken)
				.filter(Caller::isStaff)
				.orElseThrow(() -> new MessageDeliveryException("unauthenticated"));
			user = new ChatUser(staff, null);
		}
		else if (authorization != null && !authorization.isBlank()) {
			String token = authorization.startsWith("Bearer ") ? authorization.substring(7).strip()
					: authorization.strip();
			Caller caller = tokens.authenticate(token)
				.orElseThrow(() -> new MessageDeliveryException("unauthenticated"));
			user = new ChatUser(caller, null);
			if (visitor != null && !caller.isStaff()) {
				// signed in mid-chat: the conversation stays theirs
				store.getObject().claim(visitor, caller.id());
			}
		}
		else {
			user = ChatUser.visitor(visitor != null ? visitor : UUID.randomUUID().toString());
		}
		stomp.setUser(user);
		Map<String, Object> session = stomp.getSessionAttributes();
		if (session != null) {
			session.put(BUCKET,
					Bucket.builder()
						.addLimit(Bandwidth.builder().capacity(20).refillGreedy(20, Duration.ofSeconds(10)).build())
						.build());
		}
	}

	/**
	 * A STOMP ERROR for a refused CONNECT or SUBSCRIBE; Spring then closes the
	 * connection. Throwing would not do: with the receive order preserved, Spring logs an
	 * exception from here and tells the client nothing.
	 */
	private void refuse(StompHeaderAccessor frame, @Nullable String reason) {
		StompHeaderAccessor error = StompHeaderAccessor.create(StompCommand.ERROR);
		error.setMessage(reason);
		error.setSessionId(frame.getSessionId());
		if (frame.getReceipt() != null) {
			error.setReceiptId(frame.getReceipt());
		}
		clientOutbound.getObject().send(MessageBuilder.createMessage(new byte[0], error.getMessageHeaders()));
	}

	/** A client may listen only to its own queues, and staff to the agents' topic. */
	private static void checkSubscription(StompHeaderAccessor stomp) {
		String destination = stomp.getDestination();
		boolean own = ("/user" + ChatDelivery.MESSAGES).equals(destination)
				|| ("/user" + ChatDelivery.EVENTS).equals(destination);
		boolean agents = (ChatDelivery.AGENTS.equals(destination) || ChatDelivery.TICKETS.equals(destination))
				&& stomp.getUser() instanceof ChatUser u && u.isStaff();
		if (!own && !agents) {
			throw new MessageDeliveryException(
					"subscriptions are limited to /user/queue/chat and /user/queue/chat.events");
		}
	}

	/**
	 * A client writes only to what the application handles, which stores and checks what
	 * it says. A SEND to a user queue or a topic would otherwise go through the broker as
	 * it is: anyone knowing a user's name could put a forged "bot" message in their chat.
	 * And one to a name under /app that no controller handles would be dropped without a
	 * word.
	 */
	private boolean toApplication(StompHeaderAccessor stomp) {
		String destination = stomp.getDestination();
		return destination != null && destinations().contains(destination);
	}

	private Set<String> destinations() {
		Set<String> known = destinations;
		if (known == null) {
			SimpAnnotationMethodMessageHandler handler = handlers.getObject();
			known = handler.getHandlerMethods()
				.keySet()
				.stream()
				.flatMap(mapping -> mapping.getDestinationConditions().getPatterns().stream())
				.flatMap(pattern -> handler.getDestinationPrefixes()
					.stream()
					.map(prefix -> StringUtils.trimTrailingCharacter(prefix, '/') + "/"
							+ StringUtils.trimLeadingCharacter(pattern, '/')))
				.collect(Collectors.toUnmodifiableSet());
			destinations = known;
		}
		return known;
	}

	/**
	 * Within the connection's own rate, and within its address's and its user's across
	 * all their connections.
	 */
	private boolean withinRate(StompHeaderAccessor stomp) {
		Map<String, Object> session = stomp.getSessionAttributes();
		boolean connection = session == null || !(session.get(BUCKET) instanceof Bucket bucket) || bucket.tryConsume(1);
		String user = stomp.getUser() == null ? "" : stomp.getUser().getName();
		return connection && limits.maySend(address(stomp), user);
	}

	private static String address(StompHeaderAccessor stomp) {
		Map<String, Object> session = stomp.getSessionAttributes();
		return session != null && session.get(ADDRESS) instanceof String address ? address : "unknown";
	}

}
