package com.tpwallet.walletdesk.disputes.internal;

import com.tpwallet.walletdesk.platform.Actor;
import com.tpwallet.walletdesk.platform.Caller;
import com.tpwallet.walletdesk.platform.ClientAddress;
import com.tpwallet.walletdesk.platform.CursorPage;
import com.tpwallet.walletdesk.platform.ProblemCodes;
import com.tpwallet.walletdesk.platform.Refusal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import com.tpwallet.walletdesk.support.SupportApi;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * A customer's disputes: open one on a movement, add evidence, answer, reopen, withdraw.
 */
@RestController
@Tag(name = "Disputes")
class DisputeController {

	private final DisputeDesk desk;

	private final DisputeViews views;

	private final DisputeFiles files;

	DisputeController(DisputeDesk desk, DisputeViews views, DisputeFiles files) {
		this.desk = desk;
		this.views = views;
		this.files = files;
	}

	record OpenDispute(@NotNull(message = "{validation.required}") UUID transactionId,
			@NotBlank(message = "{validation.required}") @Size(max = 30) String reason,
			@NotBlank(message = "{validation.required}") @Size(max = 4000) String description,
			@Nullable @Pattern(regexp = "web|chat|email|phone") String channel) {
	}

	@PostMapping("/api/v1/disputes")
	@ResponseStatus(HttpStatus.CREATED)
	@ProblemCodes(kind = Refusal.Kind.INVALID_INPUT, value = "dispute_reason_invalid")
	@ProblemCodes(kind = Refusal.Kind.NOT_FOUND, value = "transaction_not_found")
	@ProblemCodes(kind = Refusal.Kind.CONFLICT, value = "dispute_exists")
	@ProblemCodes(kind = Refusal.Kind.RULE,
			value = { "dispute_not_disputable", "dispute_window_passed", "dispute_reason_not_applicable" })
	@Operation(summary = "Dispute one of my movements (payment, transfer, top-up, withdrawal) within the window; "
			+ "reason not_authorised, goods_not_received, charged_twice, wrong_amount, refund_not_received, "
			+ "not_received or other. Answers the dispute with its status and dueDate, the day the decision is due")
	DisputeViews.CustomerDispute open(@Valid @RequestBody OpenDispute body, @AuthenticationPrincipal Caller customer,
			HttpServletRequest request) {
		return views.forCustomer(desk.open(customer,
				new DisputeDesk.Opening(body.transactionId(), body.reason(), body.description(), body.channel()),
				Actor.of(customer, ClientAddress.of(request))));
	}

	@GetMapping("/api/v1/disputes/form")
	@ProblemCodes(kind = Refusal.Kind.NOT_FOUND, value = "transaction_not_found")
	@Operation(summary = "The dispute form for one of my movements, filled in: its time, amount, method, "
			+ "counterparty, the reasons that fit it, until when it may be disputed, and the dispute if one exists")
	DisputeViews.Prefill form(@RequestParam UUID transactionId, @AuthenticationPrincipal Caller customer) {
		return views.prefill(customer, transactionId);
	}

	@GetMapping("/api/v1/disputes")
	@Operation(summary = "My disputes, newest first")
	CursorPage<DisputeViews.CustomerDispute> list(@RequestParam(required = false) @Nullable String cursor,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit, @AuthenticationPrincipal Caller customer) {
		return views.customerDisputes(customer, cursor, limit);
	}

	@GetMapping("/api/v1/disputes/{id}")
	@ProblemCodes(kind = Refusal.Kind.NOT_FOUND, value = "dispute_not_found")
	@Operation(summary = "One of my disputes with its evidence, the decision and what happened")
	DisputeViews.CustomerDispute get(@PathVariable UUID id, @AuthenticationPrincipal Caller customer) {
		return views.customerDispute(customer, id);
	}

