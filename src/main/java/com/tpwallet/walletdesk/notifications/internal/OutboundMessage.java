package com.tpwallet.walletdesk.notifications.internal;

import com.tpwallet.walletdesk.notifications.Notice.Channel;
import org.jspecify.annotations.Nullable;

/** A rendered message, ready for a delivery adapter. */
record OutboundMessage(Channel channel, String recipient, @Nullable String subject, String body) {
}
