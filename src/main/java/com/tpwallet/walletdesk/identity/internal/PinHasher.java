package com.tpwallet.walletdesk.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Payment passwords under a keyed hash (ADR 0012): HMAC-SHA-256 over a per-customer salt
 * and the six digits, under a key that is not in the database
 * ({@code WALLETDESK_PIN_KEY}, base64, at least 32 bytes). A stolen customer table is
 * then useless without the key: a million PINs are nothing to guess offline, whatever the
 * cost of a slow hash, which is why the slow hash bought no safety and cost 25 ms of CPU
 * per payment. Stored as {@code hmac-sha256$<key id>$<salt>$<mac>}: the key id lets keys
 * rotate (old ones stay readable through {@code walletdesk.pin.previous-keys} until every
 * PIN was entered again and re-hashed). Argon2id hashes from before are still checked,
 * and re-hashed on the next correct entry.
 */
@Component
class PinHasher {

	static final String SCHEME = "hmac-sha256";

	private static final int SALT_BYTES = 16;

	private final KeyRing keys;

	private final PasswordEncoder legacy;

	private final SecureRandom random;

	PinHasher(@Value("${walletdesk.pin.key:}") String key, @Value("${walletdesk.pin.key-id:p1}") String keyId,
			@Value("${walletdesk.pin.previous-keys:}") String previousKeys, PasswordEncoder legacy,
			SecureRandom random) {
		this.keys = new KeyRing("WALLETDESK_PIN_KEY", key, keyId, previousKeys, "HmacSHA256", false);
		this.legacy = legacy;
		this.random = random;
	}

	/** A new hash of {@code pin} under the current key, with a fresh salt. */
	String hash(String pin) {
		byte[] salt = new byte[SALT_BYTES];
		random.nextBytes(salt);
		Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
		return SCHEME + "$" + keys.currentId() + "$" + b64.encodeToString(salt) + "$"
				+ b64.encodeToString(mac(keys.current(), salt, pin));
	}

	/** Whether {@code pin} is the one hashed (keyed, or Argon2id from before). */
	boolean matches(String pin, String stored) {
		if (!stored.startsWith(SCHEME + "$")) {
			return legacy.matches(pin, stored);
		}
		String[] parts = stored.split("\\$");
		Base64.Decoder b64 = Base64.getDecoder();
		return MessageDigest.isEqual(mac(keys.get(parts[1]), b64.decode(parts[2]), pin), b64.decode(parts[3]));
	}

	/**
	 * Whether a hash should be replaced after a correct entry: Argon2id, or under a key
	 * that is no longer the current one.
	 */
	boolean needsRehash(String stored) {
		return !stored.startsWith(SCHEME + "$" + keys.currentId() + "$");
	}

	private static byte[] mac(SecretKeySpec key, byte[] salt, String pin) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			mac.update(salt);
			return mac.doFinal(pin.getBytes(StandardCharsets.US_ASCII));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("HMAC-SHA-256 is not available", e);
		}
	}

}
