package com.tpwallet.walletdesk.telephony.internal;

import com.tpwallet.walletdesk.platform.ProblemCodes;
import com.tpwallet.walletdesk.platform.Caller;
import com.tpwallet.walletdesk.platform.ClientAddress;
import com.tpwallet.walletdesk.platform.CursorPage;
import com.tpwallet.walletdesk.platform.Refusal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The phone system's webhook (Zammad-compatible CTI), the IVR in TwiML, and the call log
 * and blocked numbers for staff.
 */
@RestController
@Tag(name = "Phone hotline")
class TelephonyController {

	private final Hotline hotline;

	private final Ivr ivr;

	private final CallViews views;

	private final BlockedNumbers blocked;

	private final TelephonyProperties properties;

	private final CallStatistics statistics;

	TelephonyController(Hotline hotline, Ivr ivr, CallViews views, BlockedNumbers blocked,
			TelephonyProperties properties, CallStatistics statistics) {
		this.statistics = statistics;
		this.hotline = hotline;
		this.ivr = ivr;
		this.views = views;
		this.blocked = blocked;
		this.properties = properties;
	}

	@PostMapping(value = "/api/v1/cti/{token}", consumes = MediaType.APPLICATION_JSON_VALUE)
	@ProblemCodes(kind = Refusal.Kind.NOT_FOUND, value = "cti_not_found")
	@ProblemCodes(kind = Refusal.Kind.RULE, value = { "cti_event_unknown", "cti_call_id_required" })
	@Operation(
			summary = "CTI event from the phone system (newCall, answer, hangup), as JSON; the token is the integration's secret. "
					+ "Answers {} or {\"action\":\"reject\",\"reason\":\"busy\"} for a blocked number")
	Map<String, Object> cti(@PathVariable String token, @RequestBody Hotline.CtiEvent event) {
		return hotline.handle(authorised(token, event));
	}

	@PostMapping(value = "/api/v1/cti/{token}", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
	@ProblemCodes(kind = Refusal.Kind.NOT_FOUND, value = "cti_not_found")
	@ProblemCodes(kind = Refusal.Kind.RULE, value = { "cti_event_unknown", "cti_call_id_required" })
	@Operation(summary = "The same CTI event as form fields (user[] for the agents)")
	Map<String, Object> ctiForm(@PathVariable String token, @RequestParam MultiValueMap<String, String> form) {
		List<String> users = form.getOrDefault("user[]", form.getOrDefault("user", List.of()));
		return hotline.handle(authorised(token,
				new Hotline.CtiEvent(form.getFirst("event"), form.getFirst("from"), form.getFirst("to"),
						form.getFirst("direction"), form.getFirst("callId"), users, form.getFirst("queue"),
						form.getFirst("answeringNumber"), form.getFirst("cause"))));
	}

	private Hotline.CtiEvent authorised(String token, Hotline.CtiEvent event) {
		if (!properties.accepts(token)) {
			throw Refusal.notFound("cti_not_found");
		}
		return event.user() == null ? new Hotline.CtiEvent(event.event(), event.from(), event.to(), event.direction(),
				event.callId(), List.of(), event.queue(), event.answeringNumber(), event.cause()) : event;
	}

	@PostMapping(value = "/api/v1/telephony/ivr", produces = MediaType.TEXT_XML_VALUE)
	@Operation(
			summary = "The voice menu in TwiML: form fields From, CallSid, Digits (and RecordingUrl after a voice message)")
	String ivr(@RequestParam(name = "From", required = false) @Nullable String from,
			@RequestParam(name = "CallSid", required = false) @Nullable String callSid,
			@RequestParam(name = "Digits", required = false) @Nullable String digits,
			@RequestParam(name = "RecordingUrl", required = false) @Nullable String recording) {
		return ivr.answer(callSid, from, digits, recording);
	}

	@GetMapping("/api/v1/staff/calls")
	@Operation(summary = "The call log, newest first; filter by customer")
	CursorPage<CallViews.CallView> calls(@RequestParam(required = false) @Nullable UUID customerId,
			@RequestParam(required = false) @Nullable String cursor,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit, @AuthenticationPrincipal Caller staff) {
		return views.calls(customerId, cursor, limit, staff);
	}

	@GetMapping("/api/v1/staff/calls/statistics")
	@PreAuthorize("hasRole('SUPERVISOR')")
	@Operation(summary = "Inbound calls per queue and hour: offered, answered, missed, average wait and handle time, "
			+ "service level (answered within 20 s) (supervisors)")
	List<CallStatistics.Hour> statistics(@RequestParam(defaultValue = "24") @Min(1) @Max(744) int hours) {
		return statistics.lastHours(hours);
	}

	record NoteRequest(@NotBlank(message = "{validation.required}") @Size(max = 4000) String body) {
	}

	@PostMapping("/api/v1/staff/calls/{callId}/notes")
	@ProblemCodes(kind = Refusal.Kind.NOT_FOUND, value = "call_not_found")
	@ProblemCodes(kind = Refusal.Kind.RULE, value = "call_note_empty")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "A note on a call, written during or after it")
	CallViews.CallView note(@PathVariable String callId, @Valid @RequestBody NoteRequest body,
			@AuthenticationPrincipal Caller staff) {
		return views.note(callId, body.body(), staff);
	}

