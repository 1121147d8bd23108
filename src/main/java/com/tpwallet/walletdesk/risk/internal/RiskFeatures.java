package com.tpwallet.walletdesk.risk.internal;

import java.time.Duration;
import java.util.List;

/**
 * The model's view of a movement: the same numbers at training time (the simulation) and
 * when money is about to leave. Counts and amounts go in as logarithms, so that one busy
 * wallet does not outweigh the rest.
 */
final class RiskFeatures {

	static final List<String> NAMES = List.of("amount_log", "amount_vs_usual", "share_of_balance", "attempts_1h",
			"attempts_24h", "new_payee", "new_payees_1h", "new_device_24h", "security_change_24h", "night",
			"account_age_days", "in_senders_24h", "cash_out_of_received", "drained_24h", "declined_top_ups_1h",
			"is_transfer", "is_withdrawal", "history_count", "new_device_x_share", "security_change_x_share");

	private RiskFeatures() {
	}

	static double[] of(Facts f) {
		History h = f.history();
		double share = f.shareOfBalance();
		double newDevice = f.newDeviceWithin(Duration.ofDays(1)) ? 1 : 0;
		double securityChange = f.securityChangeWithin(Duration.ofDays(1)) ? 1 : 0;
		return new double[] { Math.log1p(f.amount() / 100.0),
				Math.log((f.amount() + 1_000.0) / (h.usualAmount() + 1_000.0)), share,
				Math.log1p(f.attempts1hWithThis()), Math.log1p(f.attempts24hWithThis()), f.newPayee() ? 1 : 0,
				Math.log1p(f.newPayees1hWithThis()), newDevice, securityChange, f.atNight() ? 1 : 0,
				Math.log1p(f.accountAgeDays()), Math.log1p(h.inSenders24h()), f.cashOutOfReceived(), f.drained24h(),
				Math.log1p(h.declinedTopUps1h()), f.kind() == Facts.Kind.TRANSFER ? 1 : 0,
				f.kind() == Facts.Kind.WITHDRAWAL ? 1 : 0, Math.log1p(h.outCount()), newDevice * share,
				securityChange * share };
	}

}
