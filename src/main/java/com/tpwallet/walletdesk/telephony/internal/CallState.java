package com.tpwallet.walletdesk.telephony.internal;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/**
 * Where a call stands: ringing (perhaps waiting in a queue), answered by an agent, ended
 * after an answer, missed (hung up while ringing), abandoned (hung up while waiting in a
 * queue), or rejected (a blocked number).
 */
enum CallState {

	RINGING, ANSWERED, ENDED, MISSED, ABANDONED, REJECTED;

	@JsonValue
	String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	static CallState of(String code) {
		return Arrays.stream(values())
			.filter(s -> s.code().equals(code))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No call state " + code));
	}

}
