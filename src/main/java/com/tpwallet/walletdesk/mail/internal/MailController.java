package com.tpwallet.walletdesk.mail.internal;

import com.tpwallet.walletdesk.platform.Refusal;
import com.tpwallet.walletdesk.platform.ProblemCodes;
import com.tpwallet.walletdesk.platform.Caller;
import com.tpwallet.walletdesk.platform.ClientAddress;
import jakarta.servlet.http.HttpServletRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The e-mail channel for staff: a ticket's mails and their originals, contacts,
 * mailboxes.
 */
@RestController
@Tag(name = "Staff: e-mail")
class MailController {

	private final MailDesk desk;

	MailController(MailDesk desk) {
		this.desk = desk;
	}

	@GetMapping("/api/v1/staff/tickets/{id}/mails")
	@ProblemCodes(kind = Refusal.Kind.NOT_FOUND, value = "ticket_not_found")
	@Operation(summary = "The mails received and sent on a ticket, oldest first, with the loop or bounce reason if any")
	List<MailStore.Stored> mails(@PathVariable UUID id, @AuthenticationPrincipal Caller staff) {
		return desk.mails(id, staff);
	}

	@GetMapping("/api/v1/staff/mails/{id}/original")
	@ProblemCodes(kind = Refusal.Kind.NOT_FOUND, value = { "mail_not_found", "ticket_not_found" })
	@Operation(summary = "A received mail exactly as it arrived (.eml)")
	ResponseEntity<byte[]> original(@PathVariable UUID id, @AuthenticationPrincipal Caller staff) {
		byte[] raw = desk.original(id, staff);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("message/rfc822"))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(id + ".eml").build().toString())
			.body(raw);
	}

	record Link(@NotNull UUID customerId) {
	}

	@PostMapping("/api/v1/staff/mail-contacts/{id}/customer")
	@ProblemCodes(kind = Refusal.Kind.NOT_FOUND, value = "mail_contact_not_found")
	@ProblemCodes(kind = Refusal.Kind.RULE, value = "customer_unknown")
	@ProblemCodes(kind = Refusal.Kind.CONFLICT, value = "mail_contact_linked")
	@Operation(summary = "Links an e-mail contact to a customer: their tickets become the customer's")
	MailDesk.Linked link(@PathVariable UUID id, @Valid @RequestBody Link body, @AuthenticationPrincipal Caller staff,
			HttpServletRequest request) {
		return desk.link(id, body.customerId(), staff, ClientAddress.of(request));
	}

	@GetMapping("/api/v1/staff/mailboxes")
	@PreAuthorize("hasRole('SUPERVISOR')")
	@Operation(summary = "The support mailboxes and whether each is being read (supervisors)")
	List<MailboxHealth.MailboxStates.State> mailboxes() {
		return desk.mailboxes();
	}

}
