package com.tpwallet.walletdesk.announcements.internal;

import com.tpwallet.walletdesk.platform.Caller;
import com.tpwallet.walletdesk.platform.ProblemCodes;
import com.tpwallet.walletdesk.platform.Refusal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Announcements: supervisors publish them; customers read them in their language. */
@RestController
@Tag(name = "Announcements")
class AnnouncementController {

	private final Announcements announcements;

	AnnouncementController(Announcements announcements) {
		this.announcements = announcements;
	}

	record NewAnnouncement(@NotNull(message = "{validation.required}") Map<String, Announcements.Text> translations,
			@Nullable Instant publishAt, @Nullable String language, @Nullable List<String> appVersions,
			@Nullable UUID feedbackGroupId, @Nullable Boolean email) {
	}

	@PostMapping("/api/v1/staff/announcements")
	@ResponseStatus(HttpStatus.CREATED)
	@ProblemCodes(kind = Refusal.Kind.RULE,
			value = { "announcement_translations_incomplete", "unsupported_language", "announcement_audience_invalid" })
	@Operation(summary = "Publish an announcement or release note (supervisors): a title and body in each of zh-CN, "
			+ "en, fr and de, a publication time (now by default), an audience (everyone, or only customers of one "
			+ "language, on some app versions such as \"3.4\", or who gave feedback in a group: all that are given), "
			+ "and email: true to mail it to the audience too (not with app versions, which only the app knows)")
	Announcements.Published publish(@Valid @RequestBody NewAnnouncement body, @AuthenticationPrincipal Caller staff) {
		return announcements.publish(staff, body.translations(), body.publishAt(),
				new Announcements.Audience(body.language(), body.appVersions(), body.feedbackGroupId()),
				Boolean.TRUE.equals(body.email()));
	}

	@GetMapping("/api/v1/announcements")
	@ProblemCodes(kind = Refusal.Kind.RULE, value = "app_version_invalid")
	@Operation(summary = "Announcements for me, newest first, in my language, each with whether I have read it, and "
			+ "how many are unread; the app passes its version (appVersion) to see those for its version")
	Announcements.Page mine(@RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
			@RequestParam(required = false) @Nullable String appVersion, @AuthenticationPrincipal Caller customer) {
		return announcements.forCustomer(customer, limit, appVersion);
	}

	@PostMapping("/api/v1/announcements/{id}/read")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@ProblemCodes(kind = Refusal.Kind.NOT_FOUND, value = "announcement_not_found")
	@Operation(summary = "Mark an announcement read")
	void read(@PathVariable UUID id, @RequestParam(required = false) @Nullable String appVersion,
			@AuthenticationPrincipal Caller customer) {
		announcements.read(customer, id, appVersion);
	}

}
