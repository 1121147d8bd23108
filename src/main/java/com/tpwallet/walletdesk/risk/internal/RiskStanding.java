package com.tpwallet.walletdesk.risk.internal;

import com.tpwallet.walletdesk.identity.SecurityStanding;
import com.tpwallet.walletdesk.wallet.WalletApi;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * What the customer's security centre (and the troubleshooters) show of the risk monitor:
 * a freeze it set, since when, why in words, and what to do.
 */
@Component
class RiskStanding implements SecurityStanding {

	private final WalletApi wallet;

	private final RiskAlerts alerts;

	private final MessageSource messages;

	RiskStanding(WalletApi wallet, RiskAlerts alerts, MessageSource messages) {
		this.wallet = wallet;
		this.alerts = alerts;
		this.messages = messages;
	}

	@Override
	public List<Warning> warnings(UUID customerId, Locale locale) {
		return wallet.freezeOf(customerId)
			.filter(freeze -> freeze.reason().equals(WalletApi.RISK_FREEZE))
			.map(freeze -> {
				String why = alerts.latestFreeze(customerId)
					.map(a -> a.reasons()
						.stream()
						.map(code -> messages.getMessage("risk.rule." + code, null, code, locale))
						.collect(Collectors.joining("; ")))
					.filter(reasons -> !reasons.isEmpty())
					.orElseGet(() -> messages.getMessage("risk.standing.unusual", null, locale));
				String since = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
					.withLocale(locale)
					.format(freeze.frozenAt().atZone(ZoneId.of("Asia/Shanghai")));
				return List.of(new Warning("wallet_frozen_by_monitor",
						messages.getMessage("risk.standing.frozen.title", null, locale),
						messages.getMessage("risk.standing.frozen.text", new Object[] { since, why }, locale),
						freeze.frozenAt()));
			})
			.orElse(List.of());
	}

}
