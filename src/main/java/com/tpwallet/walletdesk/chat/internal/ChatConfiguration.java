package com.tpwallet.walletdesk.chat.internal;

import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.config.ChannelRegistration;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.messaging.simp.config.MessageBrokerRegistry;
import org.springframework.util.StringUtils;
import org.springframework.web.socket.config.annotation.EnableWebSocketMessageBroker;
import org.springframework.web.socket.config.annotation.StompEndpointRegistry;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketTransportRegistration;

/**
 * STOMP over a native WebSocket at {@code /ws/chat} (no SockJS). Frames from one
 * connection are handled in the order they came. Fan-out goes through the in-process
 * broker, or through Spring's broker relay to an external STOMP broker (RabbitMQ,
 * ActiveMQ Artemis) when {@code walletdesk.chat.relay.host} is set; user queues then work
 * across instances (user registry and unresolved user messages are broadcast).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocketMessageBroker
class ChatConfiguration implements WebSocketMessageBrokerConfigurer {

	/**
	 * Largest frame accepted: a chat message is at most 2,000 characters; files go over
	 * HTTP. Longer text reaches the STOMP decoder in pieces of Tomcat's text buffer size
	 * (application.yml, server.servlet.context-parameters), see
	 * {@link StreamedTextMessages}.
	 */
	static final int MAX_FRAME = 8 * 1024;

	private final ChatAuthentication authentication;

	private final SubscriptionReceipts receipts;

	private final String relayHost;

	private final int relayPort;

	private final String relayLogin;

	private final String relayPasscode;

	private final String allowedOrigins;

	private final int inboundThreads;

	ChatConfiguration(ChatAuthentication authentication, SubscriptionReceipts receipts,
			@Value("${walletdesk.chat.relay.host:}") String relayHost,
			@Value("${walletdesk.chat.relay.port:61613}") int relayPort,
			@Value("${walletdesk.chat.relay.login:guest}") String relayLogin,
			@Value("${walletdesk.chat.relay.passcode:guest}") String relayPasscode,
			@Value("${walletdesk.chat.allowed-origins:*}") String allowedOrigins,
			@Value("${walletdesk.chat.inbound-threads:16}") int inboundThreads) {
		this.inboundThreads = inboundThreads;
		this.authentication = authentication;
		this.receipts = receipts;
		this.relayHost = relayHost;
		this.relayPort = relayPort;
		this.relayLogin = relayLogin;
		this.relayPasscode = relayPasscode;
		this.allowedOrigins = allowedOrigins;
	}

	@Override
	public void registerStompEndpoints(StompEndpointRegistry registry) {
		// Bearer tokens, not cookies, identify a chat user, so a page on another site
		// embedding the widget is fine.
		registry.addEndpoint("/ws/chat")
			.setAllowedOriginPatterns(allowedOrigins.split(","))
			.addInterceptors(new ClientAddressHandshake());
		registry.setPreserveReceiveOrder(true);
	}

	static final long HEARTBEAT_MS = 10_000;

	private static org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler heartbeats() {
		var scheduler = new org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler();
		scheduler.setPoolSize(1);
		scheduler.setThreadNamePrefix("chat-heartbeat-");
		scheduler.setDaemon(true); // outlives no context: the JVM may exit while it waits
		scheduler.initialize();
		return scheduler;
	}

	@Override
	public void configureMessageBroker(MessageBrokerRegistry registry) {
		registry.setApplicationDestinationPrefixes("/app");
		registry.setUserDestinationPrefix("/user");
		registry.setPreservePublishOrder(true);
		if (StringUtils.hasText(relayHost)) {
			registry.enableStompBrokerRelay("/queue", "/topic")
				.setRelayHost(relayHost)
				.setRelayPort(relayPort)
				.setClientLogin(relayLogin)
				.setClientPasscode(relayPasscode)
				.setSystemLogin(relayLogin)
				.setSystemPasscode(relayPasscode)
				.setUserDestinationBroadcast("/topic/chat.unresolved-user")
				.setUserRegistryBroadcast("/topic/chat.user-registry");
			registry.configureBrokerChannel().interceptors(new ChannelInterceptor() {
				// A message another instance broadcast for one of our users comes back
				// with the broker's
				// "destination-type:MULTICAST"; passed on to a user queue, Artemis would
				// route it as a topic and drop it.
				@Override
				public Message<?> preSend(Message<?> message, MessageChannel channel) {
					SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.wrap(message);
					if (headers.getFirstNativeHeader("destination-type") == null) {
						return message;
					}
					headers.removeNativeHeader("destination-type");
					return MessageBuilder.createMessage(message.getPayload(), headers.getMessageHeaders());
				}
			});
		}
		else {
			// Heart-beats both ways (STOMP 1.2): a phone that lost its network leaves a
			// half-open connection that only
			// silence reveals. The broker closes a connection that stays silent past
			// three beats (then the customer
			// shows as away), and the widget, missing the server's beats, reconnects and
			// resumes.
			registry.enableSimpleBroker("/queue", "/topic")
				.setHeartbeatValue(new long[] { HEARTBEAT_MS, HEARTBEAT_MS })
				.setTaskScheduler(heartbeats());
		}
	}

	@Override
	public void configureWebSocketTransport(WebSocketTransportRegistration registry) {
		registry.setMessageSizeLimit(MAX_FRAME)
			.setSendBufferSizeLimit(512 * 1024)
			.setSendTimeLimit(15_000)
			.addDecoratorFactory(StreamedTextMessages::new);
	}

	@Override
	public void configureClientInboundChannel(ChannelRegistration registration) {
		// Handling a frame mostly waits for PostgreSQL, so more threads than cores keep
		// the connections moving.
		registration.taskExecutor().corePoolSize(inboundThreads).maxPoolSize(inboundThreads);
		registration.interceptors(authentication);
		if (!StringUtils.hasText(relayHost)) {
			registration.interceptors(receipts);
		}
	}

	/**
	 * Keeps the client's address (after a trusted proxy's X-Forwarded-For) with the
	 * session, for the flood limits.
	 */
	static final class ClientAddressHandshake implements org.springframework.web.socket.server.HandshakeInterceptor {

		@Override
		public boolean beforeHandshake(org.springframework.http.server.ServerHttpRequest request,
				org.springframework.http.server.ServerHttpResponse response,
				org.springframework.web.socket.WebSocketHandler handler, Map<String, Object> attributes) {
			if (request instanceof org.springframework.http.server.ServletServerHttpRequest servlet) {
				attributes.put(ChatAuthentication.ADDRESS, servlet.getServletRequest().getRemoteAddr());
				// a staff page signed in by its session cookie (SameSite=Strict: another
				// site's
				// page never sends it)
				com.tpwallet.walletdesk.platform.SessionCookies.token(servlet.getServletRequest())
					.ifPresent(token -> attributes.put(ChatAuthentication.COOKIE_TOKEN, token));
			}
			return true;
		}

		@Override
		public void afterHandshake(org.springframework.http.server.ServerHttpRequest request,
				org.springframework.http.server.ServerHttpResponse response,
				org.springframework.web.socket.WebSocketHandler handler,
				@org.jspecify.annotations.Nullable Exception exception) {
		}

	}

}
