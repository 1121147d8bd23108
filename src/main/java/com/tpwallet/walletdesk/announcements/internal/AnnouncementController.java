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
			@Nullable Instant publishAt, @Nullable String language) {
	}

	@PostMapping("/api/v1/staff/announcements")
	@ResponseStatus(HttpStatus.CREATED)
	@ProblemCodes(kind = Refusal.Kind.RULE, value = { "announcement_translations_incomplete", "unsupported_language" })
	@Operation(
			summary = "Publish an announcement: a title and body in each of zh-CN, en, fr and de, a publication time "
					+ "(now by default), and optionally only for customers of one language (supervisors)")
	Announcements.Published publish(@Valid @RequestBody NewAnnouncement body, @AuthenticationPrincipal Caller staff) {
		return announcements.publish(staff, body.translations(), body.publishAt(), body.language());
	}

	@GetMapping("/api/v1/announcements")
	@Operation(summary = "Announcements for me, newest first, in my language, each with whether I have read it, and "
			+ "how many are unread")
	Announcements.Page mine(@RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
			@AuthenticationPrincipal Caller customer) {
		return announcements.forCustomer(customer, limit);
	}

	@PostMapping("/api/v1/announcements/{id}/read")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@ProblemCodes(kind = Refusal.Kind.NOT_FOUND, value = "announcement_not_found")
	@Operation(summary = "Mark an announcement read")
	void read(@PathVariable UUID id, @AuthenticationPrincipal Caller customer) {
		announcements.read(customer, id);
	}

}
