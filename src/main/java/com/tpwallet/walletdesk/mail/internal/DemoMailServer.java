package com.tpwallet.walletdesk.mail.internal;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * An embedded mail server (GreenMail) for the demo, dev and test profiles: SMTP and IMAP
 * on local ports, the support mailbox, and every other {@code @walletdesk.local} address
 * as a customer's mailbox. Any password signs in (the demo uses {@code demo}); never
 * outside these profiles.
 */
@Component
@Profile({ "demo", "dev", "test" })
@ConditionalOnProperty(name = "walletdesk.mail.demo.enabled", havingValue = "true")
class DemoMailServer {

	private static final Logger log = LoggerFactory.getLogger(DemoMailServer.class);

	private final GreenMail server;

	DemoMailServer(MailProperties properties) {
		MailProperties.Demo demo = properties.demo();
		server = new GreenMail(new ServerSetup[] { new ServerSetup(demo.smtpPort(), "127.0.0.1", "smtp"),
				new ServerSetup(demo.imapPort(), "127.0.0.1", "imap") });
		server.withConfiguration(GreenMailConfiguration.aConfig()
			.withUser(properties.address(), properties.address(), "demo")
			.withDisabledAuthentication());
		server.start();
		log.info("Demo mail server: SMTP on {}, IMAP on {}; support mailbox {} (password demo)", demo.smtpPort(),
				demo.imapPort(), properties.address());
	}

	GreenMail server() {
		return server;
	}

	@PreDestroy
	void stop() {
		server.stop();
	}

}
