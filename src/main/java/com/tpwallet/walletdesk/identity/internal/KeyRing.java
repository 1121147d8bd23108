package com.tpwallet.walletdesk.identity.internal;

import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.spec.SecretKeySpec;

/**
 * Secret keys kept outside the database, by id, so that they can rotate: the current one
 * writes, the previous ones ({@code id:base64,id:base64}) still read what they wrote
 * until it is written again under the current one.
 */
final class KeyRing {

	private final String setting;

	private final String currentId;

	private final Map<String, SecretKeySpec> keys = new HashMap<>();

	/**
	 * @param setting the environment variable that holds the current key, named in every
	 * refusal so the operator knows what to set
	 * @param exact whether keys must be exactly 32 bytes (AES-256), else at least 32
	 */
	KeyRing(String setting, String key, String keyId, String previousKeys, String algorithm, boolean exact) {
		if (!keyId.strip().matches("[A-Za-z0-9_-]{1,16}")) {
			throw new IllegalStateException(setting + "_ID must be 1 to 16 letters, digits, _ or -");
		}
		this.setting = setting;
		this.currentId = keyId.strip();
		keys.put(currentId, key(key, algorithm, exact));
		for (String entry : previousKeys.split(",")) {
			if (!entry.isBlank()) {
				String[] idAndKey = entry.strip().split(":", 2);
				if (idAndKey.length != 2) {
					throw new IllegalStateException("Previous keys for " + setting + " are id:base64, comma-separated");
				}
				keys.putIfAbsent(idAndKey[0], key(idAndKey[1], algorithm, exact));
			}
		}
	}

	private SecretKeySpec key(String base64, String algorithm, boolean exact) {
		byte[] bytes;
		try {
			bytes = Base64.getDecoder().decode(base64.strip());
		}
		catch (IllegalArgumentException e) {
			bytes = new byte[0];
		}
		if (exact ? bytes.length != 32 : bytes.length < 32) {
			throw new IllegalStateException("Set " + setting + " to " + (exact ? "" : "at least ")
					+ "32 random bytes, base64-encoded (e.g. `head -c32 /dev/urandom | base64`), kept outside the "
					+ "database");
		}
		return new SecretKeySpec(bytes, algorithm);
	}

	String currentId() {
		return currentId;
	}

	SecretKeySpec current() {
		return keys.get(currentId);
	}

	/** The key with this id, or a clear failure: data written under a key now unknown. */
	SecretKeySpec get(String id) {
		SecretKeySpec key = keys.get(id);
		if (key == null) {
			throw new IllegalStateException("Data is protected under key '" + id + "', which is neither " + setting
					+ " nor one of its previous keys");
		}
		return key;
	}

}
