package com.tpwallet.walletdesk.mail.internal;

import jakarta.mail.internet.MimeMessage;
import java.util.Properties;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * The SMTP server for the desk's own mail ({@code walletdesk.mail.smtp.*}), kept apart
 * from the notifications' sender: replies go out from the support address.
 */
@Component
class MailTransport {

	private final JavaMailSenderImpl sender = new JavaMailSenderImpl();

	private final boolean available;

	MailTransport(MailProperties properties) {
		MailProperties.Smtp smtp = properties.smtp();
		available = properties.enabled() && smtp.configured();
		if (available) {
			sender.setHost(smtp.host());
			sender.setPort(smtp.port());
			sender.setUsername(smtp.username());
			sender.setPassword(smtp.password());
			sender.setDefaultEncoding("UTF-8");
			Properties javaMail = new Properties();
			javaMail.put("mail.smtp.connectiontimeout", "10000");
			javaMail.put("mail.smtp.timeout", "20000");
			javaMail.put("mail.smtp.writetimeout", "20000");
			javaMail.put("mail.smtp.auth", String.valueOf(smtp.username() != null));
			javaMail.put("mail.smtp.starttls.enable", String.valueOf(smtp.starttls()));
			javaMail.put("mail.smtp.starttls.required", String.valueOf(smtp.starttls()));
			sender.setJavaMailProperties(javaMail);
		}
	}

	boolean available() {
		return available;
	}

	MimeMessage newMessage() {
		return sender.createMimeMessage();
	}

	/**
	 * The mails over one connection; a refused one is named in the exception's failed
	 * messages.
	 */
	void send(MimeMessage... messages) {
		sender.send(messages);
	}

}
