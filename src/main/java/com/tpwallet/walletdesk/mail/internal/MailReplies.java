package com.tpwallet.walletdesk.mail.internal;

import com.tpwallet.walletdesk.support.SupportEvents.AgentAttached;
import com.tpwallet.walletdesk.support.SupportEvents.AgentReplied;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * An agent's answer on a ticket that came by e-mail goes back by e-mail: queued in the
 * outbox in the same transaction as the entry, so that neither exists without the other.
 */
@Component
class MailReplies {

	private final MailOutbox outbox;

	MailReplies(MailOutbox outbox) {
		this.outbox = outbox;
	}

	@EventListener
	void on(AgentReplied reply) {
		outbox.reply(reply.ticketId(), reply.entryId(), reply.text(), reply.translated(), null);
	}

	/** A file an agent put on the ticket goes to the requester attached to a mail. */
	@EventListener
	void on(AgentAttached file) {
		outbox.reply(file.ticketId(), file.entryId(), outbox.fileSent(file.ticketId(), file.fileName()), null,
				file.attachmentId());
	}

}
