package com.tpwallet.walletdesk.knowledge.internal;

import com.tpwallet.walletdesk.platform.Refusal;
import com.tpwallet.walletdesk.platform.ProblemCodes;
import com.tpwallet.walletdesk.platform.Caller;
import com.tpwallet.walletdesk.platform.ClientAddress;
import com.tpwallet.walletdesk.platform.RateLimits;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Troubleshooters")
class TroubleshooterController {

	/**
	 * The sign-in troubleshooter answers about any login: throttled like a credential
	 * check.
	 */
	static final RateLimits.Limit DIAGNOSES_PER_IP = new RateLimits.Limit("troubleshooter-ip", 20,
			Duration.ofMinutes(1));

	private final Troubleshooting desk;

	private final RateLimits rateLimits;

	TroubleshooterController(Troubleshooting desk, RateLimits rateLimits) {
		this.desk = desk;
		this.rateLimits = rateLimits;
	}

	record Facts(@Nullable @Size(max = 254, message = "{validation.too-long}") String login,
			@Nullable @Size(max = 12, message = "{validation.too-long}") String code,
			@Nullable @Positive(message = "{validation.positive}") Long amount,
			@Nullable @Size(min = 3, max = 3, message = "{validation.currency}") String currency,
			@Nullable @Size(max = 5000, message = "{validation.too-long}") String description) {

		Troubleshooting.Request request() {
			return new Troubleshooting.Request(login, code, amount, currency);
		}
	}

	@GetMapping("/api/v1/troubleshooters")
	@Operation(summary = "The guided troubleshooters, titled in the caller's language (no sign-in needed)")
	List<Troubleshooting.Summary> list() {
		return desk.list(LocaleContextHolder.getLocale());
	}

	@PostMapping("/api/v1/troubleshooters/{id}/diagnosis")
	@ProblemCodes(kind = Refusal.Kind.NOT_FOUND, value = "troubleshooter_not_found")
	@ProblemCodes(kind = Refusal.Kind.RULE, value = { "troubleshooter_code_invalid", "troubleshooter_login_required" })
	@Operation(
			summary = "Reads the customer's real account state and says what is wrong and what to do; cannot-log-in also "
					+ "works signed out with {login}")
	Troubleshooting.Diagnosis diagnose(@PathVariable String id,
			@Valid @RequestBody(required = false) @Nullable Facts facts,
			@AuthenticationPrincipal @Nullable Caller caller, HttpServletRequest http) {
		rateLimits.consume(DIAGNOSES_PER_IP, ClientAddress.of(http).ip());
		Facts given = facts == null ? new Facts(null, null, null, null, null) : facts;
		return desk.diagnose(id, caller, given.request(), ClientAddress.of(http), LocaleContextHolder.getLocale());
	}

	@PostMapping("/api/v1/troubleshooters/{id}/tickets")
	@ProblemCodes(kind = Refusal.Kind.NOT_FOUND, value = "troubleshooter_not_found")
	@ProblemCodes(kind = Refusal.Kind.RULE, value = "unsupported_language")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Opens a ticket carrying what the troubleshooter found (signed-in customers)")
	Troubleshooting.OpenedTicket openTicket(@PathVariable String id,
			@Valid @RequestBody(required = false) @Nullable Facts facts, @AuthenticationPrincipal Caller caller) {
		Facts given = facts == null ? new Facts(null, null, null, null, null) : facts;
		return desk.openTicket(id, caller, given.request(), given.description(), LocaleContextHolder.getLocale());
	}

}
