package com.tpwallet.walletdesk.identity;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How a customer is told things outside the app: by SMS to their phone, or by e-mail. */
public enum NoticeChannel {

	SMS, EMAIL;

	@JsonValue
	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Optional<NoticeChannel> ofCode(String code) {
		return Arrays.stream(values()).filter(c -> c.code().equals(code)).findFirst();
	}

}
