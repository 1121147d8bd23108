/**
 * The customer-service hotline: walletdesk plugs into the phone system through a
 * Zammad-compatible CTI webhook (every call in the customer's call log, the caller
 * identified, blocked numbers rejected, missed calls in business hours become callback
 * tickets) and answers the IVR in TwiML in four languages.
 */
@org.jspecify.annotations.NullMarked
package com.tpwallet.walletdesk.telephony;
