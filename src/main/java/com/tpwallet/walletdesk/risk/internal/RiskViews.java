package com.tpwallet.walletdesk.risk.internal;

import com.tpwallet.walletdesk.identity.IdentityApi;
import com.tpwallet.walletdesk.platform.Caller;
import com.tpwallet.walletdesk.platform.CursorPage;
import com.tpwallet.walletdesk.platform.Refusal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Alerts and decisions as staff read them: codes for programs, and the same in words in
 * the reader's language. An agent reads only customers they reach.
 */
@Component
class RiskViews {

	record AlertView(UUID id, UUID customerId, String action, String actionText, String status, String statusText,
			double score, List<String> reasons, List<String> explanations, List<String> topFeatures,
			@Nullable UUID ticketId, @Nullable UUID reviewedBy, @Nullable String reviewNote,
			@Nullable Instant reviewedAt, Instant createdAt) {
	}

	record AlertDetail(AlertView alert, List<DecisionText> evidence) {
	}

	record Confirmed(AlertView alert, int reversed) {
	}

	record DecisionText(UUID id, String kind, String kindText, String direction, @Nullable UUID transactionId,
			@Nullable String counterparty, long amount, @Nullable String currency, String decision, String decisionText,
			double score, List<String> rules, List<String> explanations, List<String> topFeatures, Instant decidedAt) {
	}

	private final RiskAlerts alerts;

	private final IdentityApi identity;

	private final MessageSource messages;

	RiskViews(RiskAlerts alerts, IdentityApi identity, MessageSource messages) {
		this.alerts = alerts;
		this.identity = identity;
		this.messages = messages;
	}

	@Transactional(readOnly = true)
	CursorPage<AlertView> alerts(@Nullable String status, @Nullable UUID customerId, @Nullable String cursor, int limit,
			Caller staff) {
		if (customerId != null) {
			identity.requireStaffReach(staff.id(), customerId);
		}
		CursorPage<RiskAlerts.Alert> page = alerts.page(status, customerId, cursor, limit);
		List<AlertView> items = page.items()
			.stream()
			.filter(a -> reaches(staff, a.customerId()))
			.map(this::view)
			.toList();
		return new CursorPage<>(items, page.nextCursor());
	}

	@Transactional(readOnly = true)
	AlertDetail alert(UUID id, Caller staff) {
		RiskAlerts.Alert alert = alerts.find(id)
			.filter(a -> reaches(staff, a.customerId()))
			.orElseThrow(() -> Refusal.notFound("risk_alert_not_found"));
		return new AlertDetail(view(alert), alerts.evidence(alert, 50).stream().map(this::text).toList());
	}

	@Transactional(readOnly = true)
	List<DecisionText> decisions(UUID customerId, int limit, Caller staff) {
		identity.requireStaffReach(staff.id(), customerId);
		return alerts.decisions(customerId, limit).stream().map(this::text).toList();
	}

	@Transactional(readOnly = true)
	String reviewedAsCsv() {
		return alerts.reviewedAsCsv();
	}

	AlertView view(RiskAlerts.Alert a) {
		return new AlertView(a.id(), a.customerId(), a.action(), word("risk.decision." + a.action()), a.status(),
				word("risk.alert.status." + a.status()), a.score(), a.reasons(), explanations(a.reasons()),
				a.topFeatures(), a.ticketId(), a.reviewedBy(), a.reviewNote(), a.reviewedAt(), a.createdAt());
	}

	private DecisionText text(RiskAlerts.DecisionView d) {
		return new DecisionText(d.id(), d.kind(), word("risk.kind." + d.kind()), d.direction(), d.transactionId(),
				d.counterparty(), d.amount(), d.currency(), d.decision(), word("risk.decision." + d.decision()),
				d.score(), d.rules(), explanations(d.rules()), d.topFeatures(), d.decidedAt());
	}

	private List<String> explanations(List<String> rules) {
		return rules.stream().map(code -> word("risk.rule." + code)).toList();
	}

	private String word(String key) {
		Locale locale = LocaleContextHolder.getLocale();
		return messages.getMessage(key, null, key, locale);
	}

	private boolean reaches(Caller staff, UUID customerId) {
		try {
			identity.requireStaffReach(staff.id(), customerId);
			return true;
		}
		catch (Refusal unreachable) {
			return false;
		}
	}

}
