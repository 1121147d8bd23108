package com.tpwallet.walletdesk.identity;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What other modules know that belongs in a customer's security centre, such as a freeze
 * by the risk monitor and why. The identity module owns this port, so that it depends on
 * none of them; the troubleshooters read it too.
 */
public interface SecurityStanding {

	/** The warnings for the customer, in words of the locale; none when all is well. */
	List<Warning> warnings(UUID customerId, Locale locale);

	/** A warning: a stable code, a title and a text in words, and since when. */
	record Warning(String code, String title, String text, @Nullable Instant since) {
	}

}
