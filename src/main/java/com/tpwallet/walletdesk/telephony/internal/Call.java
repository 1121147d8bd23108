package com.tpwallet.walletdesk.telephony.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One call as the phone system reported it. Each event is one transition; an event that
 * comes late or twice (phone systems retry webhooks) changes nothing.
 */
record Call(String callId, String direction, String from, String to, @Nullable String caller, @Nullable UUID customerId,
		@Nullable String queue, CallState state, @Nullable String agent, int transfers, @Nullable String cause,
		@Nullable UUID ticketId, Instant startedAt, @Nullable Instant answeredAt, @Nullable Instant endedAt) {

	static Call ringing(String callId, String direction, String from, String to, @Nullable String caller,
			@Nullable UUID customerId, @Nullable String queue, Instant at) {
		return new Call(callId, direction, from, to, caller, customerId, queue, CallState.RINGING, null, 0, null, null,
				at, null, null);
	}

	Call rejected(Instant at) {
		return new Call(callId, direction, from, to, caller, customerId, queue, CallState.REJECTED, agent, transfers,
				"blocked", ticketId, startedAt, answeredAt, at);
	}

	/**
	 * An agent took the call; another agent answering an answered call is a transfer.
	 */
	Call answeredBy(String agentName, Instant at) {
		if (state == CallState.RINGING) {
			return new Call(callId, direction, from, to, caller, customerId, queue, CallState.ANSWERED, agentName,
					transfers, cause, ticketId, startedAt, at, endedAt);
		}
		if (state == CallState.ANSWERED && !agentName.equals(agent)) {
			return new Call(callId, direction, from, to, caller, customerId, queue, CallState.ANSWERED, agentName,
					transfers + 1, cause, ticketId, startedAt, answeredAt, endedAt);
		}
		return this;
	}

	/**
	 * The call ended: after an answer it is ended; while it rang it was missed, or
	 * abandoned if the caller was waiting in a queue.
	 */
	Call hungUp(@Nullable String why, Instant at) {
		return switch (state) {
			case RINGING -> new Call(callId, direction, from, to, caller, customerId, queue,
					queue != null ? CallState.ABANDONED : CallState.MISSED, agent, transfers, why, ticketId, startedAt,
					answeredAt, at);
			case ANSWERED -> new Call(callId, direction, from, to, caller, customerId, queue, CallState.ENDED, agent,
					transfers, why, ticketId, startedAt, answeredAt, at);
			case ENDED, MISSED, ABANDONED, REJECTED -> this;
		};
	}

	Call withTicket(UUID ticket) {
		return new Call(callId, direction, from, to, caller, customerId, queue, state, agent, transfers, cause, ticket,
				startedAt, answeredAt, endedAt);
	}

	/**
	 * Seconds from the first ring to the answer, or to the hang-up of an unanswered call.
	 */
	@Nullable Long waitSeconds() {
		Instant until = answeredAt != null ? answeredAt : endedAt;
		return until == null ? null : Duration.between(startedAt, until).toSeconds();
	}

	@Nullable Long talkSeconds() {
		return answeredAt == null || endedAt == null ? null : Duration.between(answeredAt, endedAt).toSeconds();
	}

	boolean wasMissed() {
		return state == CallState.MISSED || state == CallState.ABANDONED;
	}

}
