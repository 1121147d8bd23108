package com.tpwallet.walletdesk.translation.internal;

import com.tpwallet.walletdesk.translation.Translator;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Which translator is active, and whether the human fallback is in use (staff). */
@RestController
@Tag(name = "Translation")
class TranslationController {

	record Status(String translator, boolean configured, String fallback, boolean fallbackInUse, long failuresLastHour,
			@Nullable String lastFailure, @Nullable Instant lastFailureAt) {
	}

	private final Translator translator;

	private final TranslationFailures failures;

	TranslationController(Translator translator, TranslationFailures failures) {
		this.translator = translator;
		this.failures = failures;
	}

	@GetMapping("/api/v1/translation/status")
	@Operation(summary = "The active translator (libretranslate or none), and the human fallback: a person who speaks "
			+ "the customer's language (that language's queue) takes over when no translation can be had")
	Status status() {
		TranslationFailures.Failure last = failures.last();
		boolean none = translator.provider().equals("none");
		return new Status(translator.provider(), !none, "human: an agent who speaks the customer's language",
				none || failures.recent(), failures.since(failures.now().minusSeconds(3600)),
				last == null ? null : last.reason(), last == null ? null : last.at());
	}

}
