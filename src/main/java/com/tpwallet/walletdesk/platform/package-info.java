/**
 * Cross-cutting ground every module stands on: the embedded PostgreSQL bootstrap, problem
 * details with stable codes and localised messages, the caller's language, security and
 * its token SPI.
 */
@org.jspecify.annotations.NullMarked
package com.tpwallet.walletdesk.platform;
