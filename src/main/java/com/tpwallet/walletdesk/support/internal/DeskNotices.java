package com.tpwallet.walletdesk.support.internal;

import com.tpwallet.walletdesk.identity.IdentityApi;
import com.tpwallet.walletdesk.identity.StaffMember;
import com.tpwallet.walletdesk.notifications.Notice;
import com.tpwallet.walletdesk.notifications.Notifications;
import com.tpwallet.walletdesk.platform.Caller.Role;
import com.tpwallet.walletdesk.support.StatedContact;
import com.tpwallet.walletdesk.support.SupportEvents.AgentReplied;
import com.tpwallet.walletdesk.support.SupportEvents.SlaBreached;
import com.tpwallet.walletdesk.support.SupportEvents.TicketSolved;
import com.tpwallet.walletdesk.platform.Languages;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Who hears about what on the desk: supervisors get an in-app alert for every SLA breach,
 * and a customer whose ticket is solved gets the one-question satisfaction survey in
 * their language (in the app inbox and by SMS or e-mail), as does a customer an agent
 * answered on a ticket (one that came by e-mail gets the answer itself by e-mail
 * instead). Written in the transaction of the change, so nothing is announced that rolled
 * back.
 */
@Component
class DeskNotices {

	private final Notifications notifications;

	private final IdentityApi identity;

	private final TicketRepository tickets;

	private final MessageSource messages;

	/** Where customers open their tickets, for links in what they are sent. */
	private final String ticketsLink;

	DeskNotices(Notifications notifications, IdentityApi identity, TicketRepository tickets, MessageSource messages,
			@org.springframework.beans.factory.annotation.Value("${walletdesk.public-url:http://localhost:8080}") String publicUrl) {
		this.ticketsLink = publicUrl.replaceAll("/+$", "") + "/help/tickets";
		this.notifications = notifications;
		this.messages = messages;
		this.identity = identity;
		this.tickets = tickets;
	}

	@EventListener
	void on(SlaBreached breach) {
		Ticket t = tickets.find(breach.ticketId()).orElseThrow();
		for (StaffMember m : identity.staffMembers()) {
			if (m.role() == Role.SUPERVISOR || m.role() == Role.ADMIN) {
				String language = m.languages().get(0);
				notifications.send(
						Notice
							.inApp(m.id(), language, "sla-breached", Long.toString(t.number),
									queueName(breach.queue(), language),
									messages.getMessage(
											breach.target().equals("first_response") ? "page.agent.sla.first"
													: "page.agent.sla.resolution",
											null, Locale.forLanguageTag(language))));
			}
		}
	}

	/**
	 * "withdrawals-zh-cn" as a reader of {@code language} says it: "Withdrawals ·
	 * Chinese".
	 */
	private String queueName(String queue, String language) {
		Locale locale = Locale.forLanguageTag(language);
		int cut = queue.indexOf('-');
		String queueLanguage = Languages.match(queue.substring(cut + 1)).map(Languages::tagOf).orElse("en");
		return messages.getMessage("page.topic." + queue.substring(0, cut), null, queue, locale) + " · "
				+ messages.getMessage("page.language." + queueLanguage, null, queueLanguage, locale);
	}

	@EventListener
	void on(TicketSolved solved) {
		Ticket t = tickets.find(solved.ticketId()).orElseThrow();
		if (solved.customerId() == null) {
			return; // an e-mail contact hears from the mail channel
		}
		identity.customer(solved.customerId())
			.ifPresent(c -> notifications.tellCustomer(c.id(), t.language, c.noticePhone(), c.noticeEmail(),
					"satisfaction-survey", Long.toString(t.number), t.subject));
	}

	@EventListener
	void on(AgentReplied reply) {
		Ticket t = tickets.find(reply.ticketId()).orElseThrow();
		if (t.customerId == null && t.stated != null) {
			answerVisitor(t, reply.text());
			return;
		}
		if (t.customerId == null || t.channel.equals("email")) {
			return;
		}
		identity.customer(t.customerId)
			.ifPresent(c -> notifications.tellCustomer(c.id(), t.language, c.noticePhone(), c.noticeEmail(),
					"ticket-answered", Long.toString(t.number), t.subject, ticketsLink + "?lang=" + t.language));
	}

	/**
	 * A visitor cannot sign in to read the answer: it goes to them, by SMS to the phone
	 * they gave, else by e-mail.
	 */
	private void answerVisitor(Ticket t, String text) {
		StatedContact visitor = java.util.Objects.requireNonNull(t.stated);
		Object[] args = { Long.toString(t.number), text };
		notifications
			.send(visitor.phone() != null ? Notice.sms(visitor.phone(), t.language, "visitor-answered", args) : Notice
				.email(java.util.Objects.requireNonNull(visitor.email()), t.language, "visitor-answered", args));
	}

}
