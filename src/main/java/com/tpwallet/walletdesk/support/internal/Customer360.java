package com.tpwallet.walletdesk.support.internal;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;

import com.tpwallet.walletdesk.identity.CustomerProfile;
import com.tpwallet.walletdesk.identity.IdentityApi;
import com.tpwallet.walletdesk.identity.LoginRecord;
import com.tpwallet.walletdesk.platform.Actor;
import com.tpwallet.walletdesk.platform.AuditedAction;
import com.tpwallet.walletdesk.platform.Caller;
import com.tpwallet.walletdesk.platform.ClientAddress;
import com.tpwallet.walletdesk.platform.Refusal;
import com.tpwallet.walletdesk.support.internal.TicketViews.CustomerTicket;
import com.tpwallet.walletdesk.wallet.Balance;
import com.tpwallet.walletdesk.wallet.TransactionView;
import com.tpwallet.walletdesk.wallet.WalletApi;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Everything an agent needs beside a ticket, read through the other modules' APIs; every
 * look is audited.
 */
@Component
class Customer360 {

	/**
	 * {@code failureReasons}: each failure reason shown, in the reader's words (a refusal
	 * of ours, or a bank's or network's decline).
	 */
	record View(CustomerProfile profile, boolean walletFrozen, List<Balance> balances,
			List<TransactionView> recentTransactions, List<TransactionView> failedAttempts,
			List<TransactionView> pendingWithdrawals, List<LoginRecord> recentLogins, List<CustomerTicket> pastTickets,
			java.util.Map<String, String> failureReasons) {
	}

	record Viewed(Actor actor, UUID subjectId, String details) implements AuditedAction {
		public String action() {
			return "staff.customer_360_viewed";
		}

		public String subjectKind() {
			return "customer";
		}
	}

	private final IdentityApi identity;

	private final WalletApi wallet;

	private final TicketDesk desk;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final MessageSource messages;

	Customer360(IdentityApi identity, WalletApi wallet, TicketDesk desk, JdbcClient jdbc,
			ApplicationEventPublisher events, MessageSource messages) {
		this.messages = messages;
		this.identity = identity;
		this.wallet = wallet;
		this.desk = desk;
		this.jdbc = jdbc;
		this.events = events;
	}

	@Transactional
	public View forTicket(UUID ticketId, Caller staff, ClientAddress from) {
		Ticket ticket = desk.visible(ticketId, staff, false);
		UUID customer = ticket.customerId;
		if (customer == null) {
			// an e-mail contact not linked to a customer yet: no wallet to show
			throw Refusal.notFound("customer_not_found");
		}
		CustomerProfile profile = identity.customer(customer).orElseThrow(() -> Refusal.notFound("customer_not_found"));
		events.publishEvent(new Viewed(Actor.of(staff, from), customer, "ticket=" + ticket.number));
		// The matter on screen is this ticket's; the customer's other tickets show only
		// in the languages this staff
		// member serves, as in the ticket list.
		List<CustomerTicket> past = jdbc.sql("""
				SELECT * FROM ticket WHERE customer_id = ? AND id <> ? AND (language = ANY(?) OR assignee_id = ?)
				ORDER BY number DESC LIMIT 10""")
			.params(customer, ticketId, desk.visibleLanguages(staff).toArray(String[]::new), staff.id())
			.query(TicketRepository::map)
			.list()
			.stream()
			.map(CustomerTicket::of)
			.toList();
		List<TransactionView> recent = wallet.recentTransactions(customer, 10);
		List<TransactionView> failed = wallet.failedAttempts(customer, 10);
		java.util.Map<String, String> reasons = new java.util.TreeMap<>();
		java.util.stream.Stream.concat(recent.stream(), failed.stream())
			.map(TransactionView::failureReason)
			.filter(java.util.Objects::nonNull)
			.forEach(code -> reasons.computeIfAbsent(code, this::reasonInWords));
		return new View(profile, wallet.isFrozen(customer), wallet.balances(customer), recent, failed,
				wallet.pendingWithdrawals(customer), identity.recentLogins(customer, 10), past, reasons);
	}

	/**
	 * A bank's or network's decline as the troubleshooters say it, else our own refusal's
	 * message, else "the bank or network refused it".
	 */
	private String reasonInWords(String code) {
		java.util.Locale reader = LocaleContextHolder.getLocale();
		String other = messages.getMessage("finding.reason.other", null, reader);
		String ours = messages.getMessage("problem." + code, new Object[] { "…" }, other, reader);
		return messages.getMessage("finding.reason." + code, null, ours, reader);
	}

}
