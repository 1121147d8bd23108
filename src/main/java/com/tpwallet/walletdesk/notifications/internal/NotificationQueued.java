package com.tpwallet.walletdesk.notifications.internal;

import java.util.UUID;

record NotificationQueued(UUID notificationId) {
}
