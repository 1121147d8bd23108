/**
 * Risk monitoring: every payment, transfer and withdrawal is screened before the money
 * moves (the wallet's {@code OutgoingScreening} port), and sign-ins, password and 2FA
 * changes and top-ups are scored as they happen. Explainable rules and a trained model
 * decide to allow, step up, hold for review or freeze; a freeze or a hold becomes an
 * alert and a ticket in the security queue, and the customer is told at once. Supervisors
 * confirm fraud or release a false positive, which labels the next training.
 */
@org.jspecify.annotations.NullMarked
package com.tpwallet.walletdesk.risk;
