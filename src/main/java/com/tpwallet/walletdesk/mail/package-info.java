/**
 * The e-mail channel: the support mailboxes read over IMAP into tickets (threaded by
 * Message-ID, then by ticket number for people already in the ticket), answers and
 * acknowledgements sent over SMTP from an outbox, loops and bounces recognised, nothing
 * lost across a crash. An embedded mail server stands in for the real ones in the demo,
 * dev and test profiles.
 */
@org.jspecify.annotations.NullMarked
package com.tpwallet.walletdesk.mail;
