package com.tpwallet.walletdesk.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Keeps customers' TOTP secrets encrypted at rest (AES-256-GCM, bound to the customer's
 * id), under a key that is not in the database: whoever reads the customer table cannot
 * make anyone's codes. A stored secret reads {@code <key id>:<iv>:<ciphertext>}; the key
 * id lets an operator rotate keys (the current one seals, earlier ones named in
 * {@code walletdesk.totp.previous-keys} still open, and {@link TotpSecretResealing} moves
 * every secret to the current key at start). A bare Base32 secret is one stored before
 * encryption; it is sealed at start as well.
 */
@Component
class TotpSecretVault {

	private final KeyRing keys;

	private final SecureRandom random;

	TotpSecretVault(@Value("${walletdesk.totp.encryption-key:}") String key,
			@Value("${walletdesk.totp.encryption-key-id:k1}") String keyId,
			@Value("${walletdesk.totp.previous-keys:}") String previousKeys, SecureRandom random) {
		this.keys = new KeyRing("WALLETDESK_TOTP_ENCRYPTION_KEY", key, keyId, previousKeys, "AES", true);
		this.random = random;
	}

	@Nullable String seal(UUID customerId, @Nullable String secret) {
		if (secret == null) {
			return null;
		}
		try {
			byte[] iv = new byte[12];
			random.nextBytes(iv);
			Cipher cipher = cipher(Cipher.ENCRYPT_MODE, keys.current(), iv, customerId);
			byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.US_ASCII));
			return keys.currentId() + ":" + Base64.getEncoder().encodeToString(iv) + ":"
					+ Base64.getEncoder().encodeToString(sealed);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("Could not encrypt a TOTP secret", e);
		}
	}

	@Nullable String open(UUID customerId, @Nullable String stored) {
		if (stored == null || !isSealed(stored)) {
			// stored before encryption; sealed by TotpSecretResealing at start
			return stored;
		}
		String[] parts = stored.split(":");
		SecretKeySpec key = keys.get(parts[0]);
		try {
			byte[] plain = cipher(Cipher.DECRYPT_MODE, key, Base64.getDecoder().decode(parts[1]), customerId)
				.doFinal(Base64.getDecoder().decode(parts[2]));
			return new String(plain, StandardCharsets.US_ASCII);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("Could not decrypt a TOTP secret", e);
		}
	}

	/**
	 * Whether a stored value is sealed under the current key (and needs no resealing).
	 */
	boolean isCurrent(String stored) {
		return stored.startsWith(keys.currentId() + ":");
	}

	static boolean isSealed(String stored) {
		return stored.indexOf(':') > 0;
	}

	private static Cipher cipher(int mode, SecretKeySpec key, byte[] iv, UUID customerId)
			throws GeneralSecurityException {
		Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
		cipher.init(mode, key, new GCMParameterSpec(128, iv));
		cipher.updateAAD(customerId.toString().getBytes(StandardCharsets.US_ASCII));
		return cipher;
	}

}
