package com.tpwallet.walletdesk.notifications;

import java.util.List;

/**
 * A message to send: the channel, the address, the recipient's language and the template
 * ({@code notification.<template>.text} and {@code .subject} in the bundles) with its
 * arguments.
 */
public record Notice(Channel channel, String recipient, String language, String template, List<Object> args) {

	/**
	 * SMS and e-mail leave the system; in-app messages wait in the person's inbox
	 * (recipient: their id).
	 */
	public enum Channel {

		SMS, EMAIL, INAPP

	}

	public static Notice sms(String phone, String language, String template, Object... args) {
		return new Notice(Channel.SMS, phone, language, template, List.of(args));
	}

	public static Notice inApp(java.util.UUID person, String language, String template, Object... args) {
		return new Notice(Channel.INAPP, person.toString(), language, template, List.of(args));
	}

	public static Notice email(String address, String language, String template, Object... args) {
		return new Notice(Channel.EMAIL, address, language, template, List.of(args));
	}
}
