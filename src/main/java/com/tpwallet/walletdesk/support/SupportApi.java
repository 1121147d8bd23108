package com.tpwallet.walletdesk.support;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What other modules (troubleshooters, chat) may ask of the service desk. */
public interface SupportApi {

	/**
	 * Opens a ticket for a customer, routed and put on the SLA clock like one the
	 * customer wrote; {@code topic} one of account, payments, withdrawals, disputes,
	 * security, general (null: guessed from the text).
	 */
	OpenedTicket openTicket(UUID customerId, NewTicket ticket);

	record NewTicket(String subject, String message, String language, @Nullable String topic, String channel,
			@Nullable UUID transactionId, @Nullable String priority) {

		/** At normal priority. */
		public NewTicket(String subject, String message, String language, @Nullable String topic, String channel,
				@Nullable UUID transactionId) {
			this(subject, message, language, topic, channel, transactionId, null);
		}

	}

	record OpenedTicket(UUID id, long number) {
	}

	/**
	 * Opens a ticket for someone who wrote by e-mail and is not (yet) a known customer:
	 * an e-mail contact, whom staff may later link to a customer.
	 */
	OpenedTicket openTicketForContact(UUID contactId, NewTicket ticket);

	/**
	 * Opens a ticket for a visitor who is not signed in: who they say they are, unproven,
	 * and where the answer goes (their phone by SMS, or their e-mail).
	 */
	OpenedTicket openTicketForVisitor(StatedContact visitor, NewTicket ticket);

	/** Who the visitor behind a ticket said they are, if a visitor opened it. */
	java.util.Optional<StatedContact> statedContact(UUID ticketId);

	/**
	 * The visitor behind the ticket was proven to be this customer: the ticket becomes
	 * theirs (a ticket that has a customer already keeps it).
	 */
	void linkVisitor(UUID ticketId, UUID customerId);

	/** What another channel needs to know of a ticket. */
	java.util.Optional<TicketFacts> ticket(UUID ticketId);

	/** The ticket customers and agents know by this number. */
	java.util.Optional<TicketFacts> ticketByNumber(long number);

	/** {@code queue} is the topic and language, as {@code withdrawals-fr}. */
	record TicketFacts(UUID id, long number, String subject, String language, String channel, String queue,
			TicketStatus status, @Nullable UUID customerId, @Nullable UUID contactId,
			java.time.@Nullable Instant firstResponseDue) {
	}

	/**
	 * Refuses (as not found) a staff member who may not see the ticket: the same rule as
	 * the desk's own pages.
	 */
	void requireSeenBy(UUID ticketId, com.tpwallet.walletdesk.platform.Caller staff);

	/**
	 * A customer's tickets not yet solved, newest first (what an agent sees while the
	 * phone rings).
	 */
	List<TicketFacts> openTickets(UUID customerId);

	/** A contact's tickets become the customer's (staff linked the two). */
	int linkContact(UUID contactId, UUID customerId);

	/**
	 * How a reply that went out by e-mail fared: queued, sent or failed, with the mail
	 * server's answer.
	 */
	void recordDelivery(long entryId, String state, @Nullable String detail);

	/**
	 * What the requester wrote on a ticket, in order (their messages only: no replies,
	 * notes or events).
	 */
	List<String> requesterMessages(UUID ticketId);

	/** The number customers and agents know a ticket by. */
	long ticketNumber(UUID ticketId);

	/**
	 * Adds to a ticket's conversation what happened on another channel.
	 */
	long addEntry(UUID ticketId, EntryKind kind, @Nullable UUID authorId, String text);

	/** One entry of {@link #addEntries}. */
	record NewEntry(UUID ticketId, EntryKind kind, @Nullable UUID authorId, String text) {
	}

	/**
	 * Entries on several tickets at once (chat messages stored together), each counting
	 * as {@link #addEntry} would: one statement locks the tickets, one round trip writes
	 * them.
	 */
	void addEntries(List<NewEntry> entries);

	/**
	 * An agent's words sent machine-translated on another channel (chat): the text the
	 * customer received, and the agent's original, both kept on the ticket.
	 */
	long addTranslatedReply(UUID ticketId, UUID agentId, String text, String original, String originalLanguage);

	/**
	 * Machine translation cannot carry the ticket's conversation: it goes to an agent who
	 * speaks {@code language}, or waits in that language's queue, and is counted by
	 * reason. Done once the caller's transaction has ended, whether it commits or not.
	 */
	void needSpeaker(UUID ticketId, String language, HumanFallback reason);

	/** Whether the ticket is about a dispute (never machine-translated). */
	boolean isDispute(UUID ticketId);

	/**
	 * A chat ended: its ticket is solved, without the desk's own survey (the chat asks
	 * for stars). A ticket already solved or closed stays as it is.
	 */
	void solveAfterChat(UUID ticketId);

	/** The stars a customer gave a chat, as its ticket's satisfaction. */
	void rateAfterChat(UUID ticketId, UUID customerId, int score);

	/** Gives the ticket to an agent (a chat was accepted) and opens it. */
	void assign(UUID ticketId, UUID agentId);

	/**
	 * Whether the desk is staffed now: business day, within opening hours (Beijing time).
	 */
	boolean isOpen(java.time.Instant at);

	/** Opening hours as "09:00–21:00", for texts that tell customers when we answer. */
	String openingHours();

	/** Agents marked available who speak {@code language}. */
	List<UUID> availableAgents(String language);

	/**
	 * Stores a file on the ticket after the desk's checks (type sniffed, size, virus
	 * scan); refusals as for tickets.
	 */
	StoredFile attach(UUID ticketId, com.tpwallet.walletdesk.platform.Caller uploader, String fileName, byte[] bytes);

	/**
	 * Stores a file the requester sent by another channel (e-mail), with the same checks;
	 * refusals as for tickets.
	 */
	StoredFile attachFromRequester(UUID ticketId, String fileName, byte[] bytes);

	record StoredFile(UUID id, String fileName, String mediaType, int size) {
	}

	/** A stored file's content, for a channel that sends it on (e-mail). */
	java.util.Optional<FileContent> file(UUID attachmentId);

	record FileContent(String fileName, String mediaType, byte[] bytes) {
	}

}
