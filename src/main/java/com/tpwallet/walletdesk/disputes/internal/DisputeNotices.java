package com.tpwallet.walletdesk.disputes.internal;

import com.tpwallet.walletdesk.identity.CustomerProfile;
import com.tpwallet.walletdesk.identity.IdentityApi;
import com.tpwallet.walletdesk.identity.StaffMember;
import com.tpwallet.walletdesk.notifications.Notice;
import com.tpwallet.walletdesk.notifications.Notifications;
import com.tpwallet.walletdesk.platform.Caller.Role;
import com.tpwallet.walletdesk.platform.Languages;
import com.tpwallet.walletdesk.wallet.TransactionView;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * What a dispute's moves say, in the customer's language: the in-app notice of every move
 * (and an SMS or e-mail for the ones that change what they have), the ticket's subject
 * and first message, the notes on postings, and the supervisors' alert when a deadline
 * passes.
 */
@Component
class DisputeNotices {

	/**
	 * Moves whose notice also leaves the app: money or a question the customer must see.
	 */
	static final Set<String> ALSO_OUTSIDE = Set.of("decided", "customer_asked", "provisional_credit");

	/** Moves that are staff's business only. */
	static final Set<String> STAFF_ONLY = Set.of("escalated");

	private final Notifications notifications;

	private final IdentityApi identity;

	private final MessageSource messages;

	DisputeNotices(Notifications notifications, IdentityApi identity, MessageSource messages) {
		this.notifications = notifications;
		this.identity = identity;
		this.messages = messages;
	}

	void tellCustomer(Dispute d, String transition) {
		if (STAFF_ONLY.contains(transition)) {
			return;
		}
		String template = template(d, transition);
		Object[] args = args(d, transition);
		if (!ALSO_OUTSIDE.contains(transition)) {
			notifications.send(Notice.inApp(d.customerId, d.language, template, args));
			return;
		}
		CustomerProfile customer = identity.customer(d.customerId).orElseThrow();
		notifications.tellCustomer(d.customerId, d.language, customer.noticePhone(), customer.noticeEmail(), template,
				args);
	}

	/** {@code dispute-decided-refund}, {@code dispute-opened}... */
	static String template(Dispute d, String transition) {
		String name = "dispute-" + transition.replace('_', '-');
		return transition.equals("decided") && d.outcome != null ? name + "-" + d.outcome.code().replace('_', '-')
				: name;
	}

	/**
	 * {0} the dispute's number, {1} what this move adds (a date, an amount, a reason).
	 */
	private Object[] args(Dispute d, String transition) {
		String number = Long.toString(d.number);
		return switch (transition) {
			case "opened", "reopened" -> new Object[] { number, d.decideDue.toString() };
			case "customer_asked" -> new Object[] { number, String.valueOf(d.question) };
			case "merchant_asked" -> new Object[] { number, String.valueOf(d.merchantDue) };
			case "decided" -> new Object[] { number, money(d.refunded, d.currency), String.valueOf(d.decisionReason) };
			case "provisional_credit" -> new Object[] { number, money(d.provisionalAmount, d.currency) };
			case "provisional_taken_back" ->
				new Object[] { number, money(d.provisionalAmount - d.provisionalOutstanding, d.currency),
						money(d.provisionalOutstanding, d.currency) };
			default -> new Object[] { number };
		};
	}

	void tellSupervisors(Dispute d) {
		for (StaffMember m : identity.staffMembers()) {
			if (m.role() == Role.SUPERVISOR || m.role() == Role.ADMIN) {
				notifications.send(Notice.inApp(m.id(), m.languages().get(0), "dispute-overdue",
						Long.toString(d.number), d.decideDue.toString()));
			}
		}
	}

	String ticketSubject(Dispute d, TransactionView movement) {
		return text(d, "dispute.ticket.subject", Long.toString(d.number), movement.reference(),
				text(d, "page.dispute.reason." + d.reason.code()));
	}

	String ticketBody(Dispute d, TransactionView movement) {
		return text(d, "dispute.ticket.body", text(d, "page.dispute.reason." + d.reason.code()),
				text(d, "page.type." + movement.type().code()), money(movement.amount(), movement.currency()),
				movement.createdAt().toString(), String.valueOf(movement.counterparty()), d.decideDue.toString(),
				d.description);
	}

	String provisionalNote(Dispute d) {
		return text(d, "dispute.note.provisional", Long.toString(d.number));
	}

	String refundNote(Dispute d) {
		return text(d, "dispute.note.refund", Long.toString(d.number));
	}

	/**
	 * The reason the customer reads when no person decided (the merchant did, or did not
	 * answer).
	 */
	String systemReason(Dispute d, String why) {
		return text(d, "dispute.decision." + why);
	}

	private String text(Dispute d, String key, Object... args) {
		Locale locale = Languages.match(d.language).orElse(Languages.DEFAULT);
		return messages.getMessage(key, args, locale);
	}

	/** 12000 CNY → "120.00 CNY": the wallet's currencies have two decimals. */
	static String money(long minor, String currency) {
		return BigDecimal.valueOf(minor, 2).toPlainString() + " " + currency;
	}

}
