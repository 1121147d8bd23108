package com.tpwallet.walletdesk.risk.internal;

import com.tpwallet.walletdesk.identity.IdentityApi;
import com.tpwallet.walletdesk.platform.Actor;
import com.tpwallet.walletdesk.platform.Caller;
import com.tpwallet.walletdesk.platform.ClientAddress;
import com.tpwallet.walletdesk.platform.Refusal;
import com.tpwallet.walletdesk.risk.RiskEvents.AlertReviewed;
import com.tpwallet.walletdesk.wallet.WalletApi;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A supervisor's verdict on an alert, audited either way. Released: a false positive; the
 * wallet is unfrozen and the decision is labelled legitimate for the next training run.
 * Confirmed: fraud; the freeze stays, what can still be reversed is reversed (held
 * withdrawals, transfers whose money is still with the recipient) and the customer must
 * reset their password before signing in again.
 */
@Component
class AlertReview {

	/** Money that left this long before the alert is reversed when fraud is confirmed. */
	static final Duration REVERSIBLE = Duration.ofDays(1);

	record Outcome(RiskAlerts.Alert alert, int reversed) {
	}

	private final RiskAlerts alerts;

	private final WalletApi wallet;

	private final IdentityApi identity;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	AlertReview(RiskAlerts alerts, WalletApi wallet, IdentityApi identity, ApplicationEventPublisher events,
			Clock clock) {
		this.alerts = alerts;
		this.wallet = wallet;
		this.identity = identity;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	Outcome release(UUID alertId, String note, Caller supervisor, ClientAddress from) {
		RiskAlerts.Alert alert = alerts.lockOpen(alertId);
		Actor actor = Actor.of(supervisor, from);
		alerts.review(alertId, "released", supervisor.id(), requireNote(note), clock.instant());
		wallet.freezeOf(alert.customerId())
			.filter(freeze -> freeze.reason().equals(WalletApi.RISK_FREEZE))
			.ifPresent(freeze -> wallet.unfreeze(alert.customerId(), actor));
		events.publishEvent(new AlertReviewed(alertId, alert.customerId(), "released", actor, note));
		return new Outcome(alerts.find(alertId).orElseThrow(), 0);
	}

	@Transactional
	Outcome confirm(UUID alertId, String note, Caller supervisor, ClientAddress from) {
		RiskAlerts.Alert alert = alerts.lockOpen(alertId);
		Actor actor = Actor.of(supervisor, from);
		alerts.review(alertId, "confirmed", supervisor.id(), requireNote(note), clock.instant());
		wallet.freeze(alert.customerId(), WalletApi.RISK_FREEZE, actor);
		int reversed = wallet.reverseAfterFraud(alert.customerId(), alert.createdAt().minus(REVERSIBLE), actor);
		identity.forcePasswordReset(alert.customerId(), actor);
		events.publishEvent(new AlertReviewed(alertId, alert.customerId(), "confirmed", actor, note));
		return new Outcome(alerts.find(alertId).orElseThrow(), reversed);
	}

	private static String requireNote(String note) {
		if (note == null || note.isBlank()) {
			throw Refusal.unprocessable("risk_review_note_required");
		}
		return note.strip();
	}

}
