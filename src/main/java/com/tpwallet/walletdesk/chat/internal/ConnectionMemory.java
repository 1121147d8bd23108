package com.tpwallet.walletdesk.chat.internal;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Smaller per-connection buffers in Tomcat, because chat keeps thousands of connections
 * open and each buffer is held for the connection's whole life: the socket's application
 * buffers (8 KB each way by default), the WebSocket output, encoder and frame-input
 * buffers (8 KB each) and the message buffers (8 K characters of text, 8 KB binary). Chat
 * frames are a few hundred bytes; longer ones take more than one buffer-full, and text
 * messages arrive in pieces (see {@link StreamedTextMessages}). Saves about 45 KB per
 * connection.
 */
@Component
class ConnectionMemory implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

	/**
	 * Tomcat reads this system property once, when its WebSocket support starts, which is
	 * after this runs.
	 */
	static final String WEBSOCKET_BUFFER = "org.apache.tomcat.websocket.DEFAULT_BUFFER_SIZE";

	@Override
	public void customize(TomcatServletWebServerFactory factory) {
		System.getProperties().putIfAbsent(WEBSOCKET_BUFFER, "2048");
		// set on the context itself: Boot's server.servlet.context-parameters come after
		// Tomcat's WebSocket
		// support has read them
		factory.addContextCustomizers(context -> {
			context.addParameter("org.apache.tomcat.websocket.textBufferSize", "1024");
			context.addParameter("org.apache.tomcat.websocket.binaryBufferSize", "1024");
		});
		factory.addConnectorCustomizers(connector -> {
			connector.setProperty("socket.appReadBufSize", "4096");
			connector.setProperty("socket.appWriteBufSize", "4096");
		});
	}

}
