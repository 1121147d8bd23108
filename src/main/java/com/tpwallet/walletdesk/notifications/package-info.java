/**
 * Messages to customers and staff: SMS and e-mail through ports (an HTTP SMS gateway,
 * SMTP, and a development outbox), rendered from the message bundles in the recipient's
 * language, stored before delivery and delivered after commit.
 */
@org.jspecify.annotations.NullMarked
package com.tpwallet.walletdesk.notifications;
