package com.tpwallet.walletdesk.platform;

import java.time.Duration;

/**
 * Throttles attempts per key (an IP address, an account) across all instances: the
 * counters live in PostgreSQL. A caller over the limit is refused with
 * {@code 429 too_many_attempts}.
 */
public interface RateLimits {

	/** At most {@code attempts} per {@code period}, refilled gradually. */
	record Limit(String name, long attempts, Duration period) {
	}

	/**
	 * Consumes one attempt for {@code key} under {@code limit}, or throws a 429
	 * {@link Refusal}.
	 */
	void consume(Limit limit, String key);

}
