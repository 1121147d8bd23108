package com.tpwallet.walletdesk.wallet;

/**
 * A customer's money in one currency: what they can spend, and what is reserved for
 * pending withdrawals.
 */
public record Balance(String currency, long available, long held) {
}
