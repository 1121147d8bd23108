package com.tpwallet.walletdesk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.tpwallet.walletdesk.Api;
import com.tpwallet.walletdesk.HttpTestBase;
import com.tpwallet.walletdesk.platform.AuthorizationMatrixIntegrationTest.Access;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every operation of the OpenAPI document, fed hostile input generated from its own
 * schema: each field of the request body and each query parameter in turn gets wrong
 * types, huge or broken values, markup, NUL bytes and numbers at the edge of a long, and
 * some whole bodies are not even JSON. Called by a caller the operation admits. No answer
 * may be a 5xx or show a stack trace, and a call refused as malformed (400) changes
 * nothing.
 */
class HostileInputIntegrationTest extends HttpTestBase {

	static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	/** Values that have broken services before; strings, numbers, structures. */
	static List<JsonNode> hostileValues() {
		List<JsonNode> values = new ArrayList<>(List.of(NODES.nullNode(), NODES.stringNode(""), NODES.stringNode(" "),
				NODES.stringNode("a\u0000b"), NODES.stringNode("<img src=x onerror=alert(1)>"),
				NODES.stringNode("&lt;script&gt;alert(1)&lt;/script&gt;"), NODES.stringNode("' OR 1=1 --"),
				NODES.stringNode("../../../../etc/passwd"), NODES.stringNode("%00%ff%%%"),
				NODES.stringNode("=cmd|' /C calc'!A0"), NODES.stringNode("\u202e\ud83d\ude00\u0301"),
				NODES.stringNode("x".repeat(100_000)), NODES.stringNode("9223372036854775808"),
				NODES.numberNode(Long.MAX_VALUE), NODES.numberNode(Long.MIN_VALUE), NODES.numberNode(-1),
				NODES.numberNode(0), NODES.numberNode(0.5), NODES.numberNode(new java.math.BigDecimal("1e400")),
				NODES.booleanNode(true), NODES.arrayNode(), NODES.objectNode()));
		// replaced by arrays nested deeper than any parser should follow
		values.add(NODES.stringNode(DEEP_MARK));
		return values;
	}

	static final String DEEP_MARK = "__nested_600_deep__";
	static final String DEEP = "[".repeat(600) + "]".repeat(600);

	/** Whole bodies that are not what any operation reads. */
	static final List<String> HOSTILE_BODIES = List.of("", "null", "[]", "\"text\"", "{", "{\"a\":",
			"{\"a\":1,\"a\":2}", "\u0000", "{\"x\":\"\\ud800\"}", "[".repeat(5_000));

	record Call(String method, String path, String query, String body) {
	}

	@Test
	void hostileInputNeverGetsA5xxOrAStackTraceAndAMalformedCallChangesNothing() throws Exception {
		JsonNode document = api.get("/v3/api-docs", null).body();
		Map<Access, String> tokens = new LinkedHashMap<>();
		tokens.put(Access.CUSTOMER, api.login(api.registerCustomer("en"), Api.PASSWORD));
		tokens.put(Access.SIGNED_IN, tokens.get(Access.CUSTOMER));
		tokens.put(Access.AGENT, api.staffToken("AGENT"));
		tokens.put(Access.SUPERVISOR, api.staffToken("SUPERVISOR"));
		tokens.put(Access.ADMIN, api.adminToken());
		List<String> failures = new ArrayList<>();
		Map<Integer, Integer> statuses = new java.util.TreeMap<>();
		int calls = 0;
		JsonNode paths = document.path("paths");
		for (String path : paths.propertyNames()) {
			for (String method : paths.path(path).propertyNames()) {
				String key = method.toUpperCase() + " " + path;
				if (key.equals("POST /api/v1/auth/logout") || key.startsWith("POST /api/v1/admin/staff/")
						|| key.startsWith("PUT /api/v1/admin/settings/")) {
					// would sign the callers out, disable them or require them a second
					// factor: their own tests
					continue;
				}
				Access access = AuthorizationMatrixIntegrationTest.RULES.get(key);
				String token = access == Access.PUBLIC ? null : tokens.get(access);
				JsonNode operation = paths.path(path).path(method);
				for (Call call : calls(method.toUpperCase(), path, operation, document)) {
					calls++;
					Map<String, Long> before = fingerprint();
					MvcResult result = send(call, token);
					int status = result.getResponse().getStatus();
					statuses.merge(status, 1, Integer::sum);
					String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
					String where = key + " query=" + abbreviate(call.query()) + " body=" + abbreviate(call.body())
							+ " -> " + status;
					if (status >= 500) {
						failures.add(where + " " + abbreviate(body));
					}
					if (body.contains("\tat ") || body.contains("Exception") && body.contains("java.")) {
						failures.add(where + " shows a stack trace");
					}
					if (status == 400 && !fingerprint().equals(before) && changesDataAgain(call, token)) {
						failures.add(where + " was refused as malformed but changed data");
					}
				}
			}
		}
		System.out.println("Hostile input: " + calls + " calls, answers by status " + statuses);
		assertThat(calls).isGreaterThan(1_000);
		assertThat(failures).isEmpty();
	}

