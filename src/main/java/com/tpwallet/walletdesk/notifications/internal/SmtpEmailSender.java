package com.tpwallet.walletdesk.notifications.internal;

import com.tpwallet.walletdesk.notifications.Notice.Channel;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/** Sends e-mail over SMTP ({@code spring.mail.*}), as UTF-8 plain text. */
@Component
class SmtpEmailSender implements DeliveryAdapter {

	private final ObjectProvider<JavaMailSender> mail;

	private final String from;

	SmtpEmailSender(ObjectProvider<JavaMailSender> mail,
			@Value("${walletdesk.mail.from:no-reply@tpwallet.example}") String from) {
		this.mail = mail;
		this.from = from;
	}

	@Override
	public Channel channel() {
		return Channel.EMAIL;
	}

	@Override
	public String name() {
		return "smtp";
	}

	@Override
	public void requireConfiguration() {
		if (mail.getIfAvailable() == null) {
			throw new IllegalStateException(
					"Set SPRING_MAIL_HOST (and SPRING_MAIL_PORT, ...): the SMTP server for e-mail");
		}
	}

	@Override
	public void deliver(OutboundMessage message) {
		JavaMailSender sender = mail.getIfAvailable();
		if (sender == null) {
			throw new MailSendException("No SMTP server configured (spring.mail.host)");
		}
		try {
			MimeMessage mime = sender.createMimeMessage();
			MimeMessageHelper helper = new MimeMessageHelper(mime, false, "UTF-8");
			helper.setFrom(from);
			helper.setTo(message.recipient());
			helper.setSubject(message.subject() == null ? "" : message.subject());
			helper.setText(message.body(), false);
			sender.send(mime);
		}
		catch (MessagingException e) {
			throw new MailSendException("Could not build the message", e);
		}
	}

}
