package com.tpwallet.walletdesk.notifications;

/** Sends notices; delivery happens after the caller's transaction commits and is retried if it fails. */
public interface Notifications {

	void send(Notice notice);
}
