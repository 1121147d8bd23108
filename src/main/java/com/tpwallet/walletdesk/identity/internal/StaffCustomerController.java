package com.tpwallet.walletdesk.identity.internal;

import com.tpwallet.walletdesk.platform.Refusal;
import com.tpwallet.walletdesk.platform.ProblemCodes;
import com.tpwallet.walletdesk.identity.CustomerProfile;
import com.tpwallet.walletdesk.identity.LoginRecord;
import com.tpwallet.walletdesk.platform.Caller;
import com.tpwallet.walletdesk.platform.ClientAddress;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
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
 * Staff looking customers up and acting on their accounts (agents and above; every view
 * audited).
 */
@RestController
@RequestMapping("/api/v1/staff/customers")
@Tag(name = "Staff: customers")
class StaffCustomerController {

	private final CustomerCare desk;

	private final CustomerAccounts accounts;

	StaffCustomerController(CustomerCare desk, CustomerAccounts accounts) {
		this.desk = desk;
		this.accounts = accounts;
	}

	@GetMapping
	@Operation(summary = "Find customers by phone number (any common format), e-mail address or part of the "
			+ "verified name (at most 20)")
	List<CustomerProfile> search(@RequestParam @Size(min = 2, max = 254) String q,
			@AuthenticationPrincipal Caller agent, HttpServletRequest request) {
		return desk.search(q, agent, ClientAddress.of(request));
	}

	record CustomerView(CustomerProfile profile, List<LoginRecord> recentLogins) {
	}

	@GetMapping("/{id}")
	@ProblemCodes(kind = Refusal.Kind.NOT_FOUND, value = "customer_not_found")
	@Operation(summary = "A customer's account and security state with recent sign-ins")
	CustomerView view(@PathVariable UUID id, @AuthenticationPrincipal Caller agent, HttpServletRequest request) {
		return new CustomerView(desk.view(id, agent, ClientAddress.of(request)), accounts.recentLogins(id, 10));
	}

	record UnlockRequest(@NotEmpty(message = "{validation.required}") List<@NotBlank String> checks,
			@Size(max = 1000) @Nullable String note) {
	}

	@PostMapping("/{id}/unlock")
	@ProblemCodes(kind = Refusal.Kind.NOT_FOUND, value = "customer_not_found")
	@ProblemCodes(kind = Refusal.Kind.RULE, value = "verification_checks_invalid")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Unlock the account after verifying the customer's identity; the checks passed are recorded")
	void unlock(@PathVariable UUID id, @Valid @RequestBody UnlockRequest body, @AuthenticationPrincipal Caller agent,
			HttpServletRequest request) {
		desk.unlock(id, body.checks(), body.note(), agent, ClientAddress.of(request));
	}

	record VerifiedNameRequest(@NotBlank(message = "{validation.required}") @Size(max = 200) String name,
			@NotEmpty(message = "{validation.required}") List<@NotBlank String> checks) {
	}

	@PostMapping("/{id}/verified-name")
	@ProblemCodes(kind = Refusal.Kind.NOT_FOUND, value = "customer_not_found")
	@ProblemCodes(kind = Refusal.Kind.RULE, value = "verification_checks_invalid")
	@Operation(summary = "Record the customer's verified real name and the identity checks that established it")
	CustomerProfile verifiedName(@PathVariable UUID id, @Valid @RequestBody VerifiedNameRequest body,
			@AuthenticationPrincipal Caller agent, HttpServletRequest request) {
		return desk.recordVerifiedName(id, body.name(), body.checks(), agent, ClientAddress.of(request));
	}

	record ResetCodeRequest(@Pattern(regexp = "sms|email", message = "{validation.channel}") String channel) {
	}

	@PostMapping("/{id}/password-reset")
	@ProblemCodes(kind = Refusal.Kind.NOT_FOUND, value = "customer_not_found")
	@ProblemCodes(kind = Refusal.Kind.RULE, value = "channel_unavailable")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Send the customer a password-reset code by SMS or e-mail")
	void sendReset(@PathVariable UUID id, @Valid @RequestBody ResetCodeRequest body,
			@AuthenticationPrincipal Caller agent, HttpServletRequest request) {
		desk.sendPasswordReset(id, body.channel(), agent, ClientAddress.of(request));
	}

}