	record TicketLink(@Nullable UUID ticketId) {
	}

	@PostMapping("/api/v1/staff/calls/{callId}/ticket")
	@ProblemCodes(kind = Refusal.Kind.NOT_FOUND, value = "call_not_found")
	@ProblemCodes(kind = Refusal.Kind.RULE, value = { "call_caller_unknown", "call_ticket_unknown" })
	@ProblemCodes(kind = Refusal.Kind.CONFLICT, value = "ticket_closed")
	@Operation(summary = "Links the call to one of the caller's open tickets, or (no ticketId) opens a phone ticket")
	CallViews.CallView ticket(@PathVariable String callId, @RequestBody TicketLink body,
			@AuthenticationPrincipal Caller staff) {
		return views.link(callId, body.ticketId(), staff);
	}

	record Block(@NotBlank(message = "{validation.required}") String number,
			@NotBlank(message = "{validation.required}") @Size(max = 500) String reason) {
	}

	@GetMapping("/api/v1/staff/blocked-numbers")
	@PreAuthorize("hasRole('SUPERVISOR')")
	@Operation(summary = "Blocked numbers, newest first (supervisors)")
	List<BlockedNumbers.Blocked> blockedNumbers() {
		return blocked.all();
	}

	@PostMapping("/api/v1/staff/blocked-numbers")
	@ProblemCodes(kind = Refusal.Kind.RULE, value = { "phone_number_invalid", "block_reason_required" })
	@PreAuthorize("hasRole('SUPERVISOR')")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Blocks an abusive number with a reason; its calls are rejected (supervisors, audited)")
	BlockedNumbers.Blocked block(@Valid @RequestBody Block body, @AuthenticationPrincipal Caller staff,
			HttpServletRequest request) {
		return blocked.block(body.number(), body.reason(), staff, ClientAddress.of(request));
	}

	@DeleteMapping("/api/v1/staff/blocked-numbers/{number}")
	@ProblemCodes(kind = Refusal.Kind.RULE, value = "phone_number_invalid")
	@ProblemCodes(kind = Refusal.Kind.NOT_FOUND, value = "blocked_number_not_found")
	@PreAuthorize("hasRole('SUPERVISOR')")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Unblocks a number (supervisors, audited)")
	void unblock(@PathVariable String number, @AuthenticationPrincipal Caller staff, HttpServletRequest request) {
		blocked.unblock(number, staff, ClientAddress.of(request));
	}

}
