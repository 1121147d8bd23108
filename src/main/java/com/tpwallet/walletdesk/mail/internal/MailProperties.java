package com.tpwallet.walletdesk.mail.internal;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code walletdesk.mail.*}: the support address, the SMTP server for what we send, and
 * the IMAP mailboxes we read (one per language or queue if wanted).
 */
@ConfigurationProperties("walletdesk.mail")
record MailProperties(@DefaultValue("true") boolean enabled, @DefaultValue("support@walletdesk.local") String address,
		@DefaultValue("tpWallet Support") String displayName,
		/* the right-hand side of the Message-IDs we generate */
		@DefaultValue("walletdesk.local") String domain, @DefaultValue Smtp smtp, @DefaultValue List<Mailbox> mailboxes,
		@DefaultValue("PT2S") Duration pollInterval,
		/* automatic replies (acknowledgements) to one sender in a day, at most */
		@DefaultValue("5") int acknowledgementsPerSenderPerDay, @DefaultValue Demo demo) {

	record Smtp(@Nullable String host, @DefaultValue("25") int port, @Nullable String username,
			@Nullable String password, @DefaultValue("false") boolean starttls) {

		boolean configured() {
			return host != null && !host.isBlank();
		}
	}

	/** One IMAP mailbox; {@code name} keys its reading position. */
	record Mailbox(String name, String host, @DefaultValue("143") int port, String username, String password,
			@DefaultValue("false") boolean ssl, @DefaultValue("INBOX") String folder) {
	}

	/** The embedded mail server of the demo, dev and test profiles. */
	record Demo(@DefaultValue("false") boolean enabled, @DefaultValue("3025") int smtpPort,
			@DefaultValue("3143") int imapPort) {
	}

}
