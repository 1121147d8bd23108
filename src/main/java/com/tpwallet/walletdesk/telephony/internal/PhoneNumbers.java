package com.tpwallet.walletdesk.telephony.internal;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Optional;

/**
 * Numbers as phone systems send them ({@code 0086 138 0000 0001}, {@code 13800000001},
 * {@code 010 1234 5678}, {@code +33 6 12 34 56 78}) in E.164, the form customers' phones
 * are stored in. A number without a country is read as Chinese: the hotline is in China.
 */
final class PhoneNumbers {

	private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

	private PhoneNumbers() {
	}

	static Optional<String> e164(String raw) {
		String digits = raw.strip().replaceAll("[\\s()-]", "");
		if (digits.startsWith("00")) {
			digits = "+" + digits.substring(2);
		}
		try {
			PhoneNumber number = UTIL.parse(digits, "CN");
			if (!UTIL.isPossibleNumber(number)) {
				return Optional.empty();
			}
			return Optional.of(UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164));
		}
		catch (NumberParseException e) {
			return Optional.empty();
		}
	}

	/** A Chinese number: its IVR defaults to Mandarin when the caller chooses nothing. */
	static boolean isChinese(String e164) {
		return e164.startsWith("+86");
	}

}
