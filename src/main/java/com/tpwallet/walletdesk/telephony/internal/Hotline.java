package com.tpwallet.walletdesk.telephony.internal;

import com.tpwallet.walletdesk.identity.CustomerProfile;
import com.tpwallet.walletdesk.identity.IdentityApi;
import com.tpwallet.walletdesk.platform.Refusal;
import com.tpwallet.walletdesk.support.SupportApi;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What the phone system tells us, one event at a time (Zammad's generic CTI: newCall,
 * answer, hangup). Each event moves its call in one transaction; a repeated or late event
 * changes nothing.
 */
@Service
class Hotline {

	/** The answer the phone system expects: nothing to do, or reject the call. */
	static final Map<String, Object> NOTHING = Map.of();

	static final Map<String, Object> REJECT = Map.of("action", "reject", "reason", "busy");

	private final CallLog calls;

	private final BlockedNumbers blocked;

	private final IdentityApi identity;

	private final SupportApi support;

	private final MessageSource messages;

	private final RingingCalls ringing;

	private final Clock clock;

	Hotline(CallLog calls, BlockedNumbers blocked, IdentityApi identity, SupportApi support, MessageSource messages,
			RingingCalls ringing, Clock clock) {
		this.ringing = ringing;
		this.calls = calls;
		this.blocked = blocked;
		this.identity = identity;
		this.support = support;
		this.messages = messages;
		this.clock = clock;
	}

	/** One CTI event as the phone system sends it, JSON or form fields alike. */
	record CtiEvent(@Nullable String event, @Nullable String from, @Nullable String to, @Nullable String direction,
			@Nullable String callId, List<String> user, @Nullable String queue, @Nullable String answeringNumber,
			@Nullable String cause) {
	}

	@Transactional
	public Map<String, Object> handle(CtiEvent e) {
		String event = e.event() == null ? "" : e.event();
		if (!List.of("newCall", "answer", "hangup").contains(event)) {
			throw Refusal.unprocessable("cti_event_unknown", "newCall, answer, hangup");
		}
		if (e.callId() == null || e.callId().isBlank() || e.callId().length() > 100) {
			throw Refusal.unprocessable("cti_call_id_required");
		}
		Instant now = clock.instant();
		return switch (event) {
			case "newCall" -> newCall(e, now);
			case "answer" -> {
				calls.lock(e.callId()).ifPresent(c -> calls.update(c.answeredBy(agentOf(e), now)));
				yield NOTHING;
			}
			default -> {
				calls.lock(e.callId()).ifPresent(c -> hungUp(c, e.cause(), now));
				yield NOTHING;
			}
		};
	}

	private Map<String, Object> newCall(CtiEvent e, Instant now) {
		String direction = "out".equals(e.direction()) ? "out" : "in";
		String from = text(e.from());
		String to = text(e.to());
		// the customer is the caller of an inbound call and the callee of an outbound one
		String caller = PhoneNumbers.e164(direction.equals("in") ? from : to).orElse(null);
		UUID customer = caller == null ? null : identity.customerByLogin(caller).map(CustomerProfile::id).orElse(null);
		String queue = e.queue() == null || e.queue().isBlank() ? null : e.queue();
		Call call = Call.ringing(e.callId(), direction, from, to, caller, customer, queue, now);
		boolean isBlocked = caller != null && direction.equals("in") && blocked.isBlocked(caller);
		if (!calls.insert(isBlocked ? call.rejected(now) : call)) {
			return NOTHING; // the phone system sent it again
		}
		if (isBlocked) {
			return REJECT;
		}
		if (direction.equals("in")) {
			List<String> ringsFor = e.user();
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					ringing.announce(call, ringsFor);
				}
			});
		}
		return NOTHING;
	}

	/**
	 * A call missed in business hours becomes a callback ticket for the customer, with
	 * the SLA clock running.
	 */
	private void hungUp(Call call, @Nullable String cause, Instant now) {
		Call ended = call.hungUp(cause, now);
		if (ended.wasMissed() && call.state() == com.tpwallet.walletdesk.telephony.internal.CallState.RINGING
				&& ended.customerId() != null && ended.direction().equals("in") && support.isOpen(now)) {
			ended = ended.withTicket(callbackTicket(ended));
		}
		calls.update(ended);
	}

	private UUID callbackTicket(Call call) {
		UUID customer = java.util.Objects.requireNonNull(call.customerId());
		String language = identity.customer(customer).map(CustomerProfile::language).orElse("zh-CN");
		Locale locale = Locale.forLanguageTag(language);
		String subject = messages.getMessage("phone.callback.subject", new Object[] { call.caller() }, locale);
		String body = messages.getMessage("phone.callback.body", new Object[] { call.caller() }, locale);
		return support.openTicket(customer, new SupportApi.NewTicket(subject, body, language, null, "phone", null))
			.id();
	}

	private static String agentOf(CtiEvent e) {
		if (e.answeringNumber() != null && !e.answeringNumber().isBlank()) {
			return e.answeringNumber();
		}
		return e.user().isEmpty() ? "unknown" : e.user().get(0);
	}

	private static String text(@Nullable String value) {
		return value == null ? "" : value.length() > 40 ? value.substring(0, 40) : value;
	}

}
