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
	}

}
