package com.tpwallet.walletdesk.identity.internal;

import com.tpwallet.walletdesk.platform.Refusal;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * What a login password must be: 8 to 128 characters mixing letters, digits and symbols,
 * and not one of the 10,000 most common passwords (the ranked list shipped with nbvcxz).
 */
@Component
class PasswordPolicy {

	static final int MIN_LENGTH = 8;
	static final int MAX_LENGTH = 128;

	private static final int COMMON_COUNT = 10_000;

	private final Set<String> common;

	PasswordPolicy() {
		this.common = loadCommonPasswords();
	}

	void check(String password) {
		if (password.length() < MIN_LENGTH) {
			throw Refusal.unprocessable("password_too_short", MIN_LENGTH);
		}
		if (password.length() > MAX_LENGTH) {
			throw Refusal.unprocessable("password_too_long", MAX_LENGTH);
		}
		if (isCommon(password)) {
			throw Refusal.unprocessable("password_too_common");
		}
		boolean letter = password.codePoints().anyMatch(Character::isLetter);
		boolean digit = password.codePoints().anyMatch(Character::isDigit);
		boolean symbol = password.codePoints()
			.anyMatch(c -> !Character.isLetterOrDigit(c) && !Character.isWhitespace(c));
		if (!(letter && digit && symbol)) {
			throw Refusal.unprocessable("password_too_simple");
		}
	}

	boolean isCommon(String password) {
		return common.contains(password.toLowerCase(Locale.ROOT));
	}

	private static Set<String> loadCommonPasswords() {
		Set<String> result = new HashSet<>(COMMON_COUNT * 2);
		try (InputStream in = PasswordPolicy.class.getResourceAsStream("/dictionaries/passwords.txt")) {
			if (in == null) {
				throw new IllegalStateException("nbvcxz's password list is missing from the class path");
			}
			BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			String line;
			while (result.size() < COMMON_COUNT && (line = reader.readLine()) != null) {
				if (!line.isBlank()) {
					result.add(line.trim().toLowerCase(Locale.ROOT));
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return Set.copyOf(result);
	}

}
