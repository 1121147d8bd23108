package com.tpwallet.walletdesk.wallet.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Keeps the card number of a pending withdrawal encrypted (AES-256-GCM) until the
 * settlement run pays it out; only the last four digits are stored in clear.
 */
@Component
class CardVault {

	private final SecretKeySpec key;

	private final SecureRandom random;

	CardVault(@Value("${walletdesk.card-encryption-key}") String base64Key, SecureRandom random) {
		byte[] bytes = Base64.getDecoder().decode(base64Key.trim());
		if (bytes.length != 32) {
			throw new IllegalStateException(
					"Set WALLETDESK_CARD_ENCRYPTION_KEY to 32 random bytes, base64-encoded (e.g. `head -c32 /dev/urandom | base64`)");
		}
		this.key = new SecretKeySpec(bytes, "AES");
		this.random = random;
	}

	String seal(BankCard card) {
		try {
			byte[] iv = new byte[12];
			random.nextBytes(iv);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
			byte[] sealed = cipher.doFinal(card.number().getBytes(StandardCharsets.US_ASCII));
			return Base64.getEncoder().encodeToString(iv) + ":" + Base64.getEncoder().encodeToString(sealed);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("Could not encrypt a card number", e);
		}
	}

	BankCard open(String sealed) {
		try {
			String[] parts = sealed.split(":");
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, Base64.getDecoder().decode(parts[0])));
			return new BankCard(
					new String(cipher.doFinal(Base64.getDecoder().decode(parts[1])), StandardCharsets.US_ASCII));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("Could not decrypt a card number", e);
		}
	}

}
