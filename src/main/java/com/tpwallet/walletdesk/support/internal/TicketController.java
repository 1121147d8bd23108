package com.tpwallet.walletdesk.support.internal;

import com.tpwallet.walletdesk.platform.ProblemCodes;
import com.tpwallet.walletdesk.platform.Caller;
import com.tpwallet.walletdesk.platform.CursorPage;
import com.tpwallet.walletdesk.platform.Refusal;
import com.tpwallet.walletdesk.support.internal.TicketViews.CustomerTicket;
import com.tpwallet.walletdesk.support.internal.TicketViews.EntryView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tickets from the customer's side; staff also write replies and internal notes through
 * {@code entries}.
 */
@RestController
@RequestMapping("/api/v1/tickets")
@Tag(name = "Tickets")
class TicketController {

	private final TicketDesk desk;

	TicketController(TicketDesk desk) {
		this.desk = desk;
	}

	record NewTicketRequest(
			@NotBlank(message = "{validation.required}") @Size(max = 200,
					message = "{validation.too-long}") String subject,
			@NotBlank(message = "{validation.required}") @Size(max = 10000,
					message = "{validation.too-long}") String message,
			@Nullable String language, @Nullable UUID transactionId, @Nullable String topic) {
	}

	@PostMapping
	@ProblemCodes(kind = Refusal.Kind.RULE,
			value = { "ticket_empty", "unsupported_language", "ticket_topic_invalid", "ticket_transaction_unknown" })
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Open a ticket (customers); routed to a queue by topic and language and to an agent")
	CustomerTicket open(@AuthenticationPrincipal Caller caller, @Valid @RequestBody NewTicketRequest body) {
		Ticket t = desk.open(caller.customerId(), new TicketDesk.Opening(body.subject(), body.message(),
				body.language(), body.transactionId(), body.topic(), "web", null));
		return CustomerTicket.of(t);
	}

	@GetMapping
	@Operation(summary = "My tickets, newest first")
	CursorPage<CustomerTicket> mine(@AuthenticationPrincipal Caller caller,
			@RequestParam(required = false) @Nullable String cursor,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
		return desk.customerTickets(caller.customerId(), cursor, limit);
	}

	@GetMapping("/{id}")
	@ProblemCodes(kind = Refusal.Kind.NOT_FOUND, value = "ticket_not_found")
	@Operation(
			summary = "A ticket with its conversation: customers see their own (internal notes never), staff see notes and the SLA")
	Object one(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
		return caller.isStaff() ? desk.staffView(id, caller) : desk.customerView(id, caller.customerId());
	}

	record EntryRequest(
			@NotBlank(message = "{validation.required}") @Size(max = 10000,
					message = "{validation.too-long}") String body,
			@Nullable Boolean internal, @Nullable Boolean translate) {
	}

	@PostMapping("/{id}/entries")
	@ProblemCodes(kind = Refusal.Kind.RULE, value = "entry_empty")
	@ProblemCodes(kind = Refusal.Kind.CONFLICT, value = "ticket_closed")
	@ProblemCodes(kind = Refusal.Kind.NOT_ALLOWED, value = "internal_notes_staff_only")
	@ProblemCodes(kind = Refusal.Kind.NOT_FOUND, value = "ticket_not_found")
	@ProblemCodes(kind = Refusal.Kind.UNAVAILABLE, value = "translation_unavailable")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Add to the conversation: a customer message, an agent reply, or (staff, internal: true) an "
			+ "internal note. Staff with translate: true write in their language and the customer receives it "
			+ "machine-translated into theirs (both kept); when no translation can be had the reply is refused "
			+ "(translation_unavailable) and nothing is sent")
	EntryView write(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
			@Valid @RequestBody EntryRequest body) {
		boolean internal = Boolean.TRUE.equals(body.internal());
		if (caller.isStaff()) {
			return desk.staffWrites(id, caller, body.body(), internal, Boolean.TRUE.equals(body.translate()));
		}
		if (internal) {
			throw Refusal.notAllowed("internal_notes_staff_only");
		}
		return desk.customerWrites(id, caller.customerId(), body.body());
	}

	@PostMapping("/{id}/entries/{entryId}/unclear")
	@ProblemCodes(kind = Refusal.Kind.RULE, value = "entry_not_translated")
	@ProblemCodes(kind = Refusal.Kind.NOT_FOUND, value = "ticket_not_found")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Say a machine translation is unclear (the customer, of a reply sent translated; staff, of "
			+ "any translated entry): a person who speaks the customer's language takes the conversation over")
	TicketDesk.UnclearFlagged unclear(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
			@PathVariable long entryId) {
		return desk.flagUnclear(id, entryId, caller);
	}

	record Satisfaction(@NotNull(message = "{validation.required}") Integer score,
			@Size(max = 1000) @Nullable String comment) {
	}

	@PostMapping("/{id}/satisfaction")
	@ProblemCodes(kind = Refusal.Kind.RULE, value = "satisfaction_score_invalid")
	@ProblemCodes(kind = Refusal.Kind.CONFLICT, value = "ticket_not_solved")
	@ProblemCodes(kind = Refusal.Kind.NOT_FOUND, value = "ticket_not_found")
	@Operation(summary = "Rate a solved ticket: 1 (poor) to 5 (excellent), with an optional comment")
	ResponseEntity<CustomerTicket> rate(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
			@Valid @RequestBody Satisfaction body) {
		return ResponseEntity.ok(desk.rate(id, caller.customerId(), body.score(), body.comment()));
	}

}
