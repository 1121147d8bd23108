package com.tpwallet.walletdesk.notifications;

import java.util.List;
import java.util.UUID;

/**
 * Sends notices; delivery happens after the caller's transaction commits and is retried
 * if it fails.
 */
public interface Notifications {

	void send(Notice notice);

	/** A person's in-app messages, newest first. */
	List<InboxMessage> inbox(UUID person, int limit);

}
