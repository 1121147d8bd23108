package com.tpwallet.walletdesk.identity.internal;

import com.tpwallet.walletdesk.platform.Refusal;
import com.tpwallet.walletdesk.platform.ProblemCodes;
import com.tpwallet.walletdesk.platform.Caller;
import com.tpwallet.walletdesk.platform.Caller.Role;
import com.tpwallet.walletdesk.platform.ClientAddress;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/admin/staff")
@Tag(name = "Admin: staff")
class AdminStaffController {

	private final StaffAccounts accounts;

	AdminStaffController(StaffAccounts accounts) {
		this.accounts = accounts;
	}

	record NewStaffRequest(@NotBlank(message = "{validation.required}") String username,
			@NotBlank(message = "{validation.required}") @Size(max = 200) String displayName,
			@NotBlank(message = "{validation.required}") @Size(max = 200) String password,
			@NotNull(message = "{validation.required}") Role role, List<String> languages) {
	}

	@PostMapping
	@ProblemCodes(kind = Refusal.Kind.RULE,
			value = { "role_invalid", "username_invalid", "unsupported_language", "password_too_short",
					"password_too_long", "password_too_common", "password_too_simple" })
	@ProblemCodes(kind = Refusal.Kind.CONFLICT, value = "username_taken")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create an agent, supervisor or admin")
	StaffAccounts.StaffSummary create(@Valid @RequestBody NewStaffRequest body) {
		return accounts.createStaff(new StaffAccounts.NewStaff(body.username(), body.displayName(), body.password(),
				body.role(), body.languages() == null ? List.of() : body.languages()));
	}

	@GetMapping
	@Operation(summary = "All staff users")
	List<StaffAccounts.StaffSummary> all() {
		return accounts.allStaff();
	}

	record DisableRequest(@NotBlank(message = "{validation.required}") @Size(max = 200) String reason) {
	}

	@PostMapping("/{id}/disable")
	@ProblemCodes(kind = Refusal.Kind.NOT_FOUND, value = "staff_not_found")
	@ProblemCodes(kind = Refusal.Kind.RULE, value = "staff_self")
	@Operation(summary = "Disable a staff account: its sessions end at once and it cannot sign in (audited)")
	StaffAccounts.StaffSummary disable(@PathVariable UUID id, @Valid @RequestBody DisableRequest body,
			@AuthenticationPrincipal Caller admin, HttpServletRequest request) {
		return accounts.disable(id, body.reason(), admin, ClientAddress.of(request));
	}

	@PostMapping("/{id}/enable")
	@ProblemCodes(kind = Refusal.Kind.NOT_FOUND, value = "staff_not_found")
	@ProblemCodes(kind = Refusal.Kind.RULE, value = "staff_self")
	@Operation(summary = "Enable a disabled staff account again (audited)")
	StaffAccounts.StaffSummary enable(@PathVariable UUID id, @AuthenticationPrincipal Caller admin,
			HttpServletRequest request) {
		return accounts.enable(id, admin, ClientAddress.of(request));
	}

	@PostMapping("/{id}/sessions/revoke")
	@ProblemCodes(kind = Refusal.Kind.NOT_FOUND, value = "staff_not_found")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "End every session of a staff account (audited)")
	void revokeSessions(@PathVariable UUID id, @AuthenticationPrincipal Caller admin, HttpServletRequest request) {
		accounts.revokeSessions(id, admin, ClientAddress.of(request));
	}

	record PasswordRequest(@NotBlank(message = "{validation.required}") @Size(max = 200) String newPassword) {
	}

	@PostMapping("/{id}/password")
	@ProblemCodes(kind = Refusal.Kind.NOT_FOUND, value = "staff_not_found")
	@ProblemCodes(kind = Refusal.Kind.RULE,
			value = { "password_too_short", "password_too_long", "password_too_common", "password_too_simple" })
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Set a new password for a staff account: its sessions end and any lock is lifted (audited)")
	void resetPassword(@PathVariable UUID id, @Valid @RequestBody PasswordRequest body,
			@AuthenticationPrincipal Caller admin, HttpServletRequest request) {
		accounts.resetPassword(id, body.newPassword(), admin, ClientAddress.of(request));
	}

	@PostMapping("/{id}/two-factor/reset")
	@ProblemCodes(kind = Refusal.Kind.NOT_FOUND, value = "staff_not_found")
	@ProblemCodes(kind = Refusal.Kind.RULE, value = "staff_self")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(
			summary = "Turn off a staff member's two-factor authentication after a lost authenticator; their sessions "
					+ "end (audited)")
	void resetTwoFactor(@PathVariable UUID id, @AuthenticationPrincipal Caller admin, HttpServletRequest request) {
		accounts.resetTwoFactor(id, admin, ClientAddress.of(request));
	}

}
