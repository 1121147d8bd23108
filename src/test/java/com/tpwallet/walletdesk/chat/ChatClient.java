package com.tpwallet.walletdesk.chat;

import java.lang.reflect.Type;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.springframework.messaging.converter.StringMessageConverter;
import org.springframework.messaging.simp.stomp.StompFrameHandler;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A STOMP client of /ws/chat for tests: collects chat messages and events, sends JSON.
 */
public class ChatClient implements AutoCloseable {

	static final JsonMapper JSON = JsonMapper.builder().build();

	public final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();

	public final BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();

	/** The {@code message} header of each STOMP ERROR frame the server sent. */
	public final BlockingQueue<String> errors = new LinkedBlockingQueue<>();

	/** The server's CONNECTED frame headers (heart-beat, version, ...). */
	public volatile StompHeaders connected;

	private final WebSocketStompClient client;

	private final StompSession session;

	private final org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler scheduler;

	public ChatClient(int port, String bearer, String visitorId) throws Exception {
		// this client's own buffer would come from the server's small default in the same
		// JVM: chat history can be long
		jakarta.websocket.WebSocketContainer container = jakarta.websocket.ContainerProvider.getWebSocketContainer();
		container.setDefaultMaxTextMessageBufferSize(256 * 1024);
		client = new WebSocketStompClient(new StandardWebSocketClient(container));
		org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler scheduler = new org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler();
		scheduler.initialize();
		client.setTaskScheduler(scheduler); // needed to track subscription receipts
		this.scheduler = scheduler;
		client.setMessageConverter(new StringMessageConverter() {
			{
				addSupportedMimeTypes(org.springframework.util.MimeTypeUtils.APPLICATION_JSON);
			}
		});
		StompHeaders connect = new StompHeaders();
		if (bearer != null) {
			connect.add("Authorization", "Bearer " + bearer);
		}
		if (visitorId != null) {
			connect.add("visitor-id", visitorId);
		}
		session = client.connectAsync("ws://127.0.0.1:" + port + "/ws/chat", new WebSocketHttpHeaders(), connect,
				new StompSessionHandlerAdapter() {
					@Override
					public Type getPayloadType(StompHeaders headers) {
						return String.class;
					}

					@Override
					public void handleFrame(StompHeaders headers, Object payload) {
						errors.add(String.valueOf(headers.getFirst("message")));
					}

					@Override
					public void afterConnected(StompSession session, StompHeaders headers) {
						connected = headers;
					}
				})
			.get(10, TimeUnit.SECONDS);
		subscribe("/user/queue/chat", messages);
		subscribe("/user/queue/chat.events", events);
	}

	/**
	 * Subscribes and waits for the broker's receipt, so that nothing sent afterwards can
	 * overtake the subscription.
	 */
	public void subscribe(String destination, BlockingQueue<JsonNode> into) {
		java.util.concurrent.CountDownLatch receipt = new java.util.concurrent.CountDownLatch(1);
		StompHeaders headers = new StompHeaders();
		headers.setDestination(destination);
		headers.setReceipt("r-" + destination);
		StompSession.Subscription subscription = session.subscribe(headers, new StompFrameHandler() {
			@Override
			public Type getPayloadType(StompHeaders headers) {
				return String.class;
			}

			@Override
			public void handleFrame(StompHeaders headers, Object payload) {
				into.add(JSON.readTree((String) payload));
			}
		});
		subscription.addReceiptTask(receipt::countDown);
		try {
			if (!receipt.await(10, TimeUnit.SECONDS)) {
				throw new IllegalStateException("no receipt for the subscription to " + destination);
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	/** A subscription whose refusal (a STOMP ERROR) the test waits for. */
	public void subscribeWithoutReceipt(String destination) {
		session.subscribe(destination, new StompSessionHandlerAdapter() {
		});
	}

	public void send(String destination, Object body) {
		StompHeaders headers = new StompHeaders();
		headers.setDestination(destination);
		headers.setContentType(org.springframework.util.MimeTypeUtils.APPLICATION_JSON);
		session.send(headers, body instanceof String s ? s : JSON.writeValueAsString(body));
	}

	/** The next message matching, waiting up to 15 s; fails the test when none comes. */
	public JsonNode next(Predicate<JsonNode> wanted) throws InterruptedException {
		return next(messages, wanted);
	}

	public JsonNode nextEvent(Predicate<JsonNode> wanted) throws InterruptedException {
		return next(events, wanted);
	}

	static JsonNode next(BlockingQueue<JsonNode> queue, Predicate<JsonNode> wanted) throws InterruptedException {
		long end = System.currentTimeMillis() + 15_000;
		while (System.currentTimeMillis() < end) {
			JsonNode n = queue.poll(200, TimeUnit.MILLISECONDS);
			if (n != null && wanted.test(n)) {
				return n;
			}
		}
		throw new AssertionError("no matching frame within 15 s");
	}

	public List<JsonNode> drain() {
		List<JsonNode> out = new java.util.ArrayList<>();
		messages.drainTo(out);
		return out;
	}

	public List<JsonNode> drainEvents() {
		List<JsonNode> out = new java.util.ArrayList<>();
		events.drainTo(out);
		return out;
	}

	public boolean connected() {
		return session.isConnected();
	}

	/** Stops the client without a goodbye: for a server that is already gone. */
	public void abandon() {
		client.stop();
		scheduler.shutdown();
	}

	@Override
	public void close() {
		if (session.isConnected()) {
			try {
				session.disconnect();
			}
			catch (org.springframework.messaging.MessageDeliveryException | IllegalStateException closedMeanwhile) {
				// the server closed the connection first (after an ERROR frame, say),
				// while the frame was sent or since isConnected() said yes ("Connection
				// closed"): nothing left to disconnect
			}
		}
		client.stop();
		scheduler.shutdown();
	}

}
