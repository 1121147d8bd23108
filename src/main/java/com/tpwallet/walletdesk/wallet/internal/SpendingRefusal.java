package com.tpwallet.walletdesk.wallet.internal;

/**
 * Why money may not leave a wallet: the reasons of {@link OutgoingMoneyPolicy}, and for
 * transfers the two about the recipient. The code is what the customer's history and the
 * problem response carry.
 */
enum SpendingRefusal {

	WALLET_FROZEN("wallet_frozen"), INSUFFICIENT_BALANCE("insufficient_balance"), LIMIT_EXCEEDED("limit_exceeded"),
	RECIPIENT_UNKNOWN("recipient_unknown"), RECIPIENT_IS_SELF("recipient_is_self"),
	/**
	 * The risk monitor asks the customer to prove who they are (an SMS code) and repeat.
	 */
	RISK_STEP_UP("risk_step_up_required"),
	/** The risk monitor holds the movement for a person to review. */
	RISK_REVIEW("risk_review");

	private final String code;

	SpendingRefusal(String code) {
		this.code = code;
	}

	String code() {
		return code;
	}

}
