package com.tpwallet.walletdesk.support.internal;

import com.tpwallet.walletdesk.platform.ProblemCodes;
import com.tpwallet.walletdesk.platform.Caller;
import com.tpwallet.walletdesk.platform.ClientAddress;
import com.tpwallet.walletdesk.platform.CursorPage;
import com.tpwallet.walletdesk.platform.Refusal;
import com.tpwallet.walletdesk.support.internal.TicketViews.StaffTicket;
import com.tpwallet.walletdesk.support.internal.TicketViews.StaffTicketDetail;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The agents' side: find, read, change, bulk-change, apply macros, see the customer, set
 * presence.
 */
@RestController
@Tag(name = "Staff: tickets")
class StaffTicketController {

	private final TicketDesk desk;

	private final TicketSearch search;

	private final Macros macros;

	private final Customer360 customer360;

	private final Routing routing;

	private final TicketMerge merge;

	private final com.tpwallet.walletdesk.identity.IdentityApi identity;

	StaffTicketController(TicketMerge merge, com.tpwallet.walletdesk.identity.IdentityApi identity, TicketDesk desk,
			TicketSearch search, Macros macros, Customer360 customer360, Routing routing) {
		this.merge = merge;
		this.identity = identity;
		this.desk = desk;
		this.search = search;
		this.macros = macros;
		this.customer360 = customer360;
		this.routing = routing;
	}

	@GetMapping("/api/v1/staff/tickets")
	@ProblemCodes(kind = Refusal.Kind.RULE, value = { "ticket_status_invalid", "ticket_sla_filter_invalid" })
	@Operation(
			summary = "Tickets an agent may work on, newest first; filter by status (comma-separated, or active for every status not yet solved), queue, assignee (or mine=true), priority, channel, language, tag, customer (phone or e-mail), q (text, any language, or a ticket number) sla (breached, due_soon, paused, waiting_long: waiting on us with nothing done for an hour), csat (the satisfaction score given) and from/to (opened on these Beijing dates, inclusive)")
	CursorPage<StaffTicket> list(@AuthenticationPrincipal Caller staff,
			@RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable String queue,
			@RequestParam(required = false) @Nullable UUID assignee, @RequestParam(defaultValue = "false") boolean mine,
			@RequestParam(required = false) @Nullable String priority,
			@RequestParam(required = false) @Nullable String channel,
			@RequestParam(required = false) @Nullable String language,
			@RequestParam(required = false) @Nullable String tag,
			@RequestParam(required = false) @Nullable String customer,
			@RequestParam(required = false) @Nullable String q, @RequestParam(required = false) @Nullable String sla,
			@RequestParam(required = false) @Min(1) @Max(5) @Nullable Integer csat,
			@RequestParam(required = false) @org.springframework.format.annotation.DateTimeFormat(
					iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE) java.time.@Nullable LocalDate from,
			@RequestParam(required = false) @org.springframework.format.annotation.DateTimeFormat(
					iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE) java.time.@Nullable LocalDate to,
			@RequestParam(required = false) @Nullable String cursor,
			@RequestParam(defaultValue = "25") @Min(1) @Max(200) int limit) {
		return search.find(staff, new TicketSearch.Filter(status, queue, mine ? staff.id() : assignee, priority,
				channel, language, tag, customer, q, sla, csat, from, to), cursor, limit);
	}

	@GetMapping("/api/v1/staff/tickets/{id}")
	@ProblemCodes(kind = Refusal.Kind.NOT_FOUND, value = "ticket_not_found")
	@Operation(summary = "A ticket with every entry (internal notes included) and its SLA clock")
	StaffTicketDetail one(@AuthenticationPrincipal Caller staff, @PathVariable UUID id) {
		return desk.staffView(id, staff);
	}

