package com.tpwallet.walletdesk.telephony.internal;

import com.tpwallet.walletdesk.identity.IdentityApi;
import com.tpwallet.walletdesk.platform.Caller;
import com.tpwallet.walletdesk.platform.CursorPage;
import com.tpwallet.walletdesk.platform.PlainText;
import com.tpwallet.walletdesk.platform.Refusal;
import com.tpwallet.walletdesk.support.SupportApi;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The call log as staff read and work it: notes, and the ticket a call belongs to. */
@Service
class CallViews {

	private final CallLog calls;

	private final SupportApi support;

	private final IdentityApi identity;

	private final MessageSource messages;

	private final Clock clock;

	CallViews(CallLog calls, SupportApi support, IdentityApi identity, MessageSource messages, Clock clock) {
		this.calls = calls;
		this.support = support;
		this.identity = identity;
		this.messages = messages;
		this.clock = clock;
	}

	record NoteView(UUID authorId, String body, Instant at) {
	}

	/**
	 * One call as the log shows it; {@code agent} is who answered (last, after a
	 * transfer).
	 */
	record CallView(String callId, String direction, String from, String to, CallState state, @Nullable UUID customerId,
			@Nullable String agent, int transfers, @Nullable String queue, Instant startedAt,
			@Nullable Instant answeredAt, @Nullable Instant endedAt, @Nullable Long waitSeconds,
			@Nullable Long talkSeconds, @Nullable String cause, @Nullable UUID ticketId, List<NoteView> notes) {
	}

	@Transactional(readOnly = true)
	public CursorPage<CallView> calls(@Nullable UUID customerId, @Nullable String cursor, int limit, Caller staff) {
		String agent = null;
		if (customerId != null) {
			identity.requireStaffReach(staff.id(), customerId);
		}
		else if (!staff.hasAtLeast(Caller.Role.SUPERVISOR)) {
			// the whole log names every caller: an agent reads it per customer, or their
			// own calls
			agent = identity.staffMember(staff.id()).map(m -> m.username()).orElse("");
		}
		return calls.page(customerId, agent, cursor, limit).map(c -> view(c, false));
	}

	@Transactional
	public CallView note(String callId, String body, Caller staff) {
		Call call = reachable(callId, staff);
		String text = PlainText.of(body);
		if (text.isEmpty()) {
			throw Refusal.unprocessable("call_note_empty");
		}
		calls.note(callId, staff.id(), text, clock.instant());
		return view(call, true);
	}

	/** The call joins an open ticket of its caller, or a new phone ticket opens. */
	@Transactional
	public CallView link(String callId, @Nullable UUID ticketId, Caller staff) {
		Call call = reachable(callId, staff);
		UUID customer = call.customerId();
		if (customer == null) {
			throw Refusal.unprocessable("call_caller_unknown");
		}
		UUID ticket;
		if (ticketId != null) {
			SupportApi.TicketFacts facts = support.ticket(ticketId)
				.filter(t -> customer.equals(t.customerId()))
				.orElseThrow(() -> Refusal.unprocessable("call_ticket_unknown"));
			if (!facts.status().isActive()) {
				throw Refusal.conflict("ticket_closed");
			}
			ticket = facts.id();
		}
		else {
			String language = identity.customer(customer).map(c -> c.language()).orElse("zh-CN");
			Locale locale = Locale.forLanguageTag(language);
			ticket = support
				.openTicket(customer,
						new SupportApi.NewTicket(
								messages.getMessage("phone.ticket.subject", new Object[] { call.caller() }, locale),
								messages.getMessage("phone.ticket.body", new Object[] { call.caller() }, locale),
								language, null, "phone", null))
				.id();
		}
		Call linked = call.withTicket(ticket);
		calls.update(linked);
		return view(linked, true);
	}

	private Call reachable(String callId, Caller staff) {
		Call call = calls.lock(callId).orElseThrow(() -> Refusal.notFound("call_not_found"));
		if (call.customerId() != null) {
			identity.requireStaffReach(staff.id(), call.customerId());
		}
		return call;
	}

	private CallView view(Call c, boolean withNotes) {
		List<NoteView> notes = withNotes
				? calls.notes(c.callId()).stream().map(n -> new NoteView(n.authorId(), n.body(), n.at())).toList()
				: List.of();
		return new CallView(c.callId(), c.direction(), c.from(), c.to(), c.state(), c.customerId(), c.agent(),
				c.transfers(), c.queue(), c.startedAt(), c.answeredAt(), c.endedAt(), c.waitSeconds(), c.talkSeconds(),
				c.cause(), c.ticketId(), notes);
	}

}
