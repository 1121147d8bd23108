package com.tpwallet.walletdesk.disputes.internal;

import com.fasterxml.jackson.annotation.JsonValue;
import com.tpwallet.walletdesk.wallet.TransactionType;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Why a customer disputes a movement, and which movements each reason fits. */
enum DisputeReason {

	NOT_AUTHORISED(EnumSet
		.of(TransactionType.PAYMENT, TransactionType.TRANSFER_OUT, TransactionType.WITHDRAWAL, TransactionType.TOP_UP)),
	GOODS_NOT_RECEIVED(EnumSet.of(TransactionType.PAYMENT)),
	CHARGED_TWICE(EnumSet.of(TransactionType.PAYMENT, TransactionType.TOP_UP, TransactionType.TRANSFER_OUT,
			TransactionType.WITHDRAWAL)),
	WRONG_AMOUNT(EnumSet.of(TransactionType.PAYMENT, TransactionType.TOP_UP, TransactionType.TRANSFER_OUT,
			TransactionType.WITHDRAWAL)),
	REFUND_NOT_RECEIVED(EnumSet.of(TransactionType.PAYMENT)),
	/**
	 * A transfer or withdrawal that did not arrive, or a top-up charged but not credited.
	 */
	NOT_RECEIVED(EnumSet.of(TransactionType.TRANSFER_OUT, TransactionType.WITHDRAWAL, TransactionType.TOP_UP)),
	OTHER(EnumSet.of(TransactionType.PAYMENT, TransactionType.TRANSFER_OUT, TransactionType.WITHDRAWAL,
			TransactionType.TOP_UP));

	private final Set<TransactionType> fits;

	DisputeReason(Set<TransactionType> fits) {
		this.fits = fits;
	}

	/** Whether a customer may give this reason for a movement of this type. */
	boolean fits(TransactionType type) {
		return fits.contains(type);
	}

	@JsonValue
	String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	static Optional<DisputeReason> find(String code) {
		return Arrays.stream(values()).filter(r -> r.code().equals(code)).findFirst();
	}

}