	@PatchMapping("/api/v1/staff/tickets/{id}")
	@ProblemCodes(kind = Refusal.Kind.RULE,
			value = { "ticket_status_invalid", "ticket_priority_invalid", "ticket_queue_invalid", "assignee_unknown" })
	@ProblemCodes(kind = Refusal.Kind.NOT_ALLOWED, value = { "ticket_queue_forbidden", "reassign_supervisors_only" })
	@ProblemCodes(kind = Refusal.Kind.CONFLICT, value = "ticket_closed")
	@ProblemCodes(kind = Refusal.Kind.NOT_FOUND, value = "ticket_not_found")
	@Operation(summary = "Change status, priority, queue, assignee (supervisors, or taking it oneself) or tags")
	StaffTicket change(@AuthenticationPrincipal Caller staff, @PathVariable UUID id,
			@RequestBody TicketDesk.Change change) {
		return desk.change(id, staff, change);
	}

	record Bulk(@NotEmpty(message = "{validation.required}") @Size(max = 200) List<UUID> ids,
			TicketDesk.Change change) {
	}

	@PostMapping("/api/v1/staff/tickets/bulk")
	@ProblemCodes(kind = Refusal.Kind.NOT_FOUND, value = "ticket_not_found")
	@ProblemCodes(kind = Refusal.Kind.CONFLICT, value = "ticket_closed")
	@ProblemCodes(kind = Refusal.Kind.NOT_ALLOWED, value = { "ticket_queue_forbidden", "reassign_supervisors_only" })
	@ProblemCodes(kind = Refusal.Kind.RULE,
			value = { "ticket_status_invalid", "ticket_priority_invalid", "ticket_queue_invalid", "assignee_unknown" })
	@Transactional
	@Operation(summary = "Apply one change to many tickets at once (all or none)")
	List<StaffTicket> bulk(@AuthenticationPrincipal Caller staff, @Valid @RequestBody Bulk body) {
		return body.ids().stream().map(id -> desk.change(id, staff, body.change())).toList();
	}

	@PostMapping("/api/v1/staff/tickets/{id}/macros/{macroId}")
	@ProblemCodes(kind = Refusal.Kind.NOT_FOUND, value = { "ticket_not_found", "macro_not_found" })
	@ProblemCodes(kind = Refusal.Kind.CONFLICT, value = "ticket_closed")
	@Operation(summary = "Apply a macro: a reply in the ticket's language, plus the macro's status, tags and queue; "
			+ "with a body {text}, the agent's edited text is sent instead of the macro's")
	StaffTicketDetail applyMacro(@AuthenticationPrincipal Caller staff, @PathVariable UUID id,
			@PathVariable String macroId, @Valid @RequestBody(required = false) @Nullable EditedMacro body) {
		return macros.apply(id, macroId, staff, body == null ? null : body.text());
	}

	record EditedMacro(@Nullable @Size(max = 10000, message = "{validation.too-long}") String text) {
	}

	/** A macro filled in for the ticket, and the status sending it will set (if any). */
	record MacroText(String text, @Nullable String setsStatus) {
	}

	@GetMapping("/api/v1/staff/tickets/{id}/macros/{macroId}/preview")
	@ProblemCodes(kind = Refusal.Kind.NOT_FOUND, value = { "ticket_not_found", "macro_not_found" })
	@Operation(summary = "A macro's text filled in for the ticket, not sent (for the chat reply box)")
	MacroText previewMacro(@PathVariable UUID id, @PathVariable String macroId, @AuthenticationPrincipal Caller staff) {
		return macros.preview(id, macroId, staff);
	}

	@GetMapping("/api/v1/staff/macros")
	@ProblemCodes(kind = Refusal.Kind.RULE, value = "unsupported_language")
	@Operation(summary = "Macros in one language (zh-CN, en, fr, de)")
	List<Macros.Macro> macros(@RequestParam(defaultValue = "en") String language) {
		if (!Macros.LANGUAGES.contains(language)) {
			throw Refusal.unprocessable("unsupported_language");
		}
		return macros.all(language);
	}

