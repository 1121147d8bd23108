/**
 * Language services shared by the channels: which of the four served languages a customer
 * wrote in. (Machine translation behind a port is still to come.)
 */
@org.jspecify.annotations.NullMarked
package com.tpwallet.walletdesk.translation;
