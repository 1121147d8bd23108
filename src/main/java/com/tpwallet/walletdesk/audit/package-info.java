/**
 * The append-only record of sensitive actions: who, what, to whom, when and from where.
 * Written in the transaction of every
 * {@link com.tpwallet.walletdesk.platform.AuditedAction}; staff with the supervisor role
 * query it.
 */
@org.jspecify.annotations.NullMarked
package com.tpwallet.walletdesk.audit;
