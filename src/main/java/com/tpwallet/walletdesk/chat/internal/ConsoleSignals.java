package com.tpwallet.walletdesk.chat.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * What every staff console hears, gathered: the tickets changed and whether the waiting
 * chats changed, sent at most every {@code walletdesk.chat.console-signal-every} (250 ms)
 * as one message per topic. A console reloads what changed at most every few seconds
 * anyway; on a busy day (200 consoles, fifty ticket changes a second) one message per
 * change would be 10,000 frames a second to carry what these carry in 800. Each instance
 * sends what changed on it; with the relay, the broker fans out to every console.
 */
@Component
class ConsoleSignals {

	private final ChatDelivery delivery;

	/** Changed tickets by id, with their numbers, since the last send. */
	private final Map<UUID, Long> tickets = new ConcurrentHashMap<>();

	private final AtomicBoolean queueChanged = new AtomicBoolean();

	ConsoleSignals(ChatDelivery delivery) {
		this.delivery = delivery;
	}

	void ticketChanged(UUID ticketId, long number) {
		tickets.put(ticketId, number);
	}

	void queueChanged() {
		queueChanged.set(true);
	}

	@Scheduled(fixedDelayString = "${walletdesk.chat.console-signal-every:PT0.25S}")
	void send() {
		if (queueChanged.getAndSet(false)) {
			delivery.queueChangedForAll();
		}
		if (tickets.isEmpty()) {
			return;
		}
		List<Map<String, Object>> changed = new ArrayList<>();
		for (UUID id : List.copyOf(tickets.keySet())) {
			Long number = tickets.remove(id);
			if (number != null) {
				changed.add(Map.of("ticketId", id, "number", number));
			}
		}
		delivery.ticketsChangedForStaff(changed);
	}

}
