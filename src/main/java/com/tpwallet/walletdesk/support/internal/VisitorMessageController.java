package com.tpwallet.walletdesk.support.internal;

import com.tpwallet.walletdesk.platform.ClientAddress;
import com.tpwallet.walletdesk.platform.ProblemCodes;
import com.tpwallet.walletdesk.platform.RateLimits;
import com.tpwallet.walletdesk.platform.Refusal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A way in for someone who cannot sign in: a message with a name and a phone number or
 * e-mail address becomes a ticket, answered by SMS or e-mail.
 */
@RestController
@Tag(name = "Tickets")
class VisitorMessageController {

	/** Per address: enough for a person, too few to flood the desk. */
	static final RateLimits.Limit MESSAGES_PER_IP = new RateLimits.Limit("visitor-message-ip", 5, Duration.ofHours(1));

	private final VisitorMessages visitors;

	private final RateLimits rateLimits;

	VisitorMessageController(VisitorMessages visitors, RateLimits rateLimits) {
		this.visitors = visitors;
		this.rateLimits = rateLimits;
	}

	record VisitorMessage(
			@NotBlank(message = "{validation.required}") @Size(max = 200,
					message = "{validation.too-long}") String name,
			@Nullable @Size(max = 40, message = "{validation.too-long}") String phone,
			@Nullable @Size(max = 254, message = "{validation.too-long}") String email,
			@NotBlank(message = "{validation.required}") @Size(max = 5000,
					message = "{validation.too-long}") String message,
			@Nullable String language) {
	}

	/** What the visitor is told: the ticket's number and by when we answer. */
	record Received(long ticketNumber, @Nullable Instant answerBy, String answeredBy) {
	}

	@PostMapping("/api/v1/visitor-messages")
	@ProblemCodes(kind = Refusal.Kind.RULE,
			value = { "visitor_name_required", "visitor_contact_required", "visitor_phone_invalid",
					"visitor_email_invalid", "ticket_empty", "unsupported_language" })
	@ProblemCodes(kind = Refusal.Kind.TOO_MANY_ATTEMPTS, value = "too_many_attempts")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Leave a message without signing in (someone locked out, or without an account): with a name "
			+ "and a phone number or e-mail address it becomes a ticket, answered by SMS or e-mail; who the visitor "
			+ "says they are is checked before anything is done on an account")
	Received leave(@Valid @RequestBody VisitorMessage body, HttpServletRequest http) {
		rateLimits.consume(MESSAGES_PER_IP, ClientAddress.of(http).ip());
		return visitors.leave(body.name(), body.phone(), body.email(), body.message(),
				body.language() != null ? body.language() : LocaleContextHolder.getLocale().toLanguageTag());
	}

}
