package com.tpwallet.walletdesk.wallet.internal;

import com.tpwallet.walletdesk.platform.Refusal;
import java.time.YearMonth;

/**
 * A bank card number as a customer typed it: checked (length, Luhn) and never shown or
 * logged in full.
 */
record BankCard(String number) {

	static BankCard parse(String raw) {
		String digits = raw == null ? "" : raw.replaceAll("[ -]", "");
		if (!digits.matches("\\d{12,19}") || !luhn(digits)) {
			throw Refusal.unprocessable("card_invalid");
		}
		return new BankCard(digits);
	}

	static boolean luhn(String digits) {
		int sum = 0;
		boolean twice = false;
		for (int i = digits.length() - 1; i >= 0; i--) {
			int d = digits.charAt(i) - '0';
			if (twice) {
				d *= 2;
				if (d > 9) {
					d -= 9;
				}
			}
			sum += d;
			twice = !twice;
		}
		return sum % 10 == 0;
	}

	/** {@code MM/YY}; a card that expired before this month is refused. */
	static YearMonth expiry(String raw, YearMonth now) {
		if (raw == null || !raw.matches("(0[1-9]|1[0-2])/\\d{2}")) {
			throw Refusal.unprocessable("card_expiry_invalid");
		}
		YearMonth expiry = YearMonth.of(2000 + Integer.parseInt(raw.substring(3)),
				Integer.parseInt(raw.substring(0, 2)));
		if (expiry.isBefore(now)) {
			throw Refusal.unprocessable("card_expired");
		}
		return expiry;
	}

	String last4() {
		return number.substring(number.length() - 4);
	}

	@Override
	public String toString() {
		return "card ****" + last4();
	}
}
