package com.tpwallet.walletdesk.support.internal;

import com.tpwallet.walletdesk.support.SupportApi;
import java.util.UUID;
import org.springframework.stereotype.Service;

@Service
class SupportFacade implements SupportApi {

	private final TicketDesk desk;

	SupportFacade(TicketDesk desk) {
		this.desk = desk;
	}

	@Override
	public OpenedTicket openTicket(UUID customerId, NewTicket request) {
		Ticket ticket = desk.open(customerId, new TicketDesk.NewTicket(request.subject(), request.message(), request.language(),
				request.transactionId(), request.topic(), request.channel(), null));
		return new OpenedTicket(ticket.id, ticket.number);
	}
}
