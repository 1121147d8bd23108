package com.tpwallet.walletdesk.mail.internal;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Addresses and Message-IDs as they are compared: lower-case, angle brackets kept on ids.
 */
final class MailAddresses {

	private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]+>");

	private MailAddresses() {
	}

	/** The sender's address, lower-case (From, else Sender), or null. */
	static @Nullable String sender(MimeMessage mail) throws MessagingException {
		Address[] from;
		try {
			from = mail.getFrom();
		}
		catch (MessagingException e) {
			return null; // an unparseable From: treated as no sender
		}
		if (from == null || from.length == 0 || !(from[0] instanceof InternetAddress a) || a.getAddress() == null) {
			return null;
		}
		return a.getAddress().toLowerCase(Locale.ROOT);
	}

	static @Nullable String senderName(MimeMessage mail) {
		try {
			Address[] from = mail.getFrom();
			return from != null && from.length > 0 && from[0] instanceof InternetAddress a ? a.getPersonal() : null;
		}
		catch (MessagingException e) {
			return null;
		}
	}

	/** Every Message-ID in a header's value (References holds several). */
	static List<String> messageIds(@Nullable String value) {
		List<String> ids = new ArrayList<>();
		if (value != null) {
			Matcher m = MESSAGE_ID.matcher(value);
			while (m.find()) {
				ids.add(m.group());
			}
		}
		return ids;
	}

	/** A new Message-ID of ours. */
	static String newMessageId(String domain) {
		return "<" + UUID.randomUUID() + "@" + domain + ">";
	}

	static boolean isOurs(String messageId, String domain) {
		return messageId.strip().toLowerCase(Locale.ROOT).endsWith("@" + domain.toLowerCase(Locale.ROOT) + ">");
	}

}
