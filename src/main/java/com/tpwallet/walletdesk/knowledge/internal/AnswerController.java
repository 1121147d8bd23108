package com.tpwallet.walletdesk.knowledge.internal;

import com.tpwallet.walletdesk.platform.Refusal;
import com.tpwallet.walletdesk.platform.ProblemCodes;
import com.tpwallet.walletdesk.knowledge.AnswerBot;
import com.tpwallet.walletdesk.platform.ClientAddress;
import com.tpwallet.walletdesk.platform.RateLimits;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Knowledge base")
class AnswerController {

	static final RateLimits.Limit QUESTIONS_PER_IP = new RateLimits.Limit("answers-ip", 120, Duration.ofMinutes(1));

	private final AnswerBot bot;

	private final RateLimits rateLimits;

	AnswerController(AnswerBot bot, RateLimits rateLimits) {
		this.bot = bot;
		this.rateLimits = rateLimits;
	}

	record Question(@NotBlank(message = "{validation.required}") @Size(max = 1000,
			message = "{validation.too-long}") String question, @Nullable String language) {
	}

	@PostMapping("/api/v1/answers")
	@ProblemCodes(kind = Refusal.Kind.RULE, value = "unsupported_language")
	@Operation(
			summary = "The best articles for a customer's question (no sign-in needed); language detected when not given")
	AnswerBot.Answer answer(@Valid @RequestBody Question question, HttpServletRequest request) {
		rateLimits.consume(QUESTIONS_PER_IP, ClientAddress.of(request).ip());
		return bot.answer(question.question(), question.language());
	}

}
