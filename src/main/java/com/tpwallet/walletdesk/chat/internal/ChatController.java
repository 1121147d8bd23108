package com.tpwallet.walletdesk.chat.internal;

import com.tpwallet.walletdesk.platform.ProblemCodes;
import com.tpwallet.walletdesk.identity.IdentityApi;
import com.tpwallet.walletdesk.platform.Caller;
import com.tpwallet.walletdesk.platform.ClientAddress;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Size;
import com.tpwallet.walletdesk.platform.Refusal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.io.IOException;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.TreeMap;
import com.tpwallet.walletdesk.platform.SupportHotline;
import com.tpwallet.walletdesk.platform.Languages;
import com.tpwallet.walletdesk.support.SupportApi;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Chat over HTTP: history for customers who come back, files, and the agents' side
 * (queue, accept, transfer, end).
 */
@RestController
@Tag(name = "Live chat")
class ChatController {

	private final ChatViews views;

	private final AgentChat agents;

	private final ChatExchange exchange;

	private final MessageSource messages;

	private final CustomerChat customers;

	private final SupportHotline hotline;

	private final VisitorIdentity visitors;

	ChatController(ChatViews views, AgentChat agents, CustomerChat customers, ChatExchange exchange,
			MessageSource messages, SupportHotline hotline, VisitorIdentity visitors) {
		this.visitors = visitors;
		this.hotline = hotline;
		this.views = views;
		this.customers = customers;
		this.agents = agents;
		this.exchange = exchange;
		this.messages = messages;
	}

	@GetMapping("/api/v1/chats/current")
	@ProblemCodes(kind = Refusal.Kind.NOT_FOUND, value = "chat_not_found")
	@Operation(
			summary = "The customer's latest chat with its messages after a sequence number (history when they come back)")
	ChatViews.History current(@AuthenticationPrincipal Caller caller, @RequestParam(defaultValue = "0") int after) {
		return views.current(caller, after);
	}

