package com.tpwallet.walletdesk.chat.internal;

import com.tpwallet.walletdesk.platform.Caller;
import com.tpwallet.walletdesk.platform.Refusal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A chat: with the bot, waiting for an agent, with an agent, left as a message outside
 * hours, or ended. Each change of status is one guarded transition that returns the chat
 * as it is afterwards; the store writes it. Who may see and act on the chat is answered
 * here, once.
 */
record Conversation(UUID id, @Nullable UUID customerId, @Nullable String visitorId, @Nullable String language,
		ChatStatus status, @Nullable UUID agentId, @Nullable UUID ticketId, int lastSeq, Instant createdAt,
		@Nullable Instant queuedAt, @Nullable Instant endedAt) {

	/** The name of the user queue the customer (or visitor) listens on. */
	String ownerName() {
		return customerId != null ? ChatUser.customerName(customerId) : "v:" + visitorId;
	}

	String languageOr(String fallback) {
		return language != null ? language : fallback;
	}

	boolean isOpen() {
		return status != ChatStatus.ENDED;
	}

	boolean isWith(ChatStatus expected) {
		return status == expected;
	}

	/**
	 * Whether the customer's words reach the same reader in the same language here as in
	 * {@code other}, a sighting of the same chat: then what was decided about translating
	 * them for one holds for the other.
	 */
	/**
	 * Whether a text the customer wrote to the chat as last {@code seen} can stay as
	 * written in the chat as it is now: still open, theirs, with the same reader, not
	 * with the bot.
	 */
	boolean takesTextAsSeen(ChatUser user, Conversation seen) {
		return isOpen() && belongsTo(user) && seen.sameReaderAs(this) && !isWith(ChatStatus.BOT);
	}

	boolean sameReaderAs(Conversation other) {
		boolean withAgent = isWith(ChatStatus.AGENT);
		if (withAgent != other.isWith(ChatStatus.AGENT)) {
			return false;
		}
		return !withAgent || Objects.equals(agentId, other.agentId) && languageOr("en").equals(other.languageOr("en"));
	}

	// ---- transitions

	/** From the bot to the queue, with the ticket that holds the transcript. */
	Conversation queue(UUID ticket, Instant now) {
		require(status == ChatStatus.BOT);
		return new Conversation(id, customerId, visitorId, language, ChatStatus.QUEUED, agentId, ticket, lastSeq,
				createdAt, now, endedAt);
	}

	/**
	 * No agent now (outside hours, nobody available, or waited too long): the chat
	 * becomes a message on its ticket.
	 */
	Conversation leaveMessage(@Nullable UUID ticket) {
		require(status == ChatStatus.BOT || status == ChatStatus.QUEUED);
		return new Conversation(id, customerId, visitorId, language, ChatStatus.OFFLINE, agentId,
				ticket != null ? ticket : ticketId, lastSeq, createdAt, queuedAt, endedAt);
	}

	/** An agent takes the waiting chat, or the agent with it hands it to a colleague. */
	Conversation giveTo(UUID agent) {
		require(status == ChatStatus.QUEUED || status == ChatStatus.AGENT);
		return new Conversation(id, customerId, visitorId, language, ChatStatus.AGENT, agent, ticketId, lastSeq,
				createdAt, queuedAt, endedAt);
	}

	/**
	 * The agent with the chat cannot go on in its language (no translation can carry it):
	 * back to the queue, for a colleague who speaks it.
	 */
	Conversation backToQueue(Instant now) {
		require(status == ChatStatus.AGENT);
		return new Conversation(id, customerId, visitorId, language, ChatStatus.QUEUED, null, ticketId, lastSeq,
				createdAt, now, endedAt);
	}

	/** Either side ends the chat; an ended chat stays ended. */
	Conversation end(Instant now) {
		require(isOpen());
		return new Conversation(id, customerId, visitorId, language, ChatStatus.ENDED, agentId, ticketId, lastSeq,
				createdAt, queuedAt, now);
	}

	private void require(boolean allowed) {
		if (!allowed) {
			throw new IllegalStateException("A chat " + status.code() + " cannot do that");
		}
	}

	// ---- who may see and act

	/** The customer (or visitor) whose chat this is. */
	boolean belongsTo(ChatUser user) {
		return !user.isStaff() && user.getName().equals(ownerName());
	}

	/**
	 * The agent who has the chat, or a supervisor stepping into a chat an agent has: the
	 * staff who may write, transfer and end it.
	 */
	boolean isOwnedBy(Caller staff) {
		return status == ChatStatus.AGENT && (staff.id().equals(agentId) || staff.hasAtLeast(Caller.Role.SUPERVISOR));
	}

	/** The two people in the chat: its customer, and the agent who has it. */
	boolean takesPart(ChatUser user) {
		return user.isStaff() ? user.caller().id().equals(agentId) : belongsTo(user);
	}

	/**
	 * Staff who may read the chat: the agent who has it, supervisors, and agents who
	 * speak the language of a chat waiting in the queue (to decide whether to take it).
	 */
	boolean isVisibleTo(Caller staff, List<String> staffLanguages) {
		return staff.id().equals(agentId) || staff.hasAtLeast(Caller.Role.SUPERVISOR)
				|| status == ChatStatus.QUEUED && staffLanguages.contains(languageOr("en"));
	}

	/** Refuses, as "not found", anyone who does not take part. */
	Conversation requireParticipant(ChatUser user) {
		if (!takesPart(user)) {
			throw Refusal.notFound("chat_not_found");
		}
		return this;
	}

}
