package com.tpwallet.walletdesk.identity.internal;

import com.tpwallet.walletdesk.platform.Refusal;
import com.tpwallet.walletdesk.platform.ProblemCodes;
import com.tpwallet.walletdesk.identity.CustomerProfile;
import com.tpwallet.walletdesk.identity.LoginRecord;
import com.tpwallet.walletdesk.identity.SecurityStanding;
import org.springframework.beans.factory.ObjectProvider;
import com.tpwallet.walletdesk.platform.Caller;
import com.tpwallet.walletdesk.platform.ClientAddress;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in customer's own account: profile, password, two-factor, payment password,
 * security centre.
 */
@RestController
@RequestMapping("/api/v1/me")
@Tag(name = "My account")
class MeController {

	private final CustomerAccounts accounts;

	private final TwoFactorEnrolment twoFactor;

	private final PaymentPasswords pins;

	private final MessageSource messages;

	private final ObjectProvider<SecurityStanding> standings;

	private final SecondAddresses addresses;

	MeController(CustomerAccounts accounts, TwoFactorEnrolment twoFactor, PaymentPasswords pins, MessageSource messages,
			ObjectProvider<SecurityStanding> standings, SecondAddresses addresses) {
		this.addresses = addresses;
		this.standings = standings;
		this.accounts = accounts;
		this.twoFactor = twoFactor;
		this.pins = pins;
		this.messages = messages;
	}

	@GetMapping
	@Operation(summary = "My profile")
	CustomerProfile me(@AuthenticationPrincipal Caller caller) {
		return accounts.profile(caller.customerId());
	}

	record LanguageChange(@NotBlank(message = "{validation.required}") String language) {
	}

	@PatchMapping
	@ProblemCodes(kind = Refusal.Kind.RULE, value = "unsupported_language")
	@Operation(summary = "Change my preferred language (zh-CN, en, fr, de)")
	CustomerProfile changeLanguage(@AuthenticationPrincipal Caller caller, @Valid @RequestBody LanguageChange body,
			HttpServletRequest request) {
		return accounts.changeLanguage(caller.customerId(), body.language(), ClientAddress.of(request));
	}

	record NewAddress(@Nullable @Size(max = 40) String phone, @Nullable @Size(max = 254) String email) {
	}

	@PostMapping("/contact-addresses")
	@ProblemCodes(kind = Refusal.Kind.RULE, value = { "contact_address_required", "invalid_phone", "invalid_email" })
	@ProblemCodes(kind = Refusal.Kind.CONFLICT, value = { "contact_address_exists", "phone_taken", "email_taken" })
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Add a phone (or e-mail address) to my account: a code is sent to it, to be confirmed")
	SecondAddresses.CodeSent addContactAddress(@AuthenticationPrincipal Caller caller,
			@Valid @RequestBody NewAddress body) {
		return addresses.sendCode(caller.customerId(), body.phone(), body.email());
	}

	@PostMapping("/contact-addresses/confirm")
	@ProblemCodes(kind = Refusal.Kind.RULE, value = "contact_code_invalid")
	@ProblemCodes(kind = Refusal.Kind.CONFLICT, value = { "contact_address_exists", "phone_taken", "email_taken" })
	@Operation(summary = "Confirm the new address with the code sent to it")
	CustomerProfile confirmContactAddress(@AuthenticationPrincipal Caller caller, @Valid @RequestBody CodeRequest body,
			HttpServletRequest request) {
		return addresses.confirm(caller.customerId(), body.code(), ClientAddress.of(request));
	}

	record NoticeChannelChoice(@NotBlank(message = "{validation.required}") @Size(max = 10) String channel) {
	}

	@PutMapping("/notice-channel")
	@ProblemCodes(kind = Refusal.Kind.RULE, value = { "notice_channel_unknown", "notice_channel_unavailable" })
	@Operation(summary = "Choose how I am told things outside the app: sms or email")
	CustomerProfile chooseNoticeChannel(@AuthenticationPrincipal Caller caller,
			@Valid @RequestBody NoticeChannelChoice body, HttpServletRequest request) {
		return addresses.chooseNoticeChannel(caller.customerId(), body.channel(), ClientAddress.of(request));
	}

	record PasswordChange(@NotBlank(message = "{validation.required}") @Size(max = 200) String currentPassword,
			@NotBlank(message = "{validation.required}") @Size(max = 200) String newPassword) {
	}

	@PostMapping("/password")
	@ProblemCodes(kind = Refusal.Kind.RULE,
			value = { "current_password_wrong", "password_too_short", "password_too_long", "password_too_common",
					"password_too_simple" })
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Change my login password (signs out every session)")
	void changePassword(@AuthenticationPrincipal Caller caller, @Valid @RequestBody PasswordChange body,
			HttpServletRequest request) {
		accounts.changePassword(caller.customerId(), body.currentPassword(), body.newPassword(),
				ClientAddress.of(request));
	}

