package com.tpwallet.walletdesk.disputes.internal;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/**
 * Where a dispute stands. Text only at the edges: the column and the JSON value are the
 * lower-case codes. The moves between them are {@link Dispute}'s guarded methods.
 */
enum DisputeStatus {

	SUBMITTED, UNDER_REVIEW, WAITING_CUSTOMER, WAITING_MERCHANT, DECIDED, CLOSED;

	@JsonValue
	String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** Support still owes the customer a decision. */
	boolean awaitsDecision() {
		return this != DECIDED && this != CLOSED;
	}

	static DisputeStatus of(String code) {
		return Arrays.stream(values())
			.filter(s -> s.code().equals(code))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No dispute status " + code));
	}

}