	@PostMapping(value = "/api/v1/chats/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ProblemCodes(kind = Refusal.Kind.NOT_FOUND, value = "chat_not_found")
	@ProblemCodes(kind = Refusal.Kind.RULE,
			value = { "chat_attachment_needs_agent", "attachment_empty", "attachment_type_refused",
					"attachment_active_content", "attachment_infected" })
	@ProblemCodes(kind = Refusal.Kind.TOO_LARGE, value = "attachment_too_large")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(
			summary = "Sends an image or a file into the chat (after an agent took it); type sniffed, size-limited, scanned")
	ChatMessage customerFile(@PathVariable UUID id, @RequestPart("file") MultipartFile file,
			@AuthenticationPrincipal Caller caller) throws IOException {
		caller.customerId();
		return exchange.attach(id, caller, file.getOriginalFilename() == null ? "file" : file.getOriginalFilename(),
				file.getBytes());
	}

	@GetMapping("/api/v1/chats/texts")
	@Operation(summary = "The chat widget's texts in a language (no sign-in needed)")
	Map<String, String> texts(@RequestParam(required = false) @Nullable String language) {
		Locale locale = Languages.match(language == null ? "" : language).orElse(LocaleContextHolder.getLocale());
		Map<String, String> out = new TreeMap<>();
		for (String key : Collections.list(ResourceBundle.getBundle("messages", Locale.ROOT).getKeys())) {
			if (key.startsWith("widget.")) {
				out.put(key, messages.getMessage(key, null, locale));
			}
		}
		hotline.text(locale).ifPresent(text -> out.put("widget.hotline", text));
		return out;
	}

	// ---- staff
	// ------------------------------------------------------------------------------------

	@GetMapping("/api/v1/staff/chats")
	@Operation(summary = "Chats waiting in the agent's languages (longest first) and the agent's own chats")
	ChatViews.Board board(@AuthenticationPrincipal Caller agent) {
		return views.board(agent);
	}

	@GetMapping("/api/v1/staff/chats/{id}/messages")
	@ProblemCodes(kind = Refusal.Kind.NOT_FOUND, value = "chat_not_found")
	@Operation(summary = "A chat's messages after a sequence number (the bot transcript before accepting)")
	ChatViews.History messages(@PathVariable UUID id, @RequestParam(defaultValue = "0") int after,
			@AuthenticationPrincipal Caller agent) {
		return views.messages(id, after, agent);
	}

	@PostMapping("/api/v1/staff/chats/{id}/accept")
	@ProblemCodes(kind = Refusal.Kind.CONFLICT, value = "chat_not_waiting")
	@ProblemCodes(kind = Refusal.Kind.NOT_ALLOWED, value = "chat_not_yours")
	@ProblemCodes(kind = Refusal.Kind.RULE, value = "chat_limit_reached")
	@ProblemCodes(kind = Refusal.Kind.NOT_FOUND, value = "chat_not_found")
	@Operation(summary = "Takes a waiting chat (up to the per-agent limit, in a language the agent speaks)")
	ChatViews.History accept(@PathVariable UUID id, @AuthenticationPrincipal Caller agent) {
		agents.accept(id, agent);
		return views.history(id);
	}

	@GetMapping("/api/v1/staff/chats/{id}/colleagues")
	@ProblemCodes(kind = Refusal.Kind.NOT_FOUND, value = "chat_not_found")
	@Operation(summary = "Available agents who speak the chat's language (to transfer it to)")
	List<ChatViews.Colleague> colleagues(@PathVariable UUID id, @AuthenticationPrincipal Caller agent) {
		return views.colleagues(id, agent);
	}

	record Transfer(@NotNull UUID agentId) {
	}

	@PostMapping("/api/v1/staff/chats/{id}/transfer")
	@ProblemCodes(kind = Refusal.Kind.RULE, value = { "assignee_unknown", "chat_agent_language" })
	@ProblemCodes(kind = Refusal.Kind.NOT_ALLOWED, value = "chat_not_yours")
	@ProblemCodes(kind = Refusal.Kind.NOT_FOUND, value = "chat_not_found")
	@Operation(summary = "Hands the chat to another agent who speaks its language")
	void transfer(@PathVariable UUID id, @Valid @RequestBody Transfer body, @AuthenticationPrincipal Caller agent) {
		agents.transfer(id, agent, body.agentId());
	}

	record Reply(@NotBlank(message = "{validation.required}") String text, @Nullable Boolean translate) {
	}

	@PostMapping("/api/v1/staff/chats/{id}/messages")
	@ProblemCodes(kind = Refusal.Kind.NOT_FOUND, value = "chat_not_found")
	@ProblemCodes(kind = Refusal.Kind.NOT_ALLOWED, value = "chat_not_yours")
	@ProblemCodes(kind = Refusal.Kind.RULE, value = "chat_text_invalid")
	@ProblemCodes(kind = Refusal.Kind.RULE, value = "translation_not_for_disputes")
	@ProblemCodes(kind = Refusal.Kind.UNAVAILABLE, value = "translation_unavailable")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Writes to the customer (same as a STOMP SEND to /app/chat.message with the conversationId); "
			+ "with translate: true the agent writes in their language and the customer reads it machine-translated "
			+ "(original kept); when no translation can be had nothing is sent and the chat goes to a colleague who "
			+ "speaks the customer's language")
	void reply(@PathVariable UUID id, @Valid @RequestBody Reply body, @AuthenticationPrincipal Caller agent) {
		agents.agentWrites(id, agent, body.text(), Boolean.TRUE.equals(body.translate()));
	}

