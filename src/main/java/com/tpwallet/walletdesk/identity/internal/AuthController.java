package com.tpwallet.walletdesk.identity.internal;

import com.tpwallet.walletdesk.platform.Refusal;
import com.tpwallet.walletdesk.platform.ProblemCodes;
import com.tpwallet.walletdesk.identity.CustomerProfile;
import com.tpwallet.walletdesk.platform.ClientAddress;
import com.tpwallet.walletdesk.platform.SessionCookies;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Accounts and sign-in")
class AuthController {

	private final CustomerAccounts accounts;

	private final LoginService logins;

	private final PasswordReset reset;

	private final TokenStore tokens;

	private final java.time.Clock clock;

	AuthController(CustomerAccounts accounts, LoginService logins, PasswordReset reset, TokenStore tokens,
			java.time.Clock clock) {
		this.clock = clock;
		this.accounts = accounts;
		this.logins = logins;
		this.reset = reset;
		this.tokens = tokens;
	}

	record RegisterRequest(@Size(max = 32, message = "{validation.too-long}") @Nullable String phone,
			@Size(max = 254, message = "{validation.too-long}") @Nullable String email,
			@NotBlank(message = "{validation.required}") @Size(max = 200,
					message = "{validation.too-long}") String password,
			@NotBlank(message = "{validation.required}") String language) {
	}

	record Registered(UUID id, @Nullable String phone, @Nullable String email, String language, Instant createdAt) {
	}

	@PostMapping("/api/v1/customers")
	@ProblemCodes(kind = Refusal.Kind.RULE,
			value = { "login_required", "invalid_phone", "invalid_email", "unsupported_language", "password_too_short",
					"password_too_long", "password_too_common", "password_too_simple" })
	@ProblemCodes(kind = Refusal.Kind.CONFLICT, value = { "phone_taken", "email_taken" })
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Register a customer with a phone number and/or an e-mail address")
	Registered register(@Valid @RequestBody RegisterRequest body, HttpServletRequest request) {
		CustomerProfile p = accounts.register(
				new CustomerAccounts.Registration(body.phone(), body.email(), body.password(), body.language(), null),
				ClientAddress.of(request));
		return new Registered(p.id(), p.phone(), p.email(), p.language(), p.createdAt());
	}

	record LoginRequest(
			@NotBlank(message = "{validation.required}") @Size(max = 254,
					message = "{validation.too-long}") String login,
			@NotBlank(message = "{validation.required}") @Size(max = 200,
					message = "{validation.too-long}") String password,
			@Size(max = 32, message = "{validation.too-long}") @Nullable String totp,
			@Nullable @jakarta.validation.constraints.Pattern(regexp = "cookie",
					message = "{validation.session}") String session) {
	}

	record LoginResponse(String token, String tokenType, Instant expiresAt, String kind) {
	}

	@PostMapping("/api/v1/auth/login")
	@ProblemCodes(kind = Refusal.Kind.NOT_SIGNED_IN,
			value = { "invalid_credentials", "two_factor_required", "two_factor_invalid" })
	@ProblemCodes(kind = Refusal.Kind.LOCKED, value = "account_locked")
	@Operation(
			summary = "Sign in (customers by phone or e-mail, staff by username); returns a bearer token. Staff pages send session: cookie to be signed in on every staff page and tab by an HttpOnly, SameSite=Strict cookie (WD_SESSION), with a CSRF token in WD_CSRF to send back as X-CSRF-Token on every change")
	LoginResponse login(@Valid @RequestBody LoginRequest body, HttpServletRequest request,
			jakarta.servlet.http.HttpServletResponse response) {
		LoginService.Session s = logins.login(body.login(), body.password(), body.totp(), ClientAddress.of(request));
		if ("cookie".equals(body.session()) && s.kind() == com.tpwallet.walletdesk.platform.Caller.Kind.STAFF) {
			// staff pages: one sign-in for every page and tab (SessionCookies)
			SessionCookies.write(response, s.token(), java.time.Duration.between(clock.instant(), s.expiresAt()),
					request.isSecure());
		}
		return new LoginResponse(s.token(), "Bearer", s.expiresAt(), s.kind().name().toLowerCase());
	}

	@PostMapping("/api/v1/auth/logout")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Sign out: the bearer token stops working at once")
	void logout(HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response) {
		String header = request.getHeader("Authorization");
		if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			tokens.revoke(header.substring(7).trim());
		}
		SessionCookies.token(request).ifPresent(token -> {
			tokens.revoke(token);
			SessionCookies.clear(response, request.isSecure());
		});
	}

	record ResetRequest(@NotBlank(message = "{validation.required}") @Size(max = 254,
			message = "{validation.too-long}") String login) {
	}

	@PostMapping("/api/v1/auth/password-reset")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(
			summary = "Send a password-reset code to the phone or e-mail given; the answer is the same whether or not the account exists")
	void requestReset(@Valid @RequestBody ResetRequest body, HttpServletRequest request) {
		reset.request(body.login(), ClientAddress.of(request));
	}

	record ResetConfirmation(
			@NotBlank(message = "{validation.required}") @Size(max = 254,
					message = "{validation.too-long}") String login,
			@NotBlank(message = "{validation.required}") @Size(max = 12, message = "{validation.too-long}") String code,
			@NotBlank(message = "{validation.required}") @Size(max = 200,
					message = "{validation.too-long}") String newPassword) {
	}

	@PostMapping("/api/v1/auth/password-reset/confirm")
	@ProblemCodes(kind = Refusal.Kind.RULE,
			value = { "reset_code_invalid", "reset_code_expired", "reset_code_exhausted", "password_too_short",
					"password_too_long", "password_too_common", "password_too_simple" })
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Set a new password with the code that was sent")
	void confirmReset(@Valid @RequestBody ResetConfirmation body, HttpServletRequest request) {
		reset.confirm(body.login(), body.code(), body.newPassword(), ClientAddress.of(request));
	}

	record SelfUnlock(
			@NotBlank(message = "{validation.required}") @Size(max = 254,
					message = "{validation.too-long}") String login,
			@NotBlank(message = "{validation.required}") @Size(max = 12, message = "{validation.too-long}") String code,
			@Size(max = 12, message = "{validation.too-long}") @Nullable String paymentPassword,
			@Size(max = 20, message = "{validation.too-long}") @Nullable String totpCode) {
	}

	@PostMapping("/api/v1/auth/unlock")
	@ProblemCodes(kind = Refusal.Kind.RULE,
			value = { "reset_code_invalid", "reset_code_expired", "reset_code_exhausted",
					"unlock_second_factor_unavailable", "unlock_second_factor_invalid" })
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(
			summary = "Lift a lock yourself: the code sent by POST /api/v1/auth/password-reset, plus the payment password (or the authenticator code when two-factor is on)")
	void unlock(@Valid @RequestBody SelfUnlock body, HttpServletRequest request) {
		reset.unlock(body.login(), body.code(), body.paymentPassword(), body.totpCode(), ClientAddress.of(request));
	}

}
