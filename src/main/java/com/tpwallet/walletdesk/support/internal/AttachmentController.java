package com.tpwallet.walletdesk.support.internal;

import com.tpwallet.walletdesk.platform.Refusal;
import com.tpwallet.walletdesk.platform.ProblemCodes;
import com.tpwallet.walletdesk.platform.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@Tag(name = "Tickets")
class AttachmentController {

	private final Attachments attachments;

	AttachmentController(Attachments attachments) {
		this.attachments = attachments;
	}

	@PostMapping(value = "/api/v1/tickets/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ProblemCodes(kind = Refusal.Kind.NOT_FOUND, value = "ticket_not_found")
	@ProblemCodes(kind = Refusal.Kind.RULE,
			value = { "attachment_empty", "attachment_type_refused", "attachment_active_content",
					"attachment_infected" })
	@ProblemCodes(kind = Refusal.Kind.TOO_LARGE, value = "attachment_too_large")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(
			summary = "Attach a file (images, PDF, plain text; at most 10 MB; type sniffed from the content; virus-scanned)")
	Attachments.Attachment upload(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
			@RequestParam("file") MultipartFile file) throws IOException {
		return attachments.upload(id, caller, file.getOriginalFilename(), file.getBytes());
	}

	@GetMapping("/api/v1/tickets/{id}/attachments")
	@ProblemCodes(kind = Refusal.Kind.NOT_FOUND, value = "ticket_not_found")
	@Operation(summary = "The files on a ticket")
	List<Attachments.Attachment> list(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
		return attachments.list(id, caller);
	}

	@GetMapping("/api/v1/tickets/{id}/attachments/{attachmentId}")
	@ProblemCodes(kind = Refusal.Kind.NOT_FOUND, value = { "ticket_not_found", "attachment_not_found" })
	@Operation(summary = "Download a file (always as an attachment, never rendered inline)")
	ResponseEntity<byte[]> download(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
			@PathVariable UUID attachmentId) {
		Attachments.Content content = attachments.download(id, attachmentId, caller);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(content.mediaType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(content.fileName(), java.nio.charset.StandardCharsets.UTF_8)
						.build()
						.toString())
			.body(content.bytes());
	}

}
