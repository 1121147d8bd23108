package com.tpwallet.walletdesk.wallet.internal;

import java.time.Duration;
import org.springframework.web.client.RestClient;

/**
 * The HTTP connection to a real money partner (the card acquirer or the payout bank): its
 * base URL and API key are required, so that a service started outside the demo, dev and
 * test profiles without them refuses to start instead of falling back to a simulator.
 * Calls time out, so that a partner that hangs becomes an answer the caller handles (ADR
 * 0008).
 */
final class AcquirerConnection {

	private AcquirerConnection() {
	}

	static RestClient connect(RestClient.Builder builder, String partner, String setting, String url, String apiKey,
			Duration timeout) {
		if (url.isBlank() || apiKey.isBlank()) {
			throw new IllegalStateException("Set " + setting + ".url and " + setting + ".api-key: the " + partner
					+ " to use outside the demo, dev and test profiles (ADR 0008)");
		}
		return com.tpwallet.walletdesk.platform.HttpPartner.client(builder, url, timeout)
			.defaultHeader("Authorization", "Bearer " + apiKey)
			.build();
	}

}
