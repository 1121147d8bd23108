package com.tpwallet.walletdesk.wallet;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/**
 * What kind of movement a transaction record is. Text only at the edges: the database
 * column and the JSON value are the lower-case codes.
 */
public enum TransactionType {

	TOP_UP("top_up"), PAYMENT("payment"), TRANSFER_OUT("transfer_out"), TRANSFER_IN("transfer_in"),
	WITHDRAWAL("withdrawal"), REFUND("refund"),
	/** A transfer taken back after confirmed fraud: money back to the victim... */
	REVERSAL_IN("reversal_in"),
	/** ...and out of the wallet it had reached. */
	REVERSAL_OUT("reversal_out"),
	/** Paid at once while a large dispute is decided... */
	PROVISIONAL_CREDIT("provisional_credit"),
	/** ...and taken back when the decision comes. */
	PROVISIONAL_REVERSAL("provisional_reversal");

	private final String code;

	TransactionType(String code) {
		this.code = code;
	}

	@JsonValue
	public String code() {
		return code;
	}

	/** The type a stored or requested code names, if any. */
	public static Optional<TransactionType> find(String code) {
		return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst();
	}

	/** The type of a stored code; a code the database holds is always one of these. */
	public static TransactionType of(String code) {
		return find(code).orElseThrow(() -> new IllegalArgumentException("No transaction type " + code));
	}

}
