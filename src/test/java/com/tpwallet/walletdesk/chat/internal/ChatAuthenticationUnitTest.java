package com.tpwallet.walletdesk.chat.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.tpwallet.walletdesk.platform.Caller;
import com.tpwallet.walletdesk.platform.TokenAuthenticator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.MessageBuilder;

/**
 * A CONNECT frame's bearer token, which Spring would write to the log with the frame if
 * sending it failed.
 */
class ChatAuthenticationUnitTest {

	private static final String TOKEN = "tok-3eq00nf46pkvvKZbRaulUdNqChF2Dq5g";

	final TokenAuthenticator tokens = mock(TokenAuthenticator.class);

	final List<Message<?>> toClient = new ArrayList<>();

	final ChatAuthentication authentication = authentication();

	@Test
	void aConnectWhoseTokenCannotBeLookedUpNowIsToldToComeBackAndKeepsNoToken() {
		when(tokens.authenticate(anyString())).thenThrow(new CannotGetJdbcConnectionException("pool exhausted"));
		Message<?> connect = connect();

		assertThat(authentication.preSend(connect, mock(MessageChannel.class))).isNull();

		assertThat(toClient).singleElement().satisfies(error -> {
			StompHeaderAccessor frame = StompHeaderAccessor.wrap(error);
			assertThat(frame.getCommand()).isEqualTo(StompCommand.ERROR);
			assertThat(frame.getMessage()).isEqualTo("temporarily unavailable; try again in a few seconds");
		});
		assertThat(connect.toString()).doesNotContain(TOKEN);
	}

	@Test
	void anAcceptedConnectGoesOnAsItsCallerWithoutTheToken() {
		Caller customer = new Caller(UUID.randomUUID(), Caller.Kind.CUSTOMER, Caller.Role.CUSTOMER, "en", "Li Wei");
		when(tokens.authenticate(TOKEN)).thenReturn(Optional.of(customer));
		Message<?> connect = connect();

		Message<?> passed = authentication.preSend(connect, mock(MessageChannel.class));

		assertThat(passed).isNotNull();
		assertThat(StompHeaderAccessor.wrap(passed).getUser()).isInstanceOfSatisfying(ChatUser.class,
				user -> assertThat(user.getName()).isEqualTo("c:" + customer.id()));
		assertThat(passed.toString()).doesNotContain(TOKEN);
		assertThat(toClient).isEmpty();
	}

	/** A CONNECT as the STOMP handler passes it on: headers still mutable. */
	private static Message<?> connect() {
		StompHeaderAccessor headers = StompHeaderAccessor.create(StompCommand.CONNECT);
		headers.setNativeHeader("Authorization", "Bearer " + TOKEN);
		headers.setSessionId("session-1");
		headers.setSessionAttributes(new HashMap<>(Map.of(ChatAuthentication.ADDRESS, "203.0.113.7")));
		headers.setLeaveMutable(true);
		return MessageBuilder.createMessage(new byte[0], headers.getMessageHeaders());
	}

	@SuppressWarnings("unchecked")
	private ChatAuthentication authentication() {
		MessageChannel outbound = (message, timeout) -> toClient.add(message);
		ObjectProvider<MessageChannel> clientOutbound = mock(ObjectProvider.class);
		when(clientOutbound.getObject()).thenReturn(outbound);
		return new ChatAuthentication(tokens, mock(ObjectProvider.class), mock(ObjectProvider.class), clientOutbound,
				new ChatFloodLimits(1.0), mock(ObjectProvider.class));
	}

}