	/**
	 * A second look at a refused call after which a count moved: the scheduled jobs and
	 * the asynchronous listeners of earlier calls write rows while this test runs, so the
	 * same call is sent again. A call that writes changes the counts again or, its row
	 * now taken, is no longer refused as malformed.
	 */
	private boolean changesDataAgain(Call call, String token) throws Exception {
		Map<String, Long> before = fingerprint();
		int status = send(call, token).getResponse().getStatus();
		Map<String, Long> after = fingerprint();
		if (status != 400 || !after.equals(before)) {
			System.out
				.println("Changed by a refused call: " + changed(before, after) + " (second answer " + status + ")");
			return true;
		}
		return false;
	}

	private static List<String> changed(Map<String, Long> before, Map<String, Long> after) {
		return after.keySet()
			.stream()
			.filter(table -> !after.get(table).equals(before.get(table)))
			.map(table -> table + " " + before.get(table) + "→" + after.get(table))
			.toList();
	}

	private MvcResult send(Call call, String token) throws Exception {
		MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(
				org.springframework.http.HttpMethod.valueOf(call.method()),
				java.net.URI.create(call.path() + (call.query().isEmpty() ? "" : "?" + call.query())));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		request.header("Idempotency-Key", UUID.randomUUID().toString());
		if (call.body() != null) {
			request.contentType("application/json").content(call.body());
		}
		return mvc.perform(request).andReturn();
	}

	/**
	 * The hostile calls for one operation: each parameter and each body field in turn,
	 * then whole hostile bodies.
	 */
	private List<Call> calls(String method, String template, JsonNode operation, JsonNode document) {
		String path = template.replaceAll("\\{[^}]*}", UUID.randomUUID().toString());
		List<Call> calls = new ArrayList<>();
		List<JsonNode> values = hostileValues();
		for (JsonNode parameter : operation.path("parameters")) {
			if (!parameter.path("in").asString().equals("query")) {
				continue;
			}
			for (JsonNode value : values) {
				String text = value.isString() ? value.asString() : value.toString();
				calls.add(new Call(method, path,
						parameter.path("name").asString() + "=" + URLEncoder
							.encode(text.length() > 8_000 ? text.substring(0, 8_000) : text, StandardCharsets.UTF_8),
						null));
			}
		}
		JsonNode schema = resolve(operation.path("requestBody").path("content").path("application/json").path("schema"),
				document);
		if (!schema.isMissingNode()) {
			ObjectNode valid = NODES.objectNode();
			for (String field : schema.path("properties").propertyNames()) {
				valid.set(field, plausible(resolve(schema.path("properties").path(field), document)));
			}
			for (String field : schema.path("properties").propertyNames()) {
				for (JsonNode value : values) {
					ObjectNode hostile = valid.deepCopy();
					hostile.set(field, value);
					calls.add(new Call(method, path, "", hostile.toString().replace("\"" + DEEP_MARK + "\"", DEEP)));
				}
			}
			for (String body : HOSTILE_BODIES) {
				calls.add(new Call(method, path, "", body));
			}
		}
		return calls;
	}

	private static JsonNode plausible(JsonNode schema) {
		return switch (schema.path("type").asString("string")) {
			case "integer", "number" -> NODES.numberNode(100);
			case "boolean" -> NODES.booleanNode(false);
			case "array" -> NODES.arrayNode();
			case "object" -> NODES.objectNode();
			default -> NODES.stringNode("plain text 1");
		};
	}

	private static JsonNode resolve(JsonNode schema, JsonNode document) {
		String ref = schema.path("$ref").asString("");
		return ref.startsWith("#/components/schemas/")
				? document.path("components").path("schemas").path(ref.substring("#/components/schemas/".length()))
				: schema;
	}

	/**
	 * What a refused call must not change: the rows of the tables that hold the business
	 * (security counters, rate buckets and the audit of failed sign-ins are meant to
	 * count refused attempts).
	 */
	private Map<String, Long> fingerprint() {
		List<String> tables = jdbc.sql("""
				SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename NOT IN
				  ('rate_limit_bucket', 'unknown_login', 'login_event', 'audit_entry', 'flyway_schema_history',
				   'event_publication', 'event_publication_archive') ORDER BY tablename""").query(String.class).list();
		String counts = String.join(" UNION ALL ",
				tables.stream().map(t -> "SELECT '" + t + "', (SELECT count(*) FROM " + t + ")").toList());
		Map<String, Long> fingerprint = new java.util.TreeMap<>();
		jdbc.sql(counts).query((row, n) -> fingerprint.put(row.getString(1), row.getLong(2))).list();
		return fingerprint;
	}

	private static String abbreviate(String text) {
		return text == null ? "" : text.length() > 120 ? text.substring(0, 120) + "…" : text;
	}

}
