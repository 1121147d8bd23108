package com.tpwallet.walletdesk.chat.internal;

import com.tpwallet.walletdesk.support.SupportApi;
import com.tpwallet.walletdesk.support.SupportEvents.TicketChanged;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Ticket screens update by push over the chat's STOMP connection, not by polling: once a
 * change commits, the ticket's customer hears it on their events queue and every staff
 * console on the desk's topic ({@code {type: "ticket", ticketId}}; no content, which the
 * screen reads through the API with its own rights). Several changes in one transaction
 * are one push; a change that rolls back pushes nothing.
 */
@Component
class TicketPush {

	private static final String PENDING = TicketPush.class.getName();

	private final ChatDelivery delivery;

	private final SupportApi support;

	TicketPush(ChatDelivery delivery, SupportApi support) {
		this.delivery = delivery;
		this.support = support;
	}

	@EventListener
	void on(TicketChanged changed) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			push(changed.ticketId());
			return;
		}
		@SuppressWarnings("unchecked")
		Set<UUID> pending = (Set<UUID>) TransactionSynchronizationManager.getResource(PENDING);
		if (pending == null) {
			Set<UUID> fresh = new LinkedHashSet<>();
			TransactionSynchronizationManager.bindResource(PENDING, fresh);
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					TransactionSynchronizationManager.unbindResourceIfPossible(PENDING);
					if (status == STATUS_COMMITTED) {
						fresh.forEach(TicketPush.this::push);
					}
				}
			});
			pending = fresh;
		}
		pending.add(changed.ticketId());
	}

	private void push(UUID ticketId) {
		support.ticket(ticketId).ifPresent(t -> {
			Map<String, Object> event = Map.of("type", "ticket", "ticketId", t.id(), "number", t.number());
			delivery.ticketChangedForStaff(event);
			if (t.customerId() != null) {
				delivery.event(ChatUser.customerName(t.customerId()), event);
			}
		});
	}

}
