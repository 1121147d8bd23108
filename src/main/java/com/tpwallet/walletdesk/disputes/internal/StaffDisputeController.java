package com.tpwallet.walletdesk.disputes.internal;

import com.tpwallet.walletdesk.platform.Actor;
import com.tpwallet.walletdesk.platform.Caller;
import com.tpwallet.walletdesk.platform.ClientAddress;
import com.tpwallet.walletdesk.platform.CursorPage;
import com.tpwallet.walletdesk.platform.ProblemCodes;
import com.tpwallet.walletdesk.platform.Refusal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The disputes desk: the queue with the time left, one dispute with its evidence, and the
 * moves (acknowledge, ask the customer, ask the merchant, decide); the supervisors'
 * report.
 */
@RestController
@Tag(name = "Staff: disputes")
class StaffDisputeController {

	private final DisputeDesk desk;

	private final DisputeViews views;

	private final DisputeFiles files;

	private final DisputeReports reports;

	StaffDisputeController(DisputeDesk desk, DisputeViews views, DisputeFiles files, DisputeReports reports) {
		this.desk = desk;
		this.views = views;
		this.files = files;
		this.reports = reports;
	}

	@GetMapping("/api/v1/staff/disputes")
	@ProblemCodes(kind = Refusal.Kind.INVALID_INPUT, value = "dispute_status_invalid")
	@Operation(summary = "Disputes, newest first; status: open (every one awaiting a decision) or one status "
			+ "(submitted, under_review, waiting_customer, waiting_merchant, decided, closed). An agent sees the "
			+ "disputes of the customers whose language they serve")
	CursorPage<DisputeViews.StaffDispute> list(@RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable String cursor,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit, @AuthenticationPrincipal Caller staff) {
		return views.staffDisputes(staff, status, cursor, limit);
	}

	record OpenDispute(@NotNull(message = "{validation.required}") UUID transactionId,
			@NotBlank(message = "{validation.required}") @Size(max = 30) String reason,
			@NotBlank(message = "{validation.required}") @Size(max = 4000) String description,
			@NotBlank(message = "{validation.required}") @Pattern(regexp = "chat|email|phone") String channel) {
	}

	@PostMapping("/api/v1/staff/customers/{id}/disputes")
	@ResponseStatus(HttpStatus.CREATED)
	@ProblemCodes(kind = Refusal.Kind.INVALID_INPUT, value = "dispute_reason_invalid")
	@ProblemCodes(kind = Refusal.Kind.NOT_FOUND, value = { "customer_not_found", "transaction_not_found" })
	@ProblemCodes(kind = Refusal.Kind.CONFLICT, value = "dispute_exists")
	@ProblemCodes(kind = Refusal.Kind.RULE,
			value = { "dispute_not_disputable", "dispute_window_passed", "dispute_reason_not_applicable" })
	@Operation(summary = "Open a dispute for a customer who asked in chat, on the phone or by e-mail (channel), on "
			+ "one of their movements; the same rules as the customer's own")
	DisputeViews.StaffDispute openFor(@PathVariable UUID id, @Valid @RequestBody OpenDispute body,
			@AuthenticationPrincipal Caller staff, HttpServletRequest request) {
		return views.forStaff(desk.openFor(staff, id,
				new DisputeDesk.Opening(body.transactionId(), body.reason(), body.description(), body.channel()),
				Actor.of(staff, ClientAddress.of(request))));
	}

	@GetMapping("/api/v1/staff/disputes/report")
	@Operation(summary = "Open disputes by reason and age, decision times against the deadline, refunds per month, "
			+ "the most disputed merchants (supervisors)")
	DisputeReports.Report report() {
		return reports.report();
	}

	@GetMapping("/api/v1/staff/disputes/{id}")
	@ProblemCodes(kind = Refusal.Kind.NOT_FOUND, value = "dispute_not_found")
	@Operation(summary = "One dispute: the movement, the evidence, the deadlines and business days left, the "
			+ "merchant's answer, the timeline")
	DisputeViews.StaffDispute get(@PathVariable UUID id, @AuthenticationPrincipal Caller staff) {
		return views.staffDispute(staff, id);
	}

