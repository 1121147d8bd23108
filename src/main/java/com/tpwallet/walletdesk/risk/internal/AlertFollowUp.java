package com.tpwallet.walletdesk.risk.internal;

import com.tpwallet.walletdesk.identity.CustomerProfile;
import com.tpwallet.walletdesk.identity.IdentityApi;
import com.tpwallet.walletdesk.notifications.Notice;
import com.tpwallet.walletdesk.notifications.Notifications;
import com.tpwallet.walletdesk.platform.Languages;
import com.tpwallet.walletdesk.risk.RiskEvents.AlertRaised;
import com.tpwallet.walletdesk.support.SupportApi;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * What follows an alert, right after it is committed: the customer is told in their
 * language, in the app and by SMS (or e-mail), with what to do; and a ticket with the
 * evidence opens in the security queue in their language.
 */
@Component
class AlertFollowUp {

	private final IdentityApi identity;

	private final Notifications notifications;

	private final SupportApi support;

	private final RiskAlerts alerts;

	private final MessageSource messages;

	AlertFollowUp(IdentityApi identity, Notifications notifications, SupportApi support, RiskAlerts alerts,
			MessageSource messages) {
		this.identity = identity;
		this.notifications = notifications;
		this.support = support;
		this.alerts = alerts;
		this.messages = messages;
	}

	@ApplicationModuleListener
	void on(AlertRaised raised) {
		CustomerProfile customer = identity.customer(raised.customerId()).orElseThrow();
		String template = "risk-" + raised.measure();
		notifications.tellCustomer(customer.id(), customer.language(), customer.noticePhone(), customer.noticeEmail(),
				template);
		Locale locale = Languages.match(customer.language()).orElse(Languages.DEFAULT);
		String reasons = raised.reasons()
			.stream()
			.map(code -> "• " + messages.getMessage("risk.rule." + code, null, code, locale))
			.collect(Collectors.joining("\n"));
		String subject = messages.getMessage("risk.ticket.subject." + raised.measure(), null, locale);
		String body = messages.getMessage("risk.ticket.body." + raised.measure(),
				new Object[] { String.format(Locale.ROOT, "%.2f", raised.score()),
						reasons.isEmpty() ? messages.getMessage("risk.ticket.model_only", null, locale) : reasons },
				locale);
		SupportApi.OpenedTicket ticket = support.openTicket(customer.id(),
				new SupportApi.NewTicket(subject, body, customer.language(), "security", "monitor", null,
						raised.measure().equals("freeze") ? "urgent" : "high"));
		alerts.linkTicket(raised.alertId(), ticket.id());
	}

}
