package com.tpwallet.walletdesk.chat.internal;

import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.WebSocketHandlerDecorator;
import org.springframework.web.socket.handler.WebSocketSessionDecorator;

/**
 * Lets the container hand over a long text message in pieces instead of keeping a
 * message-sized buffer for every connection. Spring's STOMP handler would raise that
 * buffer to 16,640 characters (33 KB) on each connection, a third of all the memory a
 * connection costs. Its buffering decoder puts STOMP frames back together from the
 * pieces, and it still refuses a frame over {@link ChatConfiguration#MAX_FRAME} with a
 * STOMP ERROR. A piece never ends inside a character: the container's UTF-8 decoder
 * leaves a surrogate pair whole for the next piece.
 */
final class StreamedTextMessages extends WebSocketHandlerDecorator {

	StreamedTextMessages(WebSocketHandler delegate) {
		super(delegate);
	}

	@Override
	public boolean supportsPartialMessages() {
		return true;
	}

	@Override
	public void afterConnectionEstablished(WebSocketSession session) throws Exception {
		super.afterConnectionEstablished(new FixedTextBuffer(session));
	}

	/**
	 * Keeps the container's text buffer at its configured size whatever a handler asks
	 * for.
	 */
	private static final class FixedTextBuffer extends WebSocketSessionDecorator {

		FixedTextBuffer(WebSocketSession session) {
			super(session);
		}

		@Override
		public void setTextMessageSizeLimit(int limit) {
			// the STOMP decoder assembles long frames from pieces
		}

	}

}
