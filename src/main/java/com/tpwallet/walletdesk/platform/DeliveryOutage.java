package com.tpwallet.walletdesk.platform;

import java.time.Duration;
import java.time.Instant;

/**
 * When what the service sends (replies by e-mail, text and e-mail notices) has stopped
 * getting out: the oldest message still waiting has waited ten minutes, and nothing
 * written after it has left either. One recipient the other side keeps refusing while the
 * rest leaves is not an outage. The health indicators of mail and notifications apply it
 * to their outboxes.
 */
public final class DeliveryOutage {

	public static final Duration WAITING_FOR = Duration.ofMinutes(10);

	private DeliveryOutage() {
	}

	public static boolean isOutage(Instant oldestWaiting, boolean deliveredSince, Instant now) {
		return oldestWaiting.isBefore(now.minus(WAITING_FOR)) && !deliveredSince;
	}

}
