package com.tpwallet.walletdesk.mail.internal;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A received mail as the desk needs it: who wrote, what it answers, the new text, its
 * files, and whether a machine sent it or it reports a failed delivery.
 */
record InboundMail(@Nullable String messageId, @Nullable String sender, @Nullable String senderName, String subject,
		String text, List<String> answers, @Nullable String automated, @Nullable Bounce bounce,
		List<File> attachments) {

	/**
	 * A delivery status notification (RFC 3464): our mail to {@code recipient} failed.
	 */
	record Bounce(String recipient, String status, String diagnostic, @Nullable String originalMessageId) {
	}

	record File(String name, byte[] bytes) {
	}

}