	@PostMapping("/api/v1/staff/chats/{id}/messages/{seq}/unclear")
	@ProblemCodes(kind = Refusal.Kind.NOT_FOUND, value = "chat_not_found")
	@ProblemCodes(kind = Refusal.Kind.RULE, value = "entry_not_translated")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "The agent says a machine translation in the chat is unclear: a colleague who speaks the "
			+ "customer's language takes the chat over")
	void agentFindsUnclear(@PathVariable UUID id, @PathVariable int seq, @AuthenticationPrincipal Caller agent) {
		agents.unclear(id, seq, agent);
	}

	@PostMapping("/api/v1/chats/{id}/messages/{seq}/unclear")
	@ProblemCodes(kind = Refusal.Kind.NOT_FOUND, value = "chat_not_found")
	@ProblemCodes(kind = Refusal.Kind.RULE, value = "entry_not_translated")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "The customer says a machine-translated answer is unclear: a colleague who speaks their "
			+ "language takes the chat over")
	void customerFindsUnclear(@PathVariable UUID id, @PathVariable int seq, @AuthenticationPrincipal Caller customer) {
		customers.unclear(id, seq, customer.customerId());
	}

	@PostMapping(value = "/api/v1/staff/chats/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ProblemCodes(kind = Refusal.Kind.NOT_FOUND, value = "chat_not_found")
	@ProblemCodes(kind = Refusal.Kind.RULE,
			value = { "chat_attachment_needs_agent", "attachment_empty", "attachment_type_refused",
					"attachment_active_content", "attachment_infected" })
	@ProblemCodes(kind = Refusal.Kind.TOO_LARGE, value = "attachment_too_large")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Sends an image or a file to the customer")
	ChatMessage agentFile(@PathVariable UUID id, @RequestPart("file") MultipartFile file,
			@AuthenticationPrincipal Caller agent) throws IOException {
		return exchange.attach(id, agent, file.getOriginalFilename() == null ? "file" : file.getOriginalFilename(),
				file.getBytes());
	}

	@PostMapping("/api/v1/staff/chats/{id}/identity-code")
	@ProblemCodes(kind = Refusal.Kind.NOT_FOUND, value = "chat_not_found")
	@ProblemCodes(kind = Refusal.Kind.NOT_ALLOWED, value = "chat_not_yours")
	@ProblemCodes(kind = Refusal.Kind.RULE, value = "chat_not_a_visitor")
	@ProblemCodes(kind = Refusal.Kind.TOO_MANY_ATTEMPTS, value = "too_many_attempts")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Sends a one-time code to the phone or e-mail registered for the account the chat's visitor "
			+ "named (never to what the visitor typed); says nothing about whether there is such an account")
	void sendIdentityCode(@PathVariable UUID id, @AuthenticationPrincipal Caller agent, HttpServletRequest request) {
		visitors.sendCode(id, agent, ClientAddress.of(request));
	}

	record IdentityCode(@NotBlank(message = "{validation.required}") @Size(max = 12,
			message = "{validation.too-long}") String code) {
	}

	record Identified(UUID customerId) {
	}

	@PostMapping("/api/v1/staff/chats/{id}/identity")
	@ProblemCodes(kind = Refusal.Kind.NOT_FOUND, value = "chat_not_found")
	@ProblemCodes(kind = Refusal.Kind.NOT_ALLOWED, value = "chat_not_yours")
	@ProblemCodes(kind = Refusal.Kind.RULE, value = { "chat_not_a_visitor", "identity_code_invalid" })
	@Operation(summary = "The code the visitor read back: when right, the chat and its ticket become that customer's "
			+ "(audited)")
	Identified proveIdentity(@PathVariable UUID id, @Valid @RequestBody IdentityCode body,
			@AuthenticationPrincipal Caller agent, HttpServletRequest request) {
		return new Identified(visitors.prove(id, agent, body.code(), ClientAddress.of(request)));
	}

	@PostMapping("/api/v1/staff/chats/{id}/end")
	@ProblemCodes(kind = Refusal.Kind.NOT_FOUND, value = "chat_not_found")
	@ProblemCodes(kind = Refusal.Kind.NOT_ALLOWED, value = "chat_not_yours")
	@Operation(summary = "Ends the chat; the customer is asked for a rating")
	void end(@PathVariable UUID id, @AuthenticationPrincipal Caller agent) {
		exchange.end(id, agent);
	}

}
