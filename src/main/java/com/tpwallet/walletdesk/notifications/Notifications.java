package com.tpwallet.walletdesk.notifications;

/**
 * Sends notices; delivery happens after the caller's transaction commits and is retried
 * if it fails.
 */
public interface Notifications {

	void send(Notice notice);

	/** A person's in-app messages, newest first. */
	java.util.List<InboxMessage> inbox(java.util.UUID person, int limit);

}
