/**
 * Customers and staff: registration, login with lockout and throttling, password reset by
 * a code sent to the phone or e-mail, TOTP two-factor with recovery codes, the payment
 * password, bearer tokens, the security centre, and staff unlocking an account after a
 * recorded identity verification.
 */
@org.jspecify.annotations.NullMarked
package com.tpwallet.walletdesk.identity;
