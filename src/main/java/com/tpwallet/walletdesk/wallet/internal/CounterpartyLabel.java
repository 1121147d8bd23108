package com.tpwallet.walletdesk.wallet.internal;

import com.tpwallet.walletdesk.identity.CustomerProfile;

/**
 * How another customer reads in a customer's history, before and after a transfer: the
 * name and the login masked the way Chinese wallets do ({@code *伟 +86138****0001},
 * {@code C*** M.}). Enough for the payer to recognise a friend, not enough for anyone to
 * learn a stranger's legal name for 0.01 CNY.
 */
final class CounterpartyLabel {

	/**
	 * Compiled once: {@code String.split} compiles its pattern on every call, and labels
	 * are made twice for every transfer a batch settles.
	 */
	private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");

	private CounterpartyLabel() {
	}

	static String of(CustomerProfile p) {
		String login = p.phone() != null ? p.phone() : String.valueOf(p.email());
		return p.verifiedName() == null || p.verifiedName().isBlank() ? login(login)
				: name(p.verifiedName()) + " " + login(login);
	}

	/** A phone number as 138****8000, an e-mail address as l***@example.com. */
	static String login(String login) {
		if (login.contains("@")) {
			int at = login.indexOf('@');
			return login.charAt(0) + "***" + login.substring(at);
		}
		return login.length() > 7
				? login.substring(0, login.length() - 8) + "****" + login.substring(login.length() - 4) : login;
	}

	/**
	 * A Chinese name keeps its last character ({@code *伟}); others their initials
	 * ({@code C*** M.}).
	 */
	static String name(String name) {
		String n = name.strip();
		if (n.isEmpty()) {
			return n;
		}
		if (n.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)) {
			int last = n.offsetByCodePoints(n.length(), -1);
			return "*".repeat(n.codePointCount(0, last)) + n.substring(last);
		}
		String[] words = SPACES.split(n);
		String first = initial(words[0]) + "***";
		return words.length == 1 ? first : first + " " + initial(words[words.length - 1]) + ".";
	}

	private static String initial(String word) {
		return word.substring(0, word.offsetByCodePoints(0, 1));
	}

}
