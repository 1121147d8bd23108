package com.tpwallet.walletdesk.identity;

/** The outcome of checking a payment password (PIN) before money moves. */
public enum PaymentPasswordCheck {

	ACCEPTED, WRONG, BLOCKED, NOT_SET;

	/** The problem code a refused payment carries. */
	public String refusalCode() {
		return switch (this) {
			case ACCEPTED -> throw new IllegalStateException("An accepted PIN is not a refusal");
			case WRONG -> "payment_password_wrong";
			case BLOCKED -> "payment_password_blocked";
			case NOT_SET -> "payment_password_not_set";
		};
	}

}
