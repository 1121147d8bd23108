package com.tpwallet.walletdesk.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import org.springframework.stereotype.Component;

/** Random secrets (bearer tokens, 6-digit codes) and their stored SHA-256 digests. */
@Component
class OneTimeCodes {

	private final SecureRandom random;

	OneTimeCodes(SecureRandom random) {
		this.random = random;
	}

	String sixDigits() {
		return "%06d".formatted(random.nextInt(1_000_000));
	}

	String token() {
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	static String digest(String salt, String secret) {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			sha.update(salt.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(sha.digest(secret.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	/**
	 * Whether a code as typed (spaces around it ignored) is the one whose salted digest
	 * was stored, compared in constant time.
	 */
	static boolean matches(String salt, String storedDigest, String typed) {
		return same(storedDigest, digest(salt, typed.trim()));
	}

	/** Compares digests in constant time. */
	static boolean same(String expectedDigest, String actualDigest) {
		return MessageDigest.isEqual(expectedDigest.getBytes(StandardCharsets.US_ASCII),
				actualDigest.getBytes(StandardCharsets.US_ASCII));
	}

}
