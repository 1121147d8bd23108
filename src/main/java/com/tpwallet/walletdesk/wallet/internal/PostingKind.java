package com.tpwallet.walletdesk.wallet.internal;

/**
 * Why a posting moved money, stored with it so the ledger reads on its own. A withdrawal
 * is three postings: the hold, then the payout or the return.
 */
enum PostingKind {

	TOP_UP("top_up"), PAYMENT("payment"), TRANSFER("transfer"), REFUND("refund"), WITHDRAWAL_HOLD("withdrawal_hold"),
	WITHDRAWAL_PAYOUT("withdrawal_payout"), WITHDRAWAL_RETURN("withdrawal_return"), REVERSAL("reversal"),
	PROVISIONAL_CREDIT("provisional_credit"), PROVISIONAL_REVERSAL("provisional_reversal");

	private final String code;

	PostingKind(String code) {
		this.code = code;
	}

	/** The stored text, the column {@code posting.kind}. */
	String code() {
		return code;
	}

}
