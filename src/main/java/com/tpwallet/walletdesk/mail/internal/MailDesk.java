package com.tpwallet.walletdesk.mail.internal;

import com.tpwallet.walletdesk.identity.IdentityApi;
import com.tpwallet.walletdesk.mail.MailEvents.ContactLinked;
import com.tpwallet.walletdesk.platform.Actor;
import com.tpwallet.walletdesk.platform.Caller;
import com.tpwallet.walletdesk.platform.ClientAddress;
import com.tpwallet.walletdesk.platform.Refusal;
import com.tpwallet.walletdesk.support.SupportApi;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What staff do with the e-mail channel; each object checked against the staff member.
 */
@Service
class MailDesk {

	private final MailStore store;

	private final SupportApi support;

	private final IdentityApi identity;

	private final MailboxHealth.MailboxStates mailboxes;

	private final ApplicationEventPublisher events;

	MailDesk(MailStore store, SupportApi support, IdentityApi identity, MailboxHealth.MailboxStates mailboxes,
			ApplicationEventPublisher events) {
		this.store = store;
		this.support = support;
		this.identity = identity;
		this.mailboxes = mailboxes;
		this.events = events;
	}

	List<MailStore.Stored> mails(UUID ticketId, Caller staff) {
		support.requireSeenBy(ticketId, staff);
		return store.messagesOf(ticketId);
	}

	byte[] original(UUID mailId, Caller staff) {
		MailStore.Original original = store.original(mailId).orElseThrow(() -> Refusal.notFound("mail_not_found"));
		if (original.ticketId() == null) {
			// mail on no ticket (loops, unreadable): supervisors only
			if (!staff.hasAtLeast(Caller.Role.SUPERVISOR)) {
				throw Refusal.notFound("mail_not_found");
			}
		}
		else {
			support.requireSeenBy(original.ticketId(), staff);
		}
		return original.raw();
	}

	record Linked(UUID contactId, UUID customerId, int tickets) {
	}

	@Transactional
	public Linked link(UUID contactId, UUID customerId, Caller staff, ClientAddress from) {
		MailStore.Contact contact = store.contactById(contactId)
			.orElseThrow(() -> Refusal.notFound("mail_contact_not_found"));
		identity.customer(customerId).orElseThrow(() -> Refusal.unprocessable("customer_unknown"));
		if (contact.customerId() != null && !contact.customerId().equals(customerId)) {
			throw Refusal.conflict("mail_contact_linked");
		}
		store.link(contactId, customerId);
		int tickets = support.linkContact(contactId, customerId);
		events.publishEvent(new ContactLinked(Actor.of(staff, from), contactId, customerId, tickets));
		return new Linked(contactId, customerId, tickets);
	}

	List<MailboxHealth.MailboxStates.State> mailboxes() {
		return mailboxes.all();
	}

}
