package com.tpwallet.walletdesk.chat.internal;

import com.tpwallet.walletdesk.support.SupportEvents.TicketChanged;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Ticket screens update by push over the chat's STOMP connection, not by polling: once a
 * change commits, the ticket's customer hears it on their events queue ({@code {type:
 * "ticket", ticketId, number}}) and every staff console on the desk's topic, gathered
 * with other changes by {@link ConsoleSignals}. No content: the screen reads it through
 * the API with its own rights. Several changes in one transaction are one push; a change
 * that rolls back pushes nothing.
 */
@Component
class TicketPush {

	private static final String PENDING = TicketPush.class.getName();

	private final ChatDelivery delivery;

	private final ConsoleSignals consoles;

	TicketPush(ChatDelivery delivery, ConsoleSignals consoles) {
		this.delivery = delivery;
		this.consoles = consoles;
	}

	@EventListener
	void on(TicketChanged changed) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			push(changed);
			return;
		}
		@SuppressWarnings("unchecked")
		Map<UUID, TicketChanged> pending = (Map<UUID, TicketChanged>) TransactionSynchronizationManager
			.getResource(PENDING);
		if (pending == null) {
			Map<UUID, TicketChanged> fresh = new LinkedHashMap<>();
			TransactionSynchronizationManager.bindResource(PENDING, fresh);
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					TransactionSynchronizationManager.unbindResourceIfPossible(PENDING);
					if (status == STATUS_COMMITTED) {
						fresh.values().forEach(TicketPush.this::push);
					}
				}
			});
			pending = fresh;
		}
		pending.put(changed.ticketId(), changed);
	}

	private void push(TicketChanged t) {
		consoles.ticketChanged(t.ticketId(), t.number());
		if (t.customerId() != null) {
			delivery.event(ChatUser.customerName(t.customerId()),
					Map.of("type", "ticket", "ticketId", t.ticketId(), "number", t.number()));
		}
	}

}
