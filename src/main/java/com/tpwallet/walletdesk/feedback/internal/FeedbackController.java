package com.tpwallet.walletdesk.feedback.internal;

import com.tpwallet.walletdesk.platform.Caller;
import com.tpwallet.walletdesk.platform.CsvCell;
import com.tpwallet.walletdesk.platform.ProblemCodes;
import com.tpwallet.walletdesk.platform.Refusal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Feedback in (customers' form; agents marking a ticket) and out (the product team's
 * report, CSV export, corrections and group status).
 */
@RestController
@Tag(name = "Feedback")
class FeedbackController {

	private final FeedbackDesk desk;

	private final FeedbackReport report;

	private final GroupLabels labels;

	private final Screenshots screenshots;

	FeedbackController(FeedbackDesk desk, FeedbackReport report, GroupLabels labels, Screenshots screenshots) {
		this.desk = desk;
		this.report = report;
		this.labels = labels;
		this.screenshots = screenshots;
	}

	record Added(UUID feedbackId, String mediaType) {
	}

	@PostMapping(value = "/api/v1/feedback/{id}/screenshot",
			consumes = org.springframework.http.MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	@ProblemCodes(kind = Refusal.Kind.NOT_FOUND, value = "feedback_not_found")
	@ProblemCodes(kind = Refusal.Kind.CONFLICT, value = "feedback_screenshot_exists")
	@ProblemCodes(kind = Refusal.Kind.RULE, value = { "attachment_empty", "feedback_screenshot_not_an_image" })
	@ProblemCodes(kind = Refusal.Kind.TOO_LARGE, value = "attachment_too_large")
	@Operation(summary = "Add a screenshot (field file) to my feedback: an image, type sniffed from the bytes, 5 MB")
	Added screenshot(@PathVariable UUID id, @RequestParam("file") org.springframework.web.multipart.MultipartFile file,
			@AuthenticationPrincipal Caller customer) throws java.io.IOException {
		return new Added(id,
				screenshots.add(customer, id, String.valueOf(file.getOriginalFilename()), file.getBytes()));
	}

	@GetMapping("/api/v1/product/feedback/{id}/screenshot")
	@ProblemCodes(kind = Refusal.Kind.NOT_FOUND, value = "feedback_screenshot_not_found")
	@Operation(summary = "The screenshot a customer added to their feedback (served as an attachment)")
	org.springframework.http.ResponseEntity<byte[]> screenshotOf(@PathVariable UUID id) {
		Screenshots.Screenshot s = screenshots.of(id)
			.orElseThrow(() -> Refusal.notFound("feedback_screenshot_not_found"));
		return org.springframework.http.ResponseEntity.ok()
			.contentType(org.springframework.http.MediaType.parseMediaType(s.mediaType()))
			.header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
					org.springframework.http.ContentDisposition.attachment()
						.filename(s.fileName(), java.nio.charset.StandardCharsets.UTF_8)
						.build()
						.toString())
			.body(s.bytes());
	}

	@GetMapping("/api/v1/staff/tickets/{id}/feedback")
	@ProblemCodes(kind = Refusal.Kind.NOT_FOUND, value = "ticket_not_found")
	@Operation(summary = "Whether a ticket gave feedback: none, suggested (the classifier flagged it; an agent "
			+ "confirms with POST) or given, with its labels")
	Flagged ticketFeedback(@PathVariable UUID id, @AuthenticationPrincipal Caller staff) {
		return desk.ofTicket(staff, id)
			.map(f -> new Flagged(f.confirmed() ? "given" : "suggested", labelled(f)))
			.orElse(new Flagged("none", null));
	}

	record Flagged(String state, @Nullable Labelled feedback) {
	}

	/** What a piece of feedback was labelled, in codes and in the reader's words. */
	record Labelled(UUID id, String kind, String area, String sentiment, String kindText, String areaText,
			String sentimentText, String language, boolean corrected, Instant createdAt) {
	}

	Labelled labelled(FeedbackStore.Item f) {
		java.util.Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
		return new Labelled(f.id(), f.kind(), f.area(), f.sentiment(),
				labels.words("page.feedback.kind." + f.kind(), locale),
				labels.words("page.feedback.area." + f.area(), locale),
				labels.words("page.feedback.sentiment." + f.sentiment(), locale), f.language(), f.corrected(),
				f.createdAt());
	}

	record Submission(@NotNull(message = "{validation.required}") @Size(max = 4000) String text,
			@Nullable @Size(max = 30) String category, @Nullable @Size(max = 30) String appVersion,
			@Nullable @Size(max = 100) String device, @Nullable @Pattern(regexp = "app|web") String channel) {
	}

