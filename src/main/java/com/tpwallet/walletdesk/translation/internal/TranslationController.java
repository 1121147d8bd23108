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

	private final Glossary glossary;

	TranslationController(Translator translator, TranslationFailures failures, Glossary glossary) {
		this.translator = translator;
		this.failures = failures;
		this.glossary = glossary;
	}

	@org.springframework.web.bind.annotation.GetMapping("/api/v1/admin/translation/glossary")
	@Operation(summary = "The wallet glossary: per concept and language, the term every translation uses and the "
			+ "variants it replaces (admins)")
	java.util.List<Glossary.Entry> glossary() {
		return glossary.entries();
	}

	record Term(
			@jakarta.validation.constraints.NotBlank(
					message = "{validation.required}") @jakarta.validation.constraints.Size(max = 80) String term,
			java.util.List<String> variants) {
	}

	@org.springframework.web.bind.annotation.PutMapping("/api/v1/admin/translation/glossary/{concept}/{language}")
	@com.tpwallet.walletdesk.platform.ProblemCodes(kind = com.tpwallet.walletdesk.platform.Refusal.Kind.RULE,
			value = "unsupported_language")
	@Operation(summary = "Set a concept's term and variants in one language (admins)")
	Glossary.Entry putTerm(@org.springframework.web.bind.annotation.PathVariable String concept,
			@org.springframework.web.bind.annotation.PathVariable String language,
			@jakarta.validation.Valid @org.springframework.web.bind.annotation.RequestBody Term body) {
		if (!com.tpwallet.walletdesk.platform.Languages.isSupported(language) || !concept.matches("[a-z_]{1,40}")) {
			throw com.tpwallet.walletdesk.platform.Refusal.unprocessable("unsupported_language");
		}
		return glossary.put(new Glossary.Entry(concept, language, body.term().strip(),
				body.variants() == null ? java.util.List.of() : body.variants()));
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
