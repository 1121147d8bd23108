package com.tpwallet.walletdesk.support;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/**
 * What an entry of a ticket's conversation is: the requester writing, an agent's public
 * reply, an internal note customers never see, or an event (status changed, assigned, SLA
 * missed). Text only at the edges: the database column and the JSON value are the
 * lower-case codes.
 */
public enum EntryKind {

	CUSTOMER, AGENT, NOTE, SYSTEM;

	@JsonValue
	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static EntryKind of(String code) {
		return Arrays.stream(values())
			.filter(k -> k.code().equals(code))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No entry kind " + code));
	}

}
