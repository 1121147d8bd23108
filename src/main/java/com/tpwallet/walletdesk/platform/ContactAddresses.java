package com.tpwallet.walletdesk.platform;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.Locale;
import java.util.Optional;

/**
 * Phone numbers and e-mail addresses as people type them, turned into the one form we
 * store: E.164 for phones (validated by libphonenumber; a number without a country code
 * is read as Chinese), lower case for e-mail. Empty when it is not one.
 */
public final class ContactAddresses {

	private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

	private ContactAddresses() {
	}

	public static Optional<String> phone(String raw) {
		String trimmed = raw.trim();
		if (trimmed.isEmpty() || trimmed.length() > 32 || !trimmed.matches("[+0-9 ()\\-.]+")) {
			return Optional.empty();
		}
		try {
			PhoneNumber number = PHONES.parse(trimmed, "CN");
			return PHONES.isValidNumber(number) ? Optional.of(PHONES.format(number, PhoneNumberFormat.E164))
					: Optional.empty();
		}
		catch (NumberParseException e) {
			return Optional.empty();
		}
	}

	public static Optional<String> email(String raw) {
		String trimmed = raw.trim().toLowerCase(Locale.ROOT);
		try {
			InternetAddress address = new InternetAddress(trimmed, true);
			address.validate();
			if (!trimmed.equals(address.getAddress()) || !trimmed.contains("@") || trimmed.length() > 254) {
				return Optional.empty();
			}
			return Optional.of(trimmed);
		}
		catch (AddressException e) {
			return Optional.empty();
		}
	}

}
