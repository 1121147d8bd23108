/**
 * Product announcements and release notes: written in the four languages, published at a
 * time for all customers or those of one language, read by each customer in their
 * language with their read state kept.
 */
@org.jspecify.annotations.NullMarked
package com.tpwallet.walletdesk.announcements;
