package com.tpwallet.walletdesk.risk.internal;

import com.tpwallet.walletdesk.disputes.DisputeEvents.UnauthorisedReported;
import com.tpwallet.walletdesk.identity.IdentityApi;
import com.tpwallet.walletdesk.identity.IdentityEvents;
import com.tpwallet.walletdesk.identity.IdentityEvents.LoginFailed;
import com.tpwallet.walletdesk.identity.IdentityEvents.LoginSucceeded;
import com.tpwallet.walletdesk.identity.IdentityEvents.PasswordChanged;
import com.tpwallet.walletdesk.identity.IdentityEvents.PasswordResetRequested;
import com.tpwallet.walletdesk.identity.IdentityEvents.PaymentPasswordChanged;
import com.tpwallet.walletdesk.identity.IdentityEvents.TwoFactorChanged;
import com.tpwallet.walletdesk.platform.Actor;
import com.tpwallet.walletdesk.risk.internal.RiskStore.DecisionRow;
import com.tpwallet.walletdesk.wallet.Money;
import com.tpwallet.walletdesk.wallet.OutgoingScreening.Decision;
import com.tpwallet.walletdesk.wallet.WalletApi;
import com.tpwallet.walletdesk.wallet.WalletEvents.TopUpFailed;
import com.tpwallet.walletdesk.wallet.WalletEvents.TopUpSucceeded;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Scores what happens besides money leaving, as it happens: sign-ins (from a device seen
 * before or not), password resets and changes, 2FA and payment-password changes, and
 * top-ups (declined ones count toward card testing, which freezes the wallet). Each is a
 * stored decision, and part of the history the next movement is judged against.
 */
@Component
class RiskSignals {

	private final RiskStore store;

	private final RiskAlerts alerts;

	private final WalletApi wallet;

	private final IdentityApi identity;

	private final Clock clock;

	RiskSignals(RiskStore store, RiskAlerts alerts, WalletApi wallet, IdentityApi identity, Clock clock) {
		this.store = store;
		this.alerts = alerts;
		this.wallet = wallet;
		this.identity = identity;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(IdentityEvents event) {
		Instant now = clock.instant();
		switch (event) {
			case LoginSucceeded login -> {
				boolean newDevice = store.isNewDevice(login.customerId(), login.actor().ip());
				record(login.customerId(), newDevice ? "login_new_device" : "login", login.actor(), now);
				if (newDevice) {
					store.markNewDevice(login.customerId(), now);
				}
			}
			case LoginFailed failed -> record(failed.customerId(), "login_failed", failed.actor(), now);
			case PasswordResetRequested reset ->
				record(reset.customerId(), "password_reset_requested", reset.actor(), now);
			case PasswordChanged changed ->
				securityChange(changed.customerId(), "password_changed", changed.actor(), now);
			// turning 2FA on or setting a first payment password is a customer protecting
			// themselves; turning it off or changing the payment password is what a
			// takeover does
			case TwoFactorChanged changed when changed.details().equals("disabled") ->
				securityChange(changed.customerId(), "two_factor_disabled", changed.actor(), now);
			case TwoFactorChanged changed -> record(changed.customerId(), "two_factor_enabled", changed.actor(), now);
			case PaymentPasswordChanged changed when changed.details().equals("changed") ->
				securityChange(changed.customerId(), "payment_password_changed", changed.actor(), now);
			case PaymentPasswordChanged set -> record(set.customerId(), "payment_password_set", set.actor(), now);
			default -> {
			}
		}
	}

	@ApplicationModuleListener
	void on(TopUpSucceeded topUp) {
		store.insert(List.of(row(topUp.customerId(), "top_up", "in", topUp.transactionId(), topUp.money(), null,
				Decision.ALLOW, List.of(), clock.instant())));
	}

	/**
	 * A declined top-up, judged for card testing: the fifth within an hour freezes the
	 * wallet (money out; money still comes in) and raises an alert.
	 */
	@ApplicationModuleListener
	void on(TopUpFailed declined) {
		Instant now = clock.instant();
		UUID customer = declined.customerId();
		store.lockProfile(customer);
		Instant since = identity.customer(customer).map(c -> c.createdAt()).orElse(now);
		History history = store.histories(List.of(customer), Map.of(customer, since), now).get(customer);
		// this decline is not stored yet: count it
		History withThis = history.withDeclinedTopUp();
		long fen = wallet.valueInFen(declined.money());
		boolean testing = RiskRule.CARD_TESTING.firesFor(new Facts(Facts.Kind.TOP_UP, fen, 0, false, withThis, now));
		DecisionRow row = row(customer, "top_up_declined", "event", declined.transactionId(), declined.money(), null,
				testing ? Decision.FREEZE : Decision.ALLOW, testing ? List.of(RiskRule.CARD_TESTING.code()) : List.of(),
				now);
		store.insert(List.of(row));
		if (testing) {
			wallet.freeze(customer, WalletApi.RISK_FREEZE, Actor.system());
			alerts.raise(row);
		}
	}

	/**
	 * The customer disputes a movement as not theirs: whoever made it may still be in the
	 * account, so money out is frozen at once (money in still posts), and the alert puts
	 * it before a supervisor, who confirms (reversing what can be) or releases.
	 */
	@ApplicationModuleListener
	void on(UnauthorisedReported reported) {
		Instant now = clock.instant();
		DecisionRow row = new DecisionRow(UUID.randomUUID(), reported.customerId(), "reported_unauthorised", "event",
				reported.transactionId(), null, false, 0, 0, null, null, Decision.FREEZE, 1,
				List.of(REPORTED_UNAUTHORISED), List.of(), now);
		store.insert(List.of(row));
		wallet.freeze(reported.customerId(), WalletApi.RISK_FREEZE, Actor.system());
		alerts.raise(row);
	}

	/**
	 * The reason a freeze the customer asked for carries (not one of the scoring rules).
	 */
	static final String REPORTED_UNAUTHORISED = "reported_unauthorised";

	private void securityChange(UUID customerId, String kind, Actor actor, Instant now) {
		record(customerId, kind, actor, now);
		store.markSecurityChange(customerId, now);
	}

	private void record(UUID customerId, String kind, Actor actor, Instant now) {
		store.insert(List.of(new DecisionRow(UUID.randomUUID(), customerId, kind, "event", null, null, false, 0, 0,
				null, actor.ip(), Decision.ALLOW, 0, List.of(), List.of(), now)));
	}

	private DecisionRow row(UUID customerId, String kind, String direction, UUID transactionId, Money money,
			@Nullable String ip, Decision decision, List<String> rules, Instant now) {
		return new DecisionRow(UUID.randomUUID(), customerId, kind, direction, transactionId, null, false,
				money.amount(), wallet.valueInFen(money), money.currency(), ip, decision, rules.isEmpty() ? 0 : 1,
				rules, List.of(), now);
	}

}