	@PostMapping("/api/v1/feedback")
	@ResponseStatus(HttpStatus.CREATED)
	@ProblemCodes(kind = Refusal.Kind.INVALID_INPUT, value = "feedback_text_required")
	@Operation(summary = "Tell the product team something: free text (category, app version and device optional). "
			+ "Answers how it was classified: kind, area, sentiment")
	Labelled submit(@Valid @RequestBody Submission body, @AuthenticationPrincipal Caller customer) {
		return labelled(desk.submit(customer, new FeedbackDesk.Submission(body.text(), body.category(),
				body.appVersion(), body.device(), body.channel())));
	}

	@PostMapping("/api/v1/staff/tickets/{id}/feedback")
	@ProblemCodes(kind = Refusal.Kind.NOT_FOUND, value = "ticket_not_found")
	@ProblemCodes(kind = Refusal.Kind.RULE, value = "feedback_ticket_empty")
	@Operation(summary = "Mark a ticket as feedback for the product team (or confirm what the classifier flagged)")
	Labelled markTicket(@PathVariable UUID id, @AuthenticationPrincipal Caller staff) {
		return labelled(desk.markTicket(staff, id));
	}

	record Correction(@Nullable String kind, @Nullable String area, @Nullable String sentiment) {
	}

	@PatchMapping({ "/api/v1/product/feedback/{id}", "/api/v1/staff/feedback/{id}" })
	@ProblemCodes(kind = Refusal.Kind.INVALID_INPUT, value = "feedback_label_invalid")
	@ProblemCodes(kind = Refusal.Kind.NOT_FOUND, value = "feedback_not_found")
	@Operation(summary = "Correct a label (kind, area, sentiment); kept, and used by the next training")
	Labelled correct(@PathVariable UUID id, @RequestBody Correction body, @AuthenticationPrincipal Caller person) {
		return labelled(
				desk.correct(person, id, new FeedbackDesk.Correction(body.kind(), body.area(), body.sentiment())));
	}

	@GetMapping("/api/v1/product/feedback/report")
	@ProblemCodes(kind = Refusal.Kind.INVALID_INPUT, value = "feedback_period_invalid")
	@Operation(summary = "Feedback for a period (from, to: ISO dates, the last 30 days by default), filtered by "
			+ "language, app version and channel: counts per kind, area and sentiment, the weekly trend, the top groups "
			+ "with size, trend, languages and sample quotes")
	FeedbackReport.Report report(
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			@RequestParam(required = false) @Nullable String language,
			@RequestParam(required = false) @Nullable String appVersion,
			@RequestParam(required = false) @Nullable String channel) {
		return report.report(report.filter(from, to, language, appVersion, channel));
	}

	@GetMapping(value = "/api/v1/product/feedback.csv", produces = "text/csv")
	@ProblemCodes(kind = Refusal.Kind.INVALID_INPUT, value = "feedback_period_invalid")
	@Operation(summary = "The period's feedback as CSV, one row each, with the same filters as the report")
	String csv(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			@RequestParam(required = false) @Nullable String language,
			@RequestParam(required = false) @Nullable String appVersion,
			@RequestParam(required = false) @Nullable String channel) {
		return csv(report.items(report.filter(from, to, language, appVersion, channel)));
	}

	static String csv(java.util.List<FeedbackStore.Item> items) {
		StringBuilder out = new StringBuilder(
				"created_at,source,channel,language,kind,area,sentiment,corrected,app_version,category,text\r\n");
		for (FeedbackStore.Item f : items) {
			out.append(String.join(",", CsvCell.of(f.createdAt().toString()), CsvCell.of(f.source()),
					CsvCell.of(f.channel()), CsvCell.of(f.language()), CsvCell.of(f.kind()), CsvCell.of(f.area()),
					CsvCell.of(f.sentiment()), Boolean.toString(f.corrected()), CsvCell.of(f.appVersion()),
					CsvCell.of(f.category()), CsvCell.of(f.text())))
				.append("\r\n");
		}
		return out.toString();
	}

	record GroupStatus(@NotNull(message = "{validation.required}") String status,
			@Nullable @Size(max = 2000) String announcement) {
	}

	record StatusSet(UUID groupId, String status, int customersTold) {
	}

	@PostMapping("/api/v1/product/feedback/groups/{id}/status")
	@ProblemCodes(kind = Refusal.Kind.INVALID_INPUT, value = "feedback_group_status_invalid")
	@ProblemCodes(kind = Refusal.Kind.NOT_FOUND, value = "feedback_group_not_found")
	@Operation(summary = "Mark a group open, planned or shipped (with the announcement); shipping tells each customer "
			+ "who gave that feedback, in their language")
	StatusSet groupStatus(@PathVariable UUID id, @Valid @RequestBody GroupStatus body) {
		return new StatusSet(id, body.status(), desk.setGroupStatus(id, body.status(), body.announcement()));
	}

}
