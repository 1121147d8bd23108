package com.tpwallet.walletdesk.chat.internal;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/**
 * Where a chat stands: with the bot, waiting for an agent, with an agent, left as a
 * message outside hours, or ended. Text only at the edges: the database column and the
 * JSON value are the lower-case codes.
 */
enum ChatStatus {

	BOT("bot"), QUEUED("queued"), AGENT("agent"), OFFLINE("offline"), ENDED("ended");

	private final String code;

	ChatStatus(String code) {
		this.code = code;
	}

	@JsonValue
	String code() {
		return code;
	}

	static ChatStatus of(String code) {
		return Arrays.stream(values())
			.filter(s -> s.code.equals(code))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No chat status " + code));
	}

}
