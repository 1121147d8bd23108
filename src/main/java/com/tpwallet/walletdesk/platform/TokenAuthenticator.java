package com.tpwallet.walletdesk.platform;

import java.util.Optional;

/**
 * Turns a bearer token into the caller it belongs to; implemented by the module that
 * issues tokens.
 */
public interface TokenAuthenticator {

	Optional<Caller> authenticate(String bearerToken);

}
