package com.tpwallet.walletdesk.mail.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Whether a mail was sent by a machine, so that we never answer it automatically (the
 * loops of FreeScout #3670 and #4143, Zammad #1131, Chatwoot #5131). Each header rule is
 * one line; the reason is kept with the message.
 */
final class AutomatedMail {

	private AutomatedMail() {
	}

	/** Why the mail is automated, or empty when a person wrote it. */
	static Optional<String> reason(MimeMessage mail, String ourDomain) throws MessagingException {
		String autoSubmitted = header(mail, "Auto-Submitted");
		if (autoSubmitted != null && !autoSubmitted.strip().toLowerCase(Locale.ROOT).startsWith("no")) {
			return Optional.of("auto-submitted");
		}
		String precedence = header(mail, "Precedence");
		if (precedence != null && precedence.strip().toLowerCase(Locale.ROOT).matches("bulk|junk|list")) {
			return Optional.of("precedence-" + precedence.strip().toLowerCase(Locale.ROOT));
		}
		for (String name : new String[] { "X-Auto-Response-Suppress", "List-Id", "List-Unsubscribe" }) {
			if (header(mail, name) != null) {
				return Optional.of(name.toLowerCase(Locale.ROOT));
			}
		}
		String loop = header(mail, "X-Loop");
		if (loop != null && loop.toLowerCase(Locale.ROOT).contains(ourDomain.toLowerCase(Locale.ROOT))) {
			return Optional.of("x-loop");
		}
		String[] returnPath = mail.getHeader("Return-Path");
		if (returnPath != null && returnPath.length > 0 && returnPath[0].replaceAll("[<>\\s]", "").isEmpty()) {
			return Optional.of("empty-return-path");
		}
		String from = MailAddresses.sender(mail);
		if (from != null && isDaemon(from)) {
			return Optional.of("mailer-daemon");
		}
		String messageId = header(mail, "Message-ID");
		if (messageId != null && MailAddresses.isOurs(messageId, ourDomain)) {
			return Optional.of("our-message-id");
		}
		return Optional.empty();
	}

	static boolean isDaemon(String address) {
		String local = address.toLowerCase(Locale.ROOT).split("@", 2)[0];
		return local.equals("mailer-daemon") || local.equals("postmaster");
	}

	private static @Nullable String header(MimeMessage mail, String name) throws MessagingException {
		return mail.getHeader(name, ",");
	}

}
