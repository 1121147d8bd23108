package com.tpwallet.walletdesk.platform.internal;

import com.tpwallet.walletdesk.platform.ProblemCodes;
import com.tpwallet.walletdesk.platform.Refusal;
import com.tpwallet.walletdesk.platform.RefusalStatus;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.web.method.HandlerMethod;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Declares in the OpenAPI document what can go wrong with each operation: the problem
 * statuses it can answer (bad input, not signed in, not allowed, no such object, refused
 * by a rule or a conflict, too many attempts, the database away), each an RFC 9457
 * problem whose {@code code} is one of the stable codes listed in the {@code Problem}
 * schema (every {@code problem.*} message, so the list cannot drift from what the service
 * says). App developers program against those codes.
 */
@Component
class ProblemResponses implements GlobalOpenApiCustomizer, OperationCustomizer {

	static final String PROBLEM = "Problem";

	/**
	 * The operations anyone may call (SecurityConfiguration's permitted requests, as the
	 * document names them).
	 */
	private static final java.util.Set<String> PUBLIC = java.util.Set.of("POST /api/v1/customers",
			"POST /api/v1/auth/login", "POST /api/v1/auth/password-reset", "POST /api/v1/auth/password-reset/confirm",
			"POST /api/v1/auth/unlock", "POST /api/v1/wallet/gateway/callback", "GET /api/v1/articles",
			"GET /api/v1/articles/{slug}", "POST /api/v1/answers", "POST /api/v1/troubleshooters/{id}/diagnosis",
			"GET /api/v1/troubleshooters", "GET /api/v1/chats/texts", "POST /api/v1/cti/{token}",
			"POST /api/v1/telephony/ivr");

	/**
	 * An operation's own codes ({@link ProblemCodes}), each kind under its status: listed
	 * in the description and as {@code x-problem-codes}. The general statuses are added
	 * afterwards only where the operation declared none.
	 */
	@Override
	public Operation customize(Operation operation, HandlerMethod handler) {
		ProblemCodes[] declared = handler.getMethod().getAnnotationsByType(ProblemCodes.class);
		if (declared.length == 0) {
			return operation;
		}
		ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
		for (ProblemCodes codes : declared) {
			String status = String.valueOf(RefusalStatus.of(codes.kind()).value());
			ApiResponse response = responses.get(status);
			if (response == null) {
				response = problemResponse("");
				responses.addApiResponse(status, response);
			}
			List<String> all = listedCodes(response);
			all.addAll(List.of(codes.value()));
			describe(response, DESCRIPTIONS.get(codes.kind()), all);
		}
		operation.setResponses(responses);
		return operation;
	}

	static final String CODES_EXTENSION = "x-problem-codes";

	private static final Map<Refusal.Kind, String> DESCRIPTIONS = Map.of(Refusal.Kind.CONFLICT,
			"It contradicts the current state: already done, taken or decided.", Refusal.Kind.RULE,
			"Understood and refused by a business rule; the code says which.", Refusal.Kind.NOT_FOUND,
			"No such object, or not the caller's: both answer the same.", Refusal.Kind.NOT_ALLOWED,
			"The caller may not do this.", Refusal.Kind.INVALID_INPUT, "The input cannot be read or is not valid.",
			Refusal.Kind.LOCKED, "Locked after too many failed attempts; it unlocks by itself.",
			Refusal.Kind.TOO_MANY_ATTEMPTS, "Too many attempts; Retry-After says when to try again.",
			Refusal.Kind.NOT_SIGNED_IN, "Not signed in, or the credentials are not right.", Refusal.Kind.TOO_LARGE,
			"More than may be sent at once.", Refusal.Kind.UNAVAILABLE, "The service cannot do it right now.");

