/**
 * The money customers call about: a double-entry ledger (balanced postings,
 * never-negative customer balances), top-ups through a payment gateway port, payments,
 * transfers, withdrawals settled on mainland-China business days, refunds, and the
 * transaction history every attempt lands in.
 */
@org.jspecify.annotations.NullMarked
package com.tpwallet.walletdesk.wallet;
