package com.tpwallet.walletdesk.support;

import com.tpwallet.walletdesk.platform.ContactAddresses;
import com.tpwallet.walletdesk.platform.PlainText;
import com.tpwallet.walletdesk.platform.Refusal;
import org.jspecify.annotations.Nullable;

/**
 * Who a visitor says they are, and how to answer them: a name and a phone number or an
 * e-mail address (or both), as typed, normalised (E.164; lower-case e-mail). Nothing here
 * is proven: an agent verifies identity before acting on an account.
 */
public record StatedContact(String name, @Nullable String phone, @Nullable String email) {

	/**
	 * The contact a visitor typed, or a refusal: {@code visitor_name_required},
	 * {@code visitor_contact_required} (neither phone nor e-mail),
	 * {@code visitor_phone_invalid}, {@code visitor_email_invalid}.
	 */
	public static StatedContact of(@Nullable String name, @Nullable String phone, @Nullable String email) {
		String cleanName = name == null ? "" : PlainText.of(name).strip();
		if (cleanName.isEmpty() || cleanName.length() > 200) {
			throw Refusal.unprocessable("visitor_name_required");
		}
		String cleanPhone = blank(phone) ? null : phone(phone);
		String cleanEmail = blank(email) ? null : email(email);
		if (cleanPhone == null && cleanEmail == null) {
			throw Refusal.unprocessable("visitor_contact_required");
		}
		return new StatedContact(cleanName, cleanPhone, cleanEmail);
	}

	/**
	 * The phone if there is one, else the e-mail address: where a code or answer goes.
	 */
	public String reach() {
		return phone != null ? phone : java.util.Objects.requireNonNull(email);
	}

	private static boolean blank(@Nullable String s) {
		return s == null || s.isBlank();
	}

	private static String phone(String raw) {
		return ContactAddresses.phone(raw).orElseThrow(() -> Refusal.unprocessable("visitor_phone_invalid"));
	}

	private static String email(String raw) {
		return ContactAddresses.email(raw).orElseThrow(() -> Refusal.unprocessable("visitor_email_invalid"));
	}

}
