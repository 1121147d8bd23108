package com.tpwallet.walletdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the service sent to a phone or an e-mail address (its notification outbox), for
 * tests.
 */
public final class SentMessages {

	private final JdbcClient jdbc;

	public SentMessages(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public String lastTo(String recipient) {
		return jdbc.sql("SELECT body FROM notification WHERE recipient = ? ORDER BY created_at DESC LIMIT 1")
			.param(recipient)
			.query(String.class)
			.single();
	}

	public int countTo(String recipient) {
		return jdbc.sql("SELECT count(*) FROM notification WHERE recipient = ?")
			.param(recipient)
			.query(Integer.class)
			.single();
	}

	/** The six-digit code in a message. */
	public static String codeIn(String message) {
		Matcher m = Pattern.compile("\\b(\\d{6})\\b").matcher(message);
		assertThat(m.find()).as(message).isTrue();
		return m.group(1);
	}

}
