package com.tpwallet.walletdesk.chat.internal;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageHandler;
import org.springframework.messaging.simp.broker.SimpleBrokerMessageHandler;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ExecutorChannelInterceptor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;

/**
 * Answers a SUBSCRIBE that asks for a receipt once the in-process broker has registered
 * it (the broker relay gets receipts from the external broker; Spring's simple broker
 * sends none). Clients can then wait for the receipt before sending, whichever broker
 * runs.
 */
@Component
class SubscriptionReceipts implements ExecutorChannelInterceptor {

	private final ObjectProvider<MessageChannel> clientOutbound;

	SubscriptionReceipts(@Qualifier("clientOutboundChannel") ObjectProvider<MessageChannel> clientOutbound) {
		this.clientOutbound = clientOutbound;
	}

	@Override
	public void afterMessageHandled(Message<?> message, MessageChannel channel, MessageHandler handler,
			@Nullable Exception ex) {
		if (!(handler instanceof SimpleBrokerMessageHandler) || ex != null) {
			return;
		}
		StompHeaderAccessor stomp = StompHeaderAccessor.wrap(message);
		if (stomp.getCommand() != StompCommand.SUBSCRIBE || stomp.getReceipt() == null) {
			return;
		}
		StompHeaderAccessor receipt = StompHeaderAccessor.create(StompCommand.RECEIPT);
		receipt.setReceiptId(stomp.getReceipt());
		receipt.setSessionId(stomp.getSessionId());
		clientOutbound.getObject().send(MessageBuilder.createMessage(new byte[0], receipt.getMessageHeaders()));
	}

}
