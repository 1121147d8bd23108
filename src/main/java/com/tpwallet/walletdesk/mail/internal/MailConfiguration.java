package com.tpwallet.walletdesk.mail.internal;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

@Configuration
@EnableConfigurationProperties(MailProperties.class)
class MailConfiguration {

	/**
	 * Outside the demo, dev and test profiles the service refuses to start without the
	 * real mail servers, unless the operator turned the channel off
	 * ({@code walletdesk.mail.enabled=false}).
	 */
	@Bean
	@Profile("!demo & !dev & !test")
	InitializingBean realMailServersRequired(MailProperties properties) {
		return () -> {
			if (!properties.enabled()) {
				return;
			}
			if (!properties.smtp().configured() || properties.mailboxes().isEmpty()) {
				throw new IllegalStateException("The e-mail channel needs its servers: set WALLETDESK_MAIL_SMTP_HOST "
						+ "(and _PORT, _USERNAME, _PASSWORD) and at least one IMAP mailbox "
						+ "(walletdesk.mail.mailboxes[0].host, port, username, password), "
						+ "or turn the channel off with WALLETDESK_MAIL_ENABLED=false");
			}
		};
	}

}