	@PostMapping("/two-factor")
	@ProblemCodes(kind = Refusal.Kind.CONFLICT, value = "two_factor_already_enabled")
	@Operation(summary = "Start two-factor enrolment: a TOTP secret, its otpauth URI and a QR code")
	TwoFactorEnrolment.Enrolment enrolTwoFactor(@AuthenticationPrincipal Caller caller) {
		return twoFactor.enrol(caller.customerId());
	}

	record CodeRequest(@NotBlank(message = "{validation.required}") @Size(max = 32) String code) {
	}

	record RecoveryCodes(List<String> recoveryCodes) {
	}

	@PostMapping("/two-factor/confirm")
	@ProblemCodes(kind = Refusal.Kind.CONFLICT, value = { "two_factor_already_enabled", "two_factor_not_enrolled" })
	@ProblemCodes(kind = Refusal.Kind.RULE, value = "two_factor_invalid")
	@Operation(summary = "Confirm enrolment with a first code; returns one-time recovery codes")
	RecoveryCodes confirmTwoFactor(@AuthenticationPrincipal Caller caller, @Valid @RequestBody CodeRequest body,
			HttpServletRequest request) {
		return new RecoveryCodes(twoFactor.confirm(caller.customerId(), body.code(), ClientAddress.of(request)));
	}

	record DisableTwoFactor(@NotBlank(message = "{validation.required}") @Size(max = 200) String password,
			@NotBlank(message = "{validation.required}") @Size(max = 32) String code) {
	}

	@DeleteMapping("/two-factor")
	@ProblemCodes(kind = Refusal.Kind.CONFLICT, value = "two_factor_not_enabled")
	@ProblemCodes(kind = Refusal.Kind.RULE, value = { "current_password_wrong", "two_factor_invalid" })
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Turn two-factor off with the password and a code")
	void disableTwoFactor(@AuthenticationPrincipal Caller caller, @Valid @RequestBody DisableTwoFactor body,
			HttpServletRequest request) {
		twoFactor.disable(caller.customerId(), body.password(), body.code(), ClientAddress.of(request));
	}

	record PinRequest(@NotBlank(message = "{validation.required}") @Size(max = 12) String pin) {
	}

	@PutMapping("/payment-password")
	@ProblemCodes(kind = Refusal.Kind.CONFLICT, value = "payment_password_already_set")
	@ProblemCodes(kind = Refusal.Kind.RULE, value = { "pin_format", "pin_too_simple" })
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Set the 6-digit payment password (first time only)")
	void setPin(@AuthenticationPrincipal Caller caller, @Valid @RequestBody PinRequest body,
			HttpServletRequest request) {
		pins.set(caller.customerId(), body.pin(), ClientAddress.of(request));
	}

	record PinChange(@NotBlank(message = "{validation.required}") @Size(max = 12) String oldPin,
			@NotBlank(message = "{validation.required}") @Size(max = 12) String newPin,
			@NotBlank(message = "{validation.required}") @Size(max = 12) String confirmPin) {
	}

	@PostMapping("/payment-password/change")
	@ProblemCodes(kind = Refusal.Kind.RULE,
			value = { "pin_format", "pin_too_simple", "pin_mismatch", "payment_password_wrong",
					"payment_password_blocked", "payment_password_not_set" })
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Change the payment password: the old one, then the new one twice")
	void changePin(@AuthenticationPrincipal Caller caller, @Valid @RequestBody PinChange body,
			HttpServletRequest request) {
		pins.change(caller.customerId(), body.oldPin(), body.newPin(), body.confirmPin(), ClientAddress.of(request));
	}

	record Advice(String code, String text) {
	}

	record SecurityCentre(boolean twoFactorEnabled, boolean paymentPasswordSet,
			@Nullable Instant paymentPasswordBlockedUntil, Instant passwordChangedAt, List<LoginRecord> recentLogins,
			List<Advice> advice, List<SecurityStanding.Warning> warnings) {
	}

	@GetMapping("/security")
	@Operation(summary = "Security centre: two-factor, last password change, recent sign-ins, advice, and warnings "
			+ "such as a freeze by the risk monitor and why")
	SecurityCentre security(@AuthenticationPrincipal Caller caller) {
		UUID me = caller.customerId();
		CustomerProfile profile = accounts.profile(me);
		Locale locale = LocaleContextHolder.getLocale();
		List<String> codes = new ArrayList<>();
		if (!profile.twoFactorEnabled()) {
			codes.add("enable-two-factor");
		}
		if (!profile.paymentPasswordSet()) {
			codes.add("set-payment-password");
		}
		codes.addAll(List.of("change-password-regularly", "avoid-public-wifi", "never-share-codes"));
		List<Advice> advice = codes.stream()
			.map(c -> new Advice(c, messages.getMessage("security.advice." + c, null, locale)))
			.toList();
		return new SecurityCentre(profile.twoFactorEnabled(), profile.paymentPasswordSet(),
				profile.paymentPasswordBlockedUntil(), profile.passwordChangedAt(), accounts.recentLogins(me, 10),
				advice, standings.orderedStream().flatMap(s -> s.warnings(me, locale).stream()).toList());
	}

}
