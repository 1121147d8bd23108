package com.tpwallet.walletdesk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.tpwallet.walletdesk.HttpTestBase;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The API document says what can go wrong: every operation declares its problem responses
 * and their codes.
 */
class OpenApiProblemsIntegrationTest extends HttpTestBase {

	@Test
	void everyOperationDeclaresProblemResponsesWithTheProblemSchema() {
		JsonNode document = api.get("/v3/api-docs", null).body();
		List<String> undeclared = new ArrayList<>();
		JsonNode paths = document.path("paths");
		for (String path : paths.propertyNames()) {
			for (String method : paths.path(path).propertyNames()) {
				JsonNode responses = paths.path(path).path(method).path("responses");
				boolean declares = responses.propertyNames()
					.stream()
					.anyMatch(status -> status.startsWith("4") && responses.path(status)
						.path("content")
						.path("application/problem+json")
						.path("schema")
						.path("$ref")
						.asString()
						.equals("#/components/schemas/Problem"));
				if (!declares) {
					undeclared.add(method.toUpperCase() + " " + path);
				}
			}
		}
		assertThat(paths.propertyNames()).isNotEmpty();
		assertThat(undeclared).as("operations that declare no problem response").isEmpty();
		JsonNode codes = document.path("components")
			.path("schemas")
			.path("Problem")
			.path("properties")
			.path("code")
			.path("enum");
		assertThat(codes.valueStream().map(JsonNode::asString).toList()).contains("insufficient_balance",
				"account_locked", "limit_exceeded", "customers_only", "invalid_characters", "service_unavailable",
				"wallet_frozen");
		JsonNode refund = paths.path("/api/v1/staff/transactions/{id}/refund").path("post").path("responses");
		assertThat(refund.propertyNames()).contains("400", "401", "403", "404", "409", "422", "503");
		assertThat(codes(refund.path("404"))).containsExactly("transaction_not_found");
		assertThat(codes(refund.path("403"))).containsExactly("forbidden", "two_factor_enrolment_required",
				"csrf_token_invalid");
	}

	@Test
	void operationsListTheCodesEachStatusCanCarryAndEveryListedCodeExists() {
		JsonNode document = api.get("/v3/api-docs", null).body();
		JsonNode paths = document.path("paths");
		JsonNode payment = paths.path("/api/v1/wallet/payments").path("post").path("responses");
		assertThat(codes(payment.path("422"))).containsExactly("amount_not_integer", "amount_not_positive",
				"amount_too_large", "currency_unsupported", "merchant_unknown", "payment_password_wrong",
				"payment_password_blocked", "payment_password_not_set", "wallet_frozen", "insufficient_balance",
				"limit_exceeded", "risk_step_up_required", "risk_review", "step_up_code_invalid");
		assertThat(codes(payment.path("409"))).containsExactly("idempotency_key_reused");
		assertThat(payment.path("422").path("description").asString()).contains("insufficient_balance");
		JsonNode login = paths.path("/api/v1/auth/login").path("post").path("responses");
		assertThat(codes(login.path("401"))).containsExactly("invalid_credentials", "two_factor_required",
				"two_factor_invalid");
		assertThat(codes(login.path("423"))).containsExactly("account_locked");
		JsonNode ticket = paths.path("/api/v1/staff/tickets/{id}").path("patch").path("responses");
		assertThat(codes(ticket.path("409"))).containsExactly("ticket_closed");

		List<String> known = knownCodes(document);
		List<String> unknown = new ArrayList<>();
		int listed = 0;
		for (String path : paths.propertyNames()) {
			for (String method : paths.path(path).propertyNames()) {
				JsonNode responses = paths.path(path).path(method).path("responses");
				for (String status : responses.propertyNames()) {
					for (String code : codes(responses.path(status))) {
						listed++;
						if (!known.contains(code)) {
							unknown.add(method + " " + path + " " + status + " " + code);
						}
					}
				}
			}
		}
		assertThat(listed).as("codes listed across operations").isGreaterThanOrEqualTo(60);
		assertThat(unknown).as("listed codes the service has no message for").isEmpty();
	}

	/**
	 * Path variables that name no object the caller could fail to find: a year, and an
	 * article translation or a glossary term that the PUT creates when it does not exist.
	 */
	private static final List<String> NOT_AN_OBJECT = List.of("/api/v1/staff/calendar/{year}",
			"/api/v1/admin/calendar/{year}", "/api/v1/staff/articles/{slug}/{language}",
			"/api/v1/admin/translation/glossary/{concept}/{language}");

	/**
	 * Codes no operation lists: the chat's STOMP errors, and the answers to a request
	 * that matches no operation at all (or breaks the server).
	 */
	private static final List<String> NO_OPERATION = List.of("chat_destination_invalid", "chat_malformed",
			"chat_not_ended", "chat_too_many_messages", "bad_request", "internal_error", "method_not_allowed",
			"not_acceptable", "not_found", "unsupported_media_type");

	@Test
	void everyProblemResponseListsItsCodesAndEveryObjectOperationItsNotFoundCode() {
		JsonNode document = api.get("/v3/api-docs", null).body();
		JsonNode paths = document.path("paths");
		List<String> withoutCodes = new ArrayList<>();
		List<String> withoutNotFound = new ArrayList<>();
		java.util.Set<String> listed = new java.util.TreeSet<>();
		for (String path : paths.propertyNames()) {
			for (String method : paths.path(path).propertyNames()) {
				JsonNode responses = paths.path(path).path(method).path("responses");
				for (String status : responses.propertyNames()) {
					if (status.startsWith("4") || status.startsWith("5")) {
						listed.addAll(codes(responses.path(status)));
						if (codes(responses.path(status)).isEmpty()) {
							withoutCodes.add(method.toUpperCase() + " " + path + " " + status);
						}
					}
				}
				if (path.startsWith("/api/") && path.contains("{") && !NOT_AN_OBJECT.contains(path)
						&& codes(responses.path("404")).isEmpty()) {
					withoutNotFound.add(method.toUpperCase() + " " + path);
				}
			}
		}
		assertThat(withoutCodes).as("problem responses that list no code").isEmpty();
		assertThat(withoutNotFound).as("operations on an object that do not say how it is not found").isEmpty();
		List<String> known = knownCodes(document);
		assertThat(known.stream().filter(code -> !listed.contains(code) && !NO_OPERATION.contains(code)).toList())
			.as("codes the service can answer that no operation lists")
			.isEmpty();
	}

	/** Every code the Problem schema lists. */
	private static List<String> knownCodes(JsonNode document) {
		return document.path("components")
			.path("schemas")
			.path("Problem")
			.path("properties")
			.path("code")
			.path("enum")
			.valueStream()
			.map(JsonNode::asString)
			.toList();
	}

	private static List<String> codes(JsonNode response) {
		return response.path("x-problem-codes").valueStream().map(JsonNode::asString).toList();
	}

}