	@GetMapping("/api/v1/staff/tickets/{id}/customer")
	@ProblemCodes(kind = Refusal.Kind.NOT_FOUND, value = { "ticket_not_found", "customer_not_found" })
	@Operation(
			summary = "Customer-360 beside the ticket: account and security state, wallet, failed attempts, pending withdrawals, logins, past tickets (audited)")
	Customer360.View customer(@AuthenticationPrincipal Caller staff, @PathVariable UUID id,
			HttpServletRequest request) {
		return customer360.forTicket(id, staff, ClientAddress.of(request));
	}

	record Presence(boolean available, @Min(1) @Max(50) int capacity) {
	}

	@PutMapping("/api/v1/staff/me/presence")
	@Operation(summary = "Set oneself available or away, and how many open tickets one can hold")
	Presence presence(@AuthenticationPrincipal Caller staff, @Valid @RequestBody Presence body) {
		routing.setPresence(staff.id(), body.available(), body.capacity());
		return body;
	}

	record Merge(@jakarta.validation.constraints.Positive(message = "{validation.positive}") long into) {
	}

	@PostMapping("/api/v1/staff/tickets/{id}/merge")
	@ProblemCodes(kind = Refusal.Kind.NOT_FOUND, value = "ticket_not_found")
	@ProblemCodes(kind = Refusal.Kind.RULE, value = { "ticket_merge_same", "ticket_merge_other_requester" })
	@ProblemCodes(kind = Refusal.Kind.CONFLICT, value = "ticket_closed")
	@Operation(summary = "Merge this ticket into another of the same requester (by its number): its entries and files "
			+ "are copied there in order, and this one is closed with a pointer; returns the ticket that stays")
	StaffTicket merge(@AuthenticationPrincipal Caller staff, @PathVariable UUID id, @Valid @RequestBody Merge body) {
		return merge.merge(id, body.into(), staff);
	}

	record NewTicketForCustomer(
			@NotBlank(message = "{validation.required}") @Size(max = 200,
					message = "{validation.too-long}") String subject,
			@NotBlank(message = "{validation.required}") @Size(max = 10000,
					message = "{validation.too-long}") String message,
			@Nullable String language, @Nullable String topic,
			@Nullable @jakarta.validation.constraints.Pattern(regexp = "web|chat|email|phone",
					message = "{validation.channel}") String channel) {
	}

	@PostMapping("/api/v1/staff/customers/{id}/tickets")
	@ProblemCodes(kind = Refusal.Kind.NOT_FOUND, value = "customer_not_found")
	@ProblemCodes(kind = Refusal.Kind.RULE, value = { "ticket_empty", "unsupported_language", "ticket_topic_invalid" })
	@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.CREATED)
	@Operation(summary = "Open a ticket for a customer (on the phone, say): routed like one the customer wrote, "
			+ "assigned to the caller, what they need kept as the caller's internal note")
	StaffTicket openForCustomer(@AuthenticationPrincipal Caller staff, @PathVariable("id") UUID customerId,
			@Valid @RequestBody NewTicketForCustomer body) {
		return desk
			.staffTicket(desk.openForCustomer(customerId, staff, new TicketDesk.Opening(body.subject(), body.message(),
					body.language(), null, body.topic(), body.channel() == null ? "phone" : body.channel(), null)));
	}

	/** A member of staff tickets can be assigned to. */
	record Agent(UUID id, String name, List<String> languages) {
	}

	@GetMapping("/api/v1/staff/agents")
	@Operation(summary = "Agents and supervisors, by name, with the languages they serve (to assign a ticket to)")
	List<Agent> agents() {
		return identity.staffMembers()
			.stream()
			.filter(m -> m.role() == Caller.Role.AGENT || m.role() == Caller.Role.SUPERVISOR)
			.map(m -> new Agent(m.id(), m.displayName(), m.languages()))
			.sorted(java.util.Comparator.comparing(Agent::name))
			.toList();
	}

	@GetMapping("/api/v1/staff/queues")
	@Operation(summary = "Queues with their open, new and breached ticket counts (what the caller may see)")
	List<Routing.QueueFigures> queues(@AuthenticationPrincipal Caller staff) {
		return routing.queuesSeenBy(staff.id());
	}

}