	@Override
	public void customise(OpenAPI openApi) {
		openApi.getComponents().addSchemas(PROBLEM, problemSchema());
		if (openApi.getPaths() == null) {
			return;
		}
		openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
			if (path.startsWith("/api/")) {
				declare(path, method, operation);
			}
		}));
	}

	/**
	 * The statuses every operation of its kind can answer, whatever it does: unreadable
	 * input, a missing or ended token, a caller without the right, too many attempts at a
	 * public door, the database away. Merged with the operation's own codes; a 404, 409
	 * or 422 is listed only where the operation declares its codes.
	 */
	private static void declare(String path, PathItem.HttpMethod method, Operation operation) {
		ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
		boolean writes = method != PathItem.HttpMethod.GET;
		boolean open = PUBLIC.contains(method + " " + path);
		List<String> unreadable = new java.util.ArrayList<>(
				List.of("invalid_request", "malformed_request", "invalid_characters", "invalid_path"));
		if (operation.getParameters() != null
				&& operation.getParameters().stream().anyMatch(p -> "cursor".equals(p.getName()))) {
			unreadable.add("invalid_cursor");
		}
		add(responses, "400", "The input cannot be read or is not valid.", unreadable);
		if (!open) {
			add(responses, "401", "Not signed in, or the token has ended.", List.of("unauthenticated"));
			boolean staffPath = path.startsWith("/api/v1/staff/") || path.startsWith("/api/v1/admin/");
			List<String> forbidden = new java.util.ArrayList<>(staffPath
					? List.of("forbidden", "two_factor_enrolment_required") : List.of("forbidden", "customers_only"));
			if (writes) {
				// a change signed in by a staff page's session cookie without its CSRF
				// token
				forbidden.add("csrf_token_invalid");
			}
			add(responses, "403", "The caller may not do this.", forbidden);
		}
		if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null
				&& operation.getRequestBody().getContent().containsKey("multipart/form-data")) {
			add(responses, "413", "More than may be sent at once.", List.of("payload_too_large"));
		}
		if (open && writes) {
			add(responses, "429", "Too many attempts; Retry-After says when to try again.",
					List.of("too_many_attempts"));
		}
		add(responses, "503", "The service cannot reach its database right now; nothing was changed.",
				List.of("service_unavailable"));
		operation.setResponses(responses);
	}

	/** Adds a status with its codes, or adds the codes to the operation's own. */
	private static void add(ApiResponses responses, String status, String description, List<String> codes) {
		ApiResponse response = responses.get(status);
		if (response == null) {
			response = problemResponse(description);
			responses.addApiResponse(status, response);
		}
		List<String> all = listedCodes(response);
		codes.stream().filter(code -> !all.contains(code)).forEach(all::add);
		describe(response, response.getDescription() == null || response.getDescription().isBlank() ? description
				: response.getDescription().replaceFirst(" Codes: .*$", ""), all);
	}

	@SuppressWarnings("unchecked")
	private static List<String> listedCodes(ApiResponse response) {
		Object listed = response.getExtensions() == null ? null : response.getExtensions().get(CODES_EXTENSION);
		return new java.util.ArrayList<>(listed == null ? List.of() : (List<String>) listed);
	}

	private static void describe(ApiResponse response, String description, List<String> codes) {
		response.addExtension(CODES_EXTENSION, codes);
		response.setDescription(description + " Codes: " + String.join(", ", codes) + ".");
	}

	private static ApiResponse problemResponse(String description) {
		return new ApiResponse().description(description)
			.content(new Content().addMediaType("application/problem+json",
					new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
	}

	@SuppressWarnings({ "rawtypes", "unchecked" })
	private static Schema<?> problemSchema() {
		StringSchema code = new StringSchema();
		code.setEnum(List.copyOf(codes()));
		code.setDescription("Stable, machine-readable: what app developers program against. The detail is its text "
				+ "in the caller's language.");
		return new ObjectSchema().description("An RFC 9457 problem with a stable code")
			.properties(Map.<String, Schema>of("type", new StringSchema(), "title", new StringSchema(), "status",
					new IntegerSchema(), "detail", new StringSchema(), "instance", new StringSchema(), "code", code))
			.required(List.of("status", "code"));
	}

	/** Every code the service can answer: the keys of its {@code problem.*} messages. */
	static TreeSet<String> codes() {
		Properties messages = new Properties();
		try (InputStream in = new ClassPathResource("messages.properties").getInputStream()) {
			messages.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		TreeSet<String> codes = new TreeSet<>();
		messages.stringPropertyNames()
			.stream()
			.filter(k -> k.startsWith("problem."))
			.forEach(k -> codes.add(k.substring("problem.".length())));
		return codes;
	}

}
