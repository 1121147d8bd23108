package com.tpwallet.walletdesk.support.internal;

import com.tpwallet.walletdesk.support.StatedContact;
import com.tpwallet.walletdesk.support.internal.VisitorMessageController.Received;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * Messages from visitors who are not signed in: a ticket in the queue of their language,
 * with who they say they are; the answer goes to their phone by SMS, else by e-mail.
 */
@Service
class VisitorMessages {

	private final TicketDesk desk;

	private final MessageSource messages;

	VisitorMessages(TicketDesk desk, MessageSource messages) {
		this.desk = desk;
		this.messages = messages;
	}

	Received leave(String name, String phone, String email, String message, String language) {
		StatedContact visitor = StatedContact.of(name, phone, email);
		String text = TicketDesk.plainText(message);
		Ticket t = desk.openForVisitor(visitor,
				new TicketDesk.Opening(subject(text, language), message, language, null, null, "web", null));
		return new Received(t.number, t.firstResponseDue, visitor.phone() != null ? "sms" : "email");
	}

	/** The first line of what they wrote, else "Message from a visitor". */
	private String subject(String text, String language) {
		String first = text.strip().lines().findFirst().orElse("").strip();
		if (first.isEmpty()) {
			return messages.getMessage("ticket.visitor.subject", null, Locale.forLanguageTag(language));
		}
		return first.length() <= 80 ? first : first.substring(0, 79).strip() + "…";
	}

}
