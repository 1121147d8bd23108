package com.tpwallet.walletdesk.wallet;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Where a transaction record stands. A top-up is pending until the gateway answers; a
 * withdrawal is held, sent to the bank on a business day, then settled or returned.
 * Payments, transfers and refunds are created succeeded or failed and never move. Text
 * only at the edges: the database column and the JSON value are the lower-case codes.
 */
public enum TransactionStatus {

	PENDING("pending"), SUCCEEDED("succeeded"), FAILED("failed"), HELD("held"), SENT_TO_BANK("sent_to_bank"),
	SETTLED("settled"), RETURNED("returned");

	private final String code;

	TransactionStatus(String code) {
		this.code = code;
	}

	@JsonValue
	public String code() {
		return code;
	}

	/** The statuses a record in this one may move to next. */
	public Set<TransactionStatus> next() {
		return switch (this) {
			case PENDING -> EnumSet.of(SUCCEEDED, FAILED);
			case HELD -> EnumSet.of(SENT_TO_BANK, RETURNED);
			case SENT_TO_BANK -> EnumSet.of(SETTLED, RETURNED);
			case SUCCEEDED, FAILED, SETTLED, RETURNED -> EnumSet.noneOf(TransactionStatus.class);
		};
	}

	/** The money arrived where it was sent: nothing is left to happen. */
	public boolean isComplete() {
		return this == SUCCEEDED || this == SETTLED;
	}

	/** Still moving: the customer is waiting on a gateway or a bank. */
	public boolean isInProgress() {
		return !next().isEmpty();
	}

	public static Optional<TransactionStatus> find(String code) {
		return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
	}

	public static TransactionStatus of(String code) {
		return find(code).orElseThrow(() -> new IllegalArgumentException("No transaction status " + code));
	}

}
