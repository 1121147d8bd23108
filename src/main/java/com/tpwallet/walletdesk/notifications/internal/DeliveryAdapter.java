package com.tpwallet.walletdesk.notifications.internal;

import com.tpwallet.walletdesk.notifications.Notice.Channel;

/**
 * The port a delivery technology implements: an SMS gateway, an SMTP server, the
 * development outbox.
 */
interface DeliveryAdapter {

	Channel channel();

	/** A short name stored with each message, e.g. {@code smtp}. */
	String name();

	/**
	 * Refuses to start the service when the adapter chosen for its channel lacks its
	 * settings.
	 */
	default void requireConfiguration() {
	}

	/** Delivers or throws; a failure is retried by the event publication registry. */
	void deliver(OutboundMessage message);

}
