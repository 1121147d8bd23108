package com.tpwallet.walletdesk.support.internal;

import com.tpwallet.walletdesk.platform.Refusal;
import com.tpwallet.walletdesk.support.TicketStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One matter of one customer, across channels, with its SLA clock: targets count working
 * time only, and stop while the ticket waits on the customer (pending) or on a third
 * party (on hold).
 */
class Ticket {

	/**
	 * {@link TicketStatus#ACTIVE} as an SQL list, for {@code status IN %s}: written once,
	 * not retyped in every query.
	 */
	static final String ACTIVE_SQL = TicketStatus.sqlList(TicketStatus.ACTIVE);

	/** Waiting on us, with a running clock (not paused, not solved). */
	static final String WAITING_ON_US_SQL = TicketStatus
		.sqlList(java.util.Arrays.stream(TicketStatus.values()).filter(TicketStatus::waitsOnUs).toList());
	static final List<String> PRIORITIES = List.of("low", "normal", "high", "urgent");

	/** Where tickets come from; {@code monitor}: opened by the risk monitor. */
	static final List<String> CHANNELS = List.of("web", "chat", "email", "phone", "monitor");

	/**
	 * A closed ticket reopens when the customer writes within this window; later, they
	 * open a new one.
	 */
	static final java.time.Duration REOPEN_WINDOW = java.time.Duration.ofDays(14);

	record SlaPolicy(long firstResponseMinutes, long resolutionMinutes) {
	}

	final UUID id;

	long number;

	/**
	 * The customer, or null while the requester is an e-mail contact not linked to one.
	 */
	@Nullable UUID customerId;

	/** The e-mail contact who wrote, when the sender is not (yet) a known customer. */
	@Nullable UUID contactId;

	/**
	 * Who a visitor who was not signed in said they are, and where to answer them; not
	 * proven until an agent links the ticket to a customer.
	 */
	com.tpwallet.walletdesk.support.@Nullable StatedContact stated;

	String subject;

	final String channel;

	String language;

	TicketStatus status = TicketStatus.NEW;

	String priority;

	String queue;

	@Nullable UUID assignee;

	List<String> tags = new ArrayList<>();

	@Nullable UUID transactionId;

	@Nullable Instant firstResponseDue;

	@Nullable Instant resolutionDue;

	@Nullable Instant firstRespondedAt;

	@Nullable Instant slaPausedAt;

	boolean firstResponseBreached;

	boolean resolutionBreached;

	@Nullable Instant solvedAt;

	@Nullable Instant closedAt;

	@Nullable Integer csatScore;

	@Nullable String csatComment;

	final Instant createdAt;

	Instant updatedAt;

	Ticket(UUID id, @Nullable UUID customerId, String subject, String channel, String language, String priority,
			String queue, Instant createdAt) {
		this.id = id;
		this.customerId = customerId;
		this.subject = subject;
		this.channel = channel;
		this.language = language;
		this.priority = priority;
		this.queue = queue;
		this.createdAt = createdAt;
		this.updatedAt = createdAt;
	}

	void startSla(SlaPolicy policy, BusinessHours hours) {
		firstResponseDue = hours.plus(createdAt, policy.firstResponseMinutes());
		resolutionDue = hours.plus(createdAt, policy.resolutionMinutes());
	}

	boolean isPaused() {
		return slaPausedAt != null;
	}

	/**
	 * Whether a reply from the customer may still reopen the ticket (a closed one only
	 * within the reopen window).
	 */
	boolean reopensOnCustomerReply(Instant now) {
		return status != TicketStatus.CLOSED || closedAt != null && now.isBefore(closedAt.plus(REOPEN_WINDOW));
	}

	/** The customer wrote: a waiting ticket is back with us, a solved one reopens. */
	void customerWrote(Instant now, BusinessHours hours) {
		if (status == TicketStatus.CLOSED) {
			if (!reopensOnCustomerReply(now)) {
				throw Refusal.conflict("ticket_closed");
			}
			status = TicketStatus.SOLVED;
			closedAt = null;
		}
		if (status != TicketStatus.NEW) {
			moveTo(TicketStatus.OPEN, now, hours);
		}
		updatedAt = now;
	}

	/**
	 * The ticket is given to an agent, who now owns it: a new one is open from now on.
	 * False when it was theirs already.
	 */
	boolean giveTo(UUID agent, Instant now, BusinessHours hours) {
		if (agent.equals(assignee)) {
			return false;
		}
		assignee = agent;
		if (status == TicketStatus.NEW) {
			moveTo(TicketStatus.OPEN, now, hours);
		}
		updatedAt = now;
		return true;
	}

	/**
	 * Its agent cannot go on with it (they do not speak the customer's language and no
	 * translation can carry it): back to its queue, for whoever can.
	 */
	void backToQueue(Instant now) {
		assignee = null;
		updatedAt = now;
	}

	boolean isDispute() {
		return queue.startsWith("disputes-");
	}

	/** A public reply by an agent: the first one meets the first-response target. */
	void agentReplied(Instant now, BusinessHours hours) {
		if (firstRespondedAt == null) {
			firstRespondedAt = now;
		}
		if (status == TicketStatus.NEW) {
			moveTo(TicketStatus.OPEN, now, hours);
		}
		updatedAt = now;
	}

	/**
	 * The one transition an agent makes by hand (any status to any other); a closed
	 * ticket stays closed, and the SLA clock stops and starts with the status.
	 */
	void moveTo(TicketStatus next, Instant now, BusinessHours hours) {
		if (status == TicketStatus.CLOSED && next != TicketStatus.CLOSED) {
			throw Refusal.conflict("ticket_closed");
		}
		if (isPaused() && !next.pausesSla()) {
			resume(now, hours);
		}
		if (!isPaused() && next.pausesSla()) {
			slaPausedAt = now;
		}
		if (next == TicketStatus.SOLVED && solvedAt == null) {
			solvedAt = now;
		}
		if (next.isActive()) {
			solvedAt = null;
		}
		if (next == TicketStatus.CLOSED) {
			closedAt = now;
		}
		status = next;
		updatedAt = now;
	}

	/** Working time spent waiting is added to every target still running. */
	private void resume(Instant now, BusinessHours hours) {
		long waited = hours.minutesBetween(slaPausedAt, now);
		if (firstRespondedAt == null && firstResponseDue != null) {
			firstResponseDue = hours.plus(firstResponseDue, waited);
		}
		if (resolutionDue != null) {
			resolutionDue = hours.plus(resolutionDue, waited);
		}
		slaPausedAt = null;
	}

	/**
	 * Targets passed at {@code now}, each reported once; a breach escalates the priority
	 * one step.
	 */
	List<String> breachesAt(Instant now) {
		List<String> breached = new ArrayList<>();
		if (isPaused() || !status.isActive()) {
			return breached;
		}
		if (!firstResponseBreached && firstRespondedAt == null && firstResponseDue != null
				&& now.isAfter(firstResponseDue)) {
			firstResponseBreached = true;
			breached.add("first_response");
		}
		if (!resolutionBreached && resolutionDue != null && now.isAfter(resolutionDue)) {
			resolutionBreached = true;
			breached.add("resolution");
		}
		if (!breached.isEmpty()) {
			int index = PRIORITIES.indexOf(priority);
			priority = PRIORITIES.get(Math.min(PRIORITIES.size() - 1, index + 1));
		}
		return breached;
	}

	boolean isOpen() {
		return status.isActive();
	}

}
