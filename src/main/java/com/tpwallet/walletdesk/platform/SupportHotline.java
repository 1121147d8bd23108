package com.tpwallet.walletdesk.platform;

import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The customer-service hotline as customers read it — "Hotline 400 820 8820, business
 * days 09:00–21:00 (Beijing time)" — wherever a page or the chat shows it; none when no
 * number is configured.
 */
@Component
public class SupportHotline {

	private final MessageSource messages;

	private final String number;

	private final String hours;

	SupportHotline(MessageSource messages, @Value("${walletdesk.support.hotline:}") String number,
			@Value("${walletdesk.support.opens:09:00}") String opens,
			@Value("${walletdesk.support.closes:21:00}") String closes) {
		this.messages = messages;
		this.number = number;
		this.hours = opens + "–" + closes;
	}

	public Optional<String> text(Locale locale) {
		return number.isBlank() ? Optional.empty()
				: Optional.of(messages.getMessage("contact.hotline", new Object[] { number, hours }, locale));
	}

}
