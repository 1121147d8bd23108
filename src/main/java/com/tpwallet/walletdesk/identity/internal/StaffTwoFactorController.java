package com.tpwallet.walletdesk.identity.internal;

import com.tpwallet.walletdesk.platform.Refusal;
import com.tpwallet.walletdesk.platform.ProblemCodes;
import com.tpwallet.walletdesk.platform.Caller;
import com.tpwallet.walletdesk.platform.ClientAddress;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Staff two-factor authentication, and the administrator's switch that requires it. */
@RestController
@Tag(name = "Staff: two-factor")
class StaffTwoFactorController {

	private final StaffTwoFactor twoFactor;

	StaffTwoFactorController(StaffTwoFactor twoFactor) {
		this.twoFactor = twoFactor;
	}

	@PostMapping("/api/v1/staff/me/two-factor")
	@ProblemCodes(kind = Refusal.Kind.CONFLICT, value = "two_factor_already_enabled")
	@Operation(
			summary = "Start two-factor enrolment for the signed-in staff member: a TOTP secret, its otpauth URI and a QR code")
	TwoFactorEnrolment.Enrolment enrol(@AuthenticationPrincipal Caller staff) {
		return twoFactor.enrol(staff.id());
	}

	record CodeRequest(@NotBlank(message = "{validation.required}") @Size(max = 32) String code) {
	}

	@PostMapping("/api/v1/staff/me/two-factor/confirm")
	@ProblemCodes(kind = Refusal.Kind.CONFLICT, value = { "two_factor_already_enabled", "two_factor_not_enrolled" })
	@ProblemCodes(kind = Refusal.Kind.RULE, value = "two_factor_invalid")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(
			summary = "Confirm staff two-factor enrolment with a first code; from then on sign-in asks for a code (audited)")
	void confirm(@AuthenticationPrincipal Caller staff, @Valid @RequestBody CodeRequest body,
			HttpServletRequest request) {
		twoFactor.confirm(staff.id(), body.code(), ClientAddress.of(request));
	}

	record DisableRequest(@NotBlank(message = "{validation.required}") @Size(max = 200) String password,
			@NotBlank(message = "{validation.required}") @Size(max = 32) String code) {
	}

	@DeleteMapping("/api/v1/staff/me/two-factor")
	@ProblemCodes(kind = Refusal.Kind.CONFLICT, value = { "two_factor_not_enabled", "two_factor_required_by_admin" })
	@ProblemCodes(kind = Refusal.Kind.RULE, value = { "current_password_wrong", "two_factor_invalid" })
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(
			summary = "Turn staff two-factor off with the password and a code, unless an administrator requires it (audited)")
	void disable(@AuthenticationPrincipal Caller staff, @Valid @RequestBody DisableRequest body,
			HttpServletRequest request) {
		twoFactor.disable(staff.id(), body.password(), body.code(), ClientAddress.of(request));
	}

	record Requirement(@NotNull(message = "{validation.required}") Boolean required) {
	}

	@PutMapping("/api/v1/admin/settings/staff-two-factor")
	@ProblemCodes(kind = Refusal.Kind.RULE, value = "staff_two_factor_not_in_demo")
	@ProblemCodes(kind = Refusal.Kind.CONFLICT, value = "staff_two_factor_enrol_first")
	@Operation(
			summary = "Require two-factor authentication of every staff member (not in the demo profile); those without it "
					+ "must enrol before anything else (audited)")
	Requirement require(@AuthenticationPrincipal Caller admin, @Valid @RequestBody Requirement body,
			HttpServletRequest request) {
		return new Requirement(twoFactor.require(body.required(), admin, ClientAddress.of(request)));
	}

}
