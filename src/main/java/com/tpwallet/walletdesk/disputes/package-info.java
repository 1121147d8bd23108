/**
 * Transaction disputes: a customer disagrees with one of their movements (not authorised,
 * charged twice, goods or money not received...), brings evidence, and support
 * investigates (asking the customer or the merchant) and decides within a deadline in
 * business days: a refund posted through the wallet, a partial refund, or a rejection
 * with its reason. Each dispute has a ticket in the disputes queue; large ones are
 * credited provisionally at once.
 */
@org.jspecify.annotations.NullMarked
package com.tpwallet.walletdesk.disputes;
