package com.tpwallet.walletdesk.telephony.internal;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code walletdesk.telephony.*}: the CTI integration's secret, which is the last segment
 * of its webhook path (without it the webhook answers nobody).
 */
@ConfigurationProperties("walletdesk.telephony")
record TelephonyProperties(@Nullable String ctiToken) {

	boolean accepts(String token) {
		return ctiToken != null && !ctiToken.isBlank()
				&& java.security.MessageDigest.isEqual(ctiToken.getBytes(java.nio.charset.StandardCharsets.UTF_8),
						token.getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}

}
