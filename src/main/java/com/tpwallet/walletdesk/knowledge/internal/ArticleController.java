package com.tpwallet.walletdesk.knowledge.internal;

import com.tpwallet.walletdesk.platform.ProblemCodes;
import com.tpwallet.walletdesk.platform.Caller;
import com.tpwallet.walletdesk.platform.Refusal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Knowledge base")
class ArticleController {

	private final ArticleLibrary library;

	ArticleController(ArticleLibrary library) {
		this.library = library;
	}

	private static String language(@Nullable String asked) {
		return asked != null ? asked : LocaleContextHolder.getLocale().toLanguageTag();
	}

	@GetMapping("/api/v1/articles")
	@Operation(summary = "Published articles in a language (English where a translation is missing); no sign-in needed")
	List<ArticleLibrary.Summary> list(@RequestParam(required = false) @Nullable String language,
			@RequestParam(required = false) @Nullable String category) {
		return library.list(language(language), category);
	}

	@GetMapping("/api/v1/articles/{slug}")
	@ProblemCodes(kind = Refusal.Kind.NOT_FOUND, value = "article_not_found")
	@Operation(summary = "One published article, rendered safely; fallback = true when shown in English instead")
	Article one(@PathVariable String slug, @RequestParam(required = false) @Nullable String language) {
		return library.find(slug, language(language), false).orElseThrow(() -> Refusal.notFound("article_not_found"));
	}

	record ArticleEdit(@NotBlank(message = "{validation.required}") @Size(max = 200) String title,
			@NotBlank(message = "{validation.required}") @Size(max = 50000) String body,
			@Nullable @Size(max = 2000, message = "{validation.too-long}") String keywords, @Nullable String category,
			@Nullable String status) {
	}

	@PutMapping("/api/v1/staff/articles/{slug}/{language}")
	@ProblemCodes(kind = Refusal.Kind.RULE,
			value = { "article_slug_invalid", "unsupported_language", "article_status_invalid" })
	@PreAuthorize("hasRole('SUPERVISOR')")
	@Operation(summary = "Create or edit an article's translation (supervisors); every save is kept in the history")
	Article save(@PathVariable String slug, @PathVariable String language, @Valid @RequestBody ArticleEdit body,
			@AuthenticationPrincipal Caller editor) {
		return library.save(slug, language,
				new ArticleLibrary.Edit(body.title(), body.body(), body.keywords(), body.category(), body.status()),
				editor.id());
	}

	@GetMapping("/api/v1/staff/articles")
	@Operation(summary = "Every article, drafts included, with its status and translations (staff)")
	List<ArticleLibrary.EditorSummary> editorList() {
		return library.editorList();
	}

	@GetMapping("/api/v1/staff/articles/{slug}/{language}")
	@ProblemCodes(kind = Refusal.Kind.NOT_FOUND, value = "article_not_found")
	@Operation(summary = "One translation as stored, drafts included, with its search keywords (staff)")
	Article forEditor(@PathVariable String slug, @PathVariable String language) {
		return library.forEditor(slug, language).orElseThrow(() -> Refusal.notFound("article_not_found"));
	}

	@GetMapping("/api/v1/staff/articles/{slug}/{language}/history")
	@ProblemCodes(kind = Refusal.Kind.NOT_FOUND, value = "article_not_found")
	@Operation(summary = "Every saved version of a translation, newest first")
	List<ArticleLibrary.Revision> history(@PathVariable String slug, @PathVariable String language) {
		return library.history(slug, language);
	}

}
