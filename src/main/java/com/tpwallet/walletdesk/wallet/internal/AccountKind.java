package com.tpwallet.walletdesk.wallet.internal;

/**
 * Ledger accounts: two per customer and currency, the rest belong to the wallet operator.
 */
enum AccountKind {

	CUSTOMER_AVAILABLE, CUSTOMER_HELD, BANK_CLEARING, MERCHANT_SETTLEMENT, WITHDRAWAL_IN_TRANSIT, FEES, SUSPENSE,
	/** What disputes cost the operator: credits for movements no merchant pays back. */
	DISPUTE_LOSSES,
	/** Provisional credits paid while a dispute is decided. */
	DISPUTE_PROVISIONAL

}