	@GetMapping("/api/v1/staff/disputes/{id}/evidence/{evidenceId}")
	@ProblemCodes(kind = Refusal.Kind.NOT_FOUND, value = { "dispute_not_found", "dispute_evidence_not_found" })
	@Operation(summary = "Download a dispute's file")
	ResponseEntity<byte[]> evidence(@PathVariable UUID id, @PathVariable UUID evidenceId,
			@AuthenticationPrincipal Caller staff) {
		return DisputeController.asAttachment(files.content(desk.seenBy(staff, id, false), evidenceId));
	}

	@PostMapping("/api/v1/staff/disputes/{id}/acknowledge")
	@ProblemCodes(kind = Refusal.Kind.NOT_FOUND, value = "dispute_not_found")
	@ProblemCodes(kind = Refusal.Kind.CONFLICT, value = "dispute_not_submitted")
	@Operation(summary = "Take the dispute up: submitted → under review")
	DisputeViews.StaffDispute acknowledge(@PathVariable UUID id, @AuthenticationPrincipal Caller staff,
			HttpServletRequest request) {
		return views.forStaff(desk.acknowledge(staff, id, Actor.of(staff, ClientAddress.of(request))));
	}

	record Question(@NotBlank(message = "{validation.required}") @Size(max = 4000) String question) {
	}

	@PostMapping("/api/v1/staff/disputes/{id}/questions")
	@ProblemCodes(kind = Refusal.Kind.NOT_FOUND, value = "dispute_not_found")
	@ProblemCodes(kind = Refusal.Kind.CONFLICT, value = { "dispute_waiting", "dispute_already_decided" })
	@Operation(summary = "Ask the customer (shown on the dispute and its ticket): → waiting for the customer")
	DisputeViews.StaffDispute ask(@PathVariable UUID id, @Valid @RequestBody Question body,
			@AuthenticationPrincipal Caller staff, HttpServletRequest request) {
		return views.forStaff(desk.askCustomer(staff, id, body.question(), Actor.of(staff, ClientAddress.of(request))));
	}

	@PostMapping("/api/v1/staff/disputes/{id}/merchant-request")
	@ProblemCodes(kind = Refusal.Kind.NOT_FOUND, value = "dispute_not_found")
	@ProblemCodes(kind = Refusal.Kind.CONFLICT, value = { "dispute_waiting", "dispute_already_decided" })
	@ProblemCodes(kind = Refusal.Kind.RULE, value = "dispute_no_merchant")
	@Operation(summary = "Ask the merchant of a disputed payment to respond by its deadline: → waiting for the "
			+ "merchant. The case is sent to the merchants' dispute service, again later if it cannot be reached. "
			+ "Silence past the deadline decides for the customer")
	DisputeViews.StaffDispute askMerchant(@PathVariable UUID id, @AuthenticationPrincipal Caller staff,
			HttpServletRequest request) {
		return views.forStaff(desk.askMerchant(staff, id, Actor.of(staff, ClientAddress.of(request))));
	}

	record DecisionBody(@NotBlank(message = "{validation.required}") @Size(max = 20) String outcome,
			@Nullable @Min(1) Long amount,
			@NotBlank(message = "{validation.required}") @Size(max = 2000) String reason) {
	}

	@PostMapping("/api/v1/staff/disputes/{id}/decision")
	@ProblemCodes(kind = Refusal.Kind.INVALID_INPUT, value = "dispute_outcome_invalid")
	@ProblemCodes(kind = Refusal.Kind.NOT_FOUND, value = "dispute_not_found")
	@ProblemCodes(kind = Refusal.Kind.NOT_ALLOWED, value = "dispute_refund_needs_supervisor")
	@ProblemCodes(kind = Refusal.Kind.CONFLICT, value = { "dispute_already_decided", "dispute_closed" })
	@ProblemCodes(kind = Refusal.Kind.RULE,
			value = { "dispute_amount_required", "dispute_refund_above_paid", "dispute_nothing_to_refund" })
	@Operation(summary = "Decide: refund (all that is still refundable), partial_refund (amount, in minor units) or "
			+ "rejected, with the reason the customer reads. A refund posts through the wallet; a provisional "
			+ "credit is settled")
	DisputeViews.StaffDispute decide(@PathVariable UUID id, @Valid @RequestBody DecisionBody body,
			@AuthenticationPrincipal Caller staff, HttpServletRequest request) {
		return views
			.forStaff(desk.decide(staff, id, new DisputeDesk.Decision(body.outcome(), body.amount(), body.reason()),
					Actor.of(staff, ClientAddress.of(request))));
	}

}
