/**
 * Live chat over STOMP 1.2 on a native WebSocket ({@code /ws/chat}): the bot answers
 * first from the knowledge base, a human takes over on request (every chat with a human
 * is a ticket conversation), outside working hours the customer leaves a message on a
 * ticket. Messages are stored with a per-conversation sequence number before they are
 * delivered, so a client that reconnects gets exactly what it missed. The protocol is
 * documented in {@code docs/chat-protocol.md}.
 */
@org.jspecify.annotations.NullMarked
package com.tpwallet.walletdesk.chat;
