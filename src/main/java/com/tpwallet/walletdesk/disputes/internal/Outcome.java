package com.tpwallet.walletdesk.disputes.internal;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How a dispute was decided. */
enum Outcome {

	/** Everything not yet given back is refunded. */
	REFUND,
	/** Part of it, an amount staff name. */
	PARTIAL_REFUND,
	/** Nothing, with the reason the customer is told. */
	REJECTED;

	@JsonValue
	String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	static Optional<Outcome> find(String code) {
		return Arrays.stream(values()).filter(o -> o.code().equals(code)).findFirst();
	}

}
