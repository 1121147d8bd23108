package com.tpwallet.walletdesk.risk.internal;

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
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The security desk: alerts to review (staff; an agent sees the customers they reach),
 * confirming fraud or releasing a false positive (supervisors), and a customer's risk
 * decisions for the customer-360.
 */
@RestController
@Tag(name = "Staff: risk")
class RiskController {

	private final RiskViews views;

	private final AlertReview review;

	RiskController(RiskViews views, AlertReview review) {
		this.views = views;
		this.review = review;
	}

	@GetMapping("/api/v1/staff/risk/alerts")
	@ProblemCodes(kind = Refusal.Kind.RULE, value = "risk_alert_status_invalid")
	@Operation(summary = "Alerts (freezes and holds), newest first; filter by status (open, confirmed, released) and "
			+ "customer")
	CursorPage<RiskViews.AlertView> alerts(@RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable UUID customerId,
			@RequestParam(required = false) @Nullable String cursor,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit, @AuthenticationPrincipal Caller staff) {
		return views.alerts(status, customerId, cursor, limit, staff);
	}

	@GetMapping("/api/v1/staff/risk/alerts/{id}")
	@ProblemCodes(kind = Refusal.Kind.NOT_FOUND, value = "risk_alert_not_found")
	@Operation(summary = "One alert with its evidence: the decisions around it, their scores, rules and features")
	RiskViews.AlertDetail alert(@PathVariable UUID id, @AuthenticationPrincipal Caller staff) {
		return views.alert(id, staff);
	}

	record Review(@NotBlank(message = "{validation.required}") @Size(max = 1000) String note) {
	}

	@PostMapping("/api/v1/staff/risk/alerts/{id}/release")
	@ProblemCodes(kind = Refusal.Kind.NOT_FOUND, value = "risk_alert_not_found")
	@ProblemCodes(kind = Refusal.Kind.CONFLICT, value = "risk_alert_reviewed")
	@ProblemCodes(kind = Refusal.Kind.RULE, value = "risk_review_note_required")
	@Operation(summary = "A false positive: unfreeze the wallet and label the decision legitimate (supervisors)")
	RiskViews.AlertView release(@PathVariable UUID id, @Valid @RequestBody Review body,
			@AuthenticationPrincipal Caller supervisor, HttpServletRequest request) {
		return views.view(review.release(id, body.note(), supervisor, ClientAddress.of(request)).alert());
	}

	@PostMapping("/api/v1/staff/risk/alerts/{id}/confirm")
	@ProblemCodes(kind = Refusal.Kind.NOT_FOUND, value = "risk_alert_not_found")
	@ProblemCodes(kind = Refusal.Kind.CONFLICT, value = "risk_alert_reviewed")
	@ProblemCodes(kind = Refusal.Kind.RULE, value = "risk_review_note_required")
	@Operation(summary = "Fraud: keep the freeze, reverse what can still be reversed, force a password reset "
			+ "(supervisors)")
	RiskViews.Confirmed confirm(@PathVariable UUID id, @Valid @RequestBody Review body,
			@AuthenticationPrincipal Caller supervisor, HttpServletRequest request) {
		AlertReview.Outcome outcome = review.confirm(id, body.note(), supervisor, ClientAddress.of(request));
		return new RiskViews.Confirmed(views.view(outcome.alert()), outcome.reversed());
	}

	@GetMapping(value = "/api/v1/admin/risk/reviewed-decisions.csv", produces = "text/csv")
	@Operation(summary = "Refusals people have since judged, with the model's features and the label (fraud or "
			+ "legit): what bench/risk/train adds to the simulation when it finds them in "
			+ "target/risk/reviewed-decisions.csv (admins)")
	String reviewedDecisions() {
		return views.reviewedAsCsv();
	}

	@GetMapping("/api/v1/staff/customers/{id}/risk")
	@ProblemCodes(kind = Refusal.Kind.NOT_FOUND, value = "customer_not_found")
	@Operation(summary = "A customer's latest risk decisions: why each movement, sign-in or change was allowed, "
			+ "stepped up, held or frozen")
	List<RiskViews.DecisionText> decisions(@PathVariable UUID id,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit, @AuthenticationPrincipal Caller staff) {
		return views.decisions(id, limit, staff);
	}

}
