package com.tpwallet.walletdesk.wallet.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** HMAC-SHA256 over the callback body with the secret shared with the gateway. */
@Component
class GatewaySignature {

	private final SecretKeySpec key;

	GatewaySignature(@Value("${walletdesk.gateway.callback-secret}") String secret) {
		if (secret.isBlank()) {
			throw new IllegalStateException(
					"Set WALLETDESK_GATEWAY_CALLBACK_SECRET, the secret shared with the payment gateway");
		}
		this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
	}

	String sign(String body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	boolean verify(String body, String signature) {
		return signature != null && MessageDigest.isEqual(sign(body).getBytes(StandardCharsets.US_ASCII),
				signature.getBytes(StandardCharsets.US_ASCII));
	}

}