	@PostMapping(value = "/api/v1/disputes/{id}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	@ProblemCodes(kind = Refusal.Kind.NOT_FOUND, value = "dispute_not_found")
	@ProblemCodes(kind = Refusal.Kind.CONFLICT, value = "dispute_closed")
	@ProblemCodes(kind = Refusal.Kind.RULE,
			value = { "attachment_empty", "attachment_type_refused", "attachment_active_content", "attachment_infected",
					"dispute_evidence_type_refused" })
	@ProblemCodes(kind = Refusal.Kind.TOO_LARGE, value = "attachment_too_large")
	@Operation(summary = "Add evidence (field file): a screenshot or photo, or a PDF; type sniffed from the "
			+ "content, at most 10 MB, virus-scanned. Answers a question staff were waiting on")
	DisputeViews.EvidenceView addEvidence(@PathVariable UUID id, @RequestParam("file") MultipartFile file,
			@AuthenticationPrincipal Caller customer, HttpServletRequest request) throws IOException {
		DisputeRepository.Evidence e = desk.addEvidence(customer, id, String.valueOf(file.getOriginalFilename()),
				file.getBytes(), Actor.of(customer, ClientAddress.of(request)));
		return new DisputeViews.EvidenceView(e.id(), e.fileName(), e.mediaType(), e.size(), e.addedBy(), e.addedAt());
	}

	@GetMapping("/api/v1/disputes/{id}/evidence/{evidenceId}")
	@ProblemCodes(kind = Refusal.Kind.NOT_FOUND, value = { "dispute_not_found", "dispute_evidence_not_found" })
	@Operation(summary = "Download one of my dispute's files")
	ResponseEntity<byte[]> evidence(@PathVariable UUID id, @PathVariable UUID evidenceId,
			@AuthenticationPrincipal Caller customer) {
		return asAttachment(files.content(desk.own(customer, id, false), evidenceId));
	}

	/**
	 * Served as the ticket's files are: always as an attachment, never rendered by the
	 * browser (the console shows images from the bytes it fetched).
	 */
	static ResponseEntity<byte[]> asAttachment(SupportApi.FileContent file) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(file.mediaType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(file.fileName(), StandardCharsets.UTF_8)
						.build()
						.toString())
			.body(file.bytes());
	}

	record Message(@NotBlank(message = "{validation.required}") @Size(max = 4000) String message) {
	}

	@PostMapping("/api/v1/disputes/{id}/replies")
	@ProblemCodes(kind = Refusal.Kind.NOT_FOUND, value = "dispute_not_found")
	@ProblemCodes(kind = Refusal.Kind.CONFLICT, value = "dispute_closed")
	@Operation(summary = "Write on my dispute: answer staff's question, or add what they should know")
	DisputeViews.CustomerDispute reply(@PathVariable UUID id, @Valid @RequestBody Message body,
			@AuthenticationPrincipal Caller customer, HttpServletRequest request) {
		return views
			.forCustomer(desk.reply(customer, id, body.message(), Actor.of(customer, ClientAddress.of(request))));
	}

	@PostMapping("/api/v1/disputes/{id}/reopen")
	@ProblemCodes(kind = Refusal.Kind.NOT_FOUND, value = "dispute_not_found")
	@ProblemCodes(kind = Refusal.Kind.CONFLICT, value = "dispute_not_decided")
	@ProblemCodes(kind = Refusal.Kind.RULE,
			value = { "dispute_reopened_before", "dispute_reopen_window_passed", "dispute_reopen_needs_evidence" })
	@Operation(summary = "Reopen my decided dispute, once, within 14 days of the decision, after adding new evidence")
	DisputeViews.CustomerDispute reopen(@PathVariable UUID id, @Valid @RequestBody Message body,
			@AuthenticationPrincipal Caller customer, HttpServletRequest request) {
		return views
			.forCustomer(desk.reopen(customer, id, body.message(), Actor.of(customer, ClientAddress.of(request))));
	}

	@PostMapping("/api/v1/disputes/{id}/withdraw")
	@ProblemCodes(kind = Refusal.Kind.NOT_FOUND, value = "dispute_not_found")
	@ProblemCodes(kind = Refusal.Kind.CONFLICT, value = { "dispute_already_decided", "dispute_closed" })
	@Operation(summary = "Withdraw my dispute before it is decided (a provisional credit is taken back)")
	DisputeViews.CustomerDispute withdraw(@PathVariable UUID id, @AuthenticationPrincipal Caller customer,
			HttpServletRequest request) {
		return views.forCustomer(desk.withdraw(customer, id, Actor.of(customer, ClientAddress.of(request))));
	}

}
