package com.tpwallet.walletdesk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.tpwallet.walletdesk.Api;
import com.tpwallet.walletdesk.Api.Response;
import com.tpwallet.walletdesk.HttpTestBase;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Every operation of the OpenAPI document, called as each kind of caller: who may use it
 * is written down here, once, and checked. An operation without a rule fails the build,
 * so a new endpoint cannot ship without deciding who may call it.
 */
class AuthorizationMatrixIntegrationTest extends HttpTestBase {

	/** The least a caller must be for an operation. */
	enum Access {

		/** anyone, signed in or not */
		PUBLIC,
		/** any signed-in caller, customer or staff */
		SIGNED_IN,
		/** wallet customers only (staff get 403 customers_only) */
		CUSTOMER,
		/** the product team, supervisors and admins */
		PRODUCT, AGENT, SUPERVISOR, ADMIN

	}

	enum Who {

		ANONYMOUS, CUSTOMER, PRODUCT, AGENT, SUPERVISOR, ADMIN;

		boolean may(Access access) {
			return switch (access) {
				case PUBLIC -> true;
				case SIGNED_IN -> this != ANONYMOUS;
				case CUSTOMER -> this == CUSTOMER;
				case PRODUCT -> this == PRODUCT || compareTo(SUPERVISOR) >= 0;
				case AGENT -> compareTo(AGENT) >= 0;
				case SUPERVISOR -> compareTo(SUPERVISOR) >= 0;
				case ADMIN -> this == ADMIN;
			};
		}

	}

	static final Map<String, Access> RULES = rules();

	record Operation(String method, String path) {
		String key() {
			return method + " " + path;
		}
	}

	@Test
	void everyOperationHasARuleAndEveryCallerGetsExactlyWhatTheRuleSays() {
		List<Operation> operations = operations();
		assertThat(operations).hasSizeGreaterThan(50);
		List<String> unruled = operations.stream().map(Operation::key).filter(k -> !RULES.containsKey(k)).toList();
		assertThat(unruled).as("operations without an authorisation rule in AuthorizationMatrixIntegrationTest.RULES")
			.isEmpty();
		assertThat(RULES.keySet()).as("rules for operations that no longer exist")
			.containsExactlyInAnyOrderElementsOf(operations.stream().map(Operation::key).toList());

		List<String> wrong = new ArrayList<>();
		for (Operation operation : operations) {
			Access access = RULES.get(operation.key());
			for (Who who : Who.values()) {
				Response answer = call(operation, who);
				int status = answer.status();
				boolean refused = status == 401 || status == 403;
				String verdict = null;
				if (status >= 500) {
					verdict = "a 5xx";
				}
				else if (who.may(access) && refused && !isOwnRefusal(answer)) {
					verdict = "refused an allowed caller";
				}
				else if (!who.may(access) && !refused) {
					verdict = "let a caller through that the rule refuses";
				}
				else if (!who.may(access) && who == Who.ANONYMOUS && status != 401) {
					verdict = "answered an anonymous caller with " + status + " instead of 401";
				}
				if (verdict != null) {
					wrong.add(operation.key() + " as " + who + ": " + status + " " + answer.body() + " — " + verdict);
				}
			}
		}
		assertThat(wrong).isEmpty();
	}

	/**
	 * Object by object: customer A on customer B's tickets, attachments and transactions,
	 * and an agent of another language on B's tickets and account, get 404 from every
	 * operation that names them, as if they did not exist; a supervisor reaches them.
	 */
	@Test
	void noCustomerReachesAnothersObjectsAndNoAgentReachesACustomerOutsideTheirLanguages() throws Exception {
		com.tpwallet.walletdesk.wallet.WalletFixture wallet = new com.tpwallet.walletdesk.wallet.WalletFixture(api,
				jdbc);
		com.tpwallet.walletdesk.wallet.WalletFixture.Customer b = wallet.funded(5_000);
		jdbc.sql("UPDATE customer SET language = 'de' WHERE id = ?").param(b.id()).update();
		String transaction = wallet.pay(b, "m-books", 1_000, com.tpwallet.walletdesk.wallet.WalletFixture.PIN)
			.text("id");
		String ticket = api
			.post("/api/v1/tickets", Map.of("subject", "Frage", "message", "Wo ist mein Geld?", "language", "de"),
					b.token())
			.text("id");
		String attachment = new tools.jackson.databind.json.JsonMapper()
			.readTree(mvc
				.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
					.multipart("/api/v1/tickets/" + ticket + "/attachments")
					.file(new org.springframework.mock.web.MockMultipartFile("file", "note.txt", "text/plain",
							"hello".getBytes()))
					.header("Authorization", "Bearer " + b.token()))
				.andReturn()
				.getResponse()
				.getContentAsString())
			.path("id")
			.asString();
		String dispute = api
			.post("/api/v1/disputes",
					Map.of("transactionId", transaction, "reason", "wrong_amount", "description", "Zu viel"), b.token())
			.text("id");
		String evidence = new tools.jackson.databind.json.JsonMapper()
			.readTree(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
				.multipart("/api/v1/disputes/" + dispute + "/evidence")
				.file(new org.springframework.mock.web.MockMultipartFile("file", "receipt.png", "image/png",
						java.util.Base64.getDecoder()
							.decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==")))
				.header("Authorization", "Bearer " + b.token())).andReturn().getResponse().getContentAsString())
			.path("id")
			.asString();
		Map<String, String> objects = Map.of("/api/v1/tickets/{id}", ticket, "/api/v1/wallet/transactions/{id}",
				transaction, "/api/v1/staff/tickets/{id}", ticket, "/api/v1/staff/customers/{id}", b.id().toString(),
				"/api/v1/disputes/{id}", dispute, "/api/v1/staff/disputes/{id}", dispute);
		String a = api.login(api.registerCustomer("de"), Api.PASSWORD);
		String englishAgent = api.staffToken("AGENT");
		String supervisor = api.staffToken("SUPERVISOR");
		String macro = api.get("/api/v1/staff/macros", supervisor).body().get(0).path("id").asString();
		List<String> wrong = new ArrayList<>();
		int checked = 0;
		for (Operation operation : operations()) {
			String prefix = objects.keySet().stream().filter(operation.path()::startsWith).findFirst().orElse(null);
			if (prefix == null
					|| operation.method().equals("POST")
							&& (operation.path().endsWith("/attachments") || operation.path().endsWith("/evidence"))
					|| RULES.get(operation.key()) == Access.SUPERVISOR) {
				// uploads need a file (AttachmentsAndNoticesIntegrationTest); supervisors
				// reach every customer
				continue;
			}
			String path = operation.path()
				.replace("{id}", objects.get(prefix))
				.replace("{attachmentId}", attachment)
				.replace("{evidenceId}", evidence)
				.replace("{macroId}", macro)
				.replace("{entryId}", "1")
				.replaceAll("\\{[^}]*}", UUID.randomUUID().toString());
			Object body = List.of("POST", "PUT", "PATCH").contains(operation.method())
					? PLAUSIBLE_BODIES.getOrDefault(operation.key(), Map.of()) : null;
			String outsider = prefix.startsWith("/api/v1/staff/") ? englishAgent : a;
			Response refused = api.call(operation.method(), path, body, outsider);
			checked++;
			if (refused.status() != 404) {
				wrong.add(operation.key() + " by an outsider: " + refused.status() + " " + refused.body());
			}
			if (prefix.startsWith("/api/v1/staff/") && !operation.method().equals("POST")) {
				Response reached = api.call(operation.method(), path, body, supervisor);
				if (reached.status() == 404 || reached.status() == 403) {
					wrong.add(operation.key() + " by a supervisor: " + reached.status() + " " + reached.body());
				}
			}
		}
		assertThat(checked).isGreaterThanOrEqualTo(10);
		assertThat(wrong).isEmpty();
	}

	/**
	 * Bodies that pass validation, so that the answer is about the object, not the input.
	 */
	static final Map<String, Object> PLAUSIBLE_BODIES = Map.ofEntries(
			Map.entry("POST /api/v1/disputes/{id}/replies", Map.of("message", "Hallo")),
			Map.entry("POST /api/v1/disputes/{id}/reopen", Map.of("message", "Hallo")),
			Map.entry("POST /api/v1/staff/disputes/{id}/questions", Map.of("question", "Wann?")),
			Map.entry("POST /api/v1/staff/disputes/{id}/decision", Map.of("outcome", "rejected", "reason", "Nein")),
			Map.entry("POST /api/v1/staff/customers/{id}/disputes",
					Map.of("transactionId", UUID.randomUUID(), "reason", "other", "description", "x", "channel",
							"chat")),
			Map.entry("POST /api/v1/staff/customers/{id}/unlock", Map.of("checks", List.of("sms_code"))),
			Map.entry("POST /api/v1/staff/customers/{id}/verified-name",
					Map.of("name", "Max Muster", "checks", List.of("id_document"))),
			Map.entry("POST /api/v1/staff/customers/{id}/password-reset", Map.of("channel", "sms")),
			Map.entry("POST /api/v1/tickets/{id}/entries", Map.of("body", "Hallo")),
			Map.entry("POST /api/v1/tickets/{id}/satisfaction", Map.of("score", 5)),
			Map.entry("PATCH /api/v1/staff/tickets/{id}", Map.of("priority", "high")),
			Map.entry("POST /api/v1/staff/tickets/{id}/merge", Map.of("into", 1)),
			Map.entry("POST /api/v1/staff/customers/{id}/tickets", Map.of("subject", "Anruf", "message", "Hallo")));

	/**
	 * A 401/403 that is the operation's own business answer (a wrong password), not an
	 * authorisation refusal.
	 */
	private static boolean isOwnRefusal(Response answer) {
		return List.of("invalid_credentials", "current_password_wrong", "two_factor_invalid", "account_locked")
			.contains(answer.code());
	}

	private Response call(Operation operation, Who who) {
		String path = operation.path().replaceAll("\\{[^}]*}", UUID.randomUUID().toString());
		Object body = List.of("POST", "PUT", "PATCH").contains(operation.method()) ? Map.of() : null;
		// Signing out ends the token: that call gets a token of its own.
		String token = operation.path().equals("/api/v1/auth/logout") ? newToken(who)
				: tokens.computeIfAbsent(who, this::newToken);
		return api.call(operation.method(), path, body, token);
	}

	private final Map<Who, String> tokens = new java.util.EnumMap<>(Who.class);

	private String customerPhone;

	private String newToken(Who who) {
		return switch (who) {
			case ANONYMOUS -> null;
			case CUSTOMER -> api.login(
					customerPhone == null ? customerPhone = api.registerCustomer("en") : customerPhone, Api.PASSWORD);
			case ADMIN -> api.adminToken();
			default -> api.staffToken(who.name());
		};
	}

	private List<Operation> operations() {
		JsonNode paths = api.get("/v3/api-docs", null).body().path("paths");
		List<Operation> operations = new ArrayList<>();
		for (String path : paths.propertyNames()) {
			for (String method : paths.path(path).propertyNames()) {
				operations.add(new Operation(method.toUpperCase(), path));
			}
		}
		operations.sort(Comparator.comparing(Operation::key));
		return operations;
	}

	private static Map<String, Access> rules() {
		Map<String, Access> rules = new LinkedHashMap<>();
		// anyone
		rules.put("GET /api/v1/articles", Access.PUBLIC);
		rules.put("GET /api/v1/articles/{slug}", Access.PUBLIC);
		rules.put("GET /api/v1/chats/texts", Access.PUBLIC);
		rules.put("GET /api/v1/troubleshooters", Access.PUBLIC);
		rules.put("POST /api/v1/answers", Access.PUBLIC);
		rules.put("POST /api/v1/visitor-messages", Access.PUBLIC);
		rules.put("POST /api/v1/auth/login", Access.PUBLIC);
		rules.put("POST /api/v1/auth/password-reset", Access.PUBLIC);
		rules.put("POST /api/v1/auth/password-reset/confirm", Access.PUBLIC);
		rules.put("POST /api/v1/auth/unlock", Access.PUBLIC);
		rules.put("POST /api/v1/customers", Access.PUBLIC);
		rules.put("POST /api/v1/wallet/gateway/callback", Access.PUBLIC);
		rules.put("POST /api/v1/cti/{token}", Access.PUBLIC);
		rules.put("POST /api/v1/telephony/ivr", Access.PUBLIC);
		rules.put("GET /api/v1/staff/calls", Access.AGENT);
		rules.put("GET /api/v1/staff/calls/statistics", Access.SUPERVISOR);
		rules.put("POST /api/v1/staff/calls/{callId}/notes", Access.AGENT);
		rules.put("POST /api/v1/staff/calls/{callId}/ticket", Access.AGENT);
		rules.put("GET /api/v1/staff/blocked-numbers", Access.SUPERVISOR);
		rules.put("POST /api/v1/staff/blocked-numbers", Access.SUPERVISOR);
		rules.put("DELETE /api/v1/staff/blocked-numbers/{number}", Access.SUPERVISOR);
		rules.put("GET /api/v1/staff/risk/alerts", Access.AGENT);
		rules.put("GET /api/v1/staff/risk/alerts/{id}", Access.AGENT);
		rules.put("POST /api/v1/staff/risk/alerts/{id}/release", Access.SUPERVISOR);
		rules.put("POST /api/v1/staff/risk/alerts/{id}/confirm", Access.SUPERVISOR);
		rules.put("GET /api/v1/staff/customers/{id}/risk", Access.AGENT);
		rules.put("GET /api/v1/admin/risk/reviewed-decisions.csv", Access.ADMIN);
		rules.put("POST /api/v1/merchant-disputes/callback", Access.PUBLIC);
		rules.put("POST /api/v1/disputes", Access.CUSTOMER);
		rules.put("GET /api/v1/disputes", Access.CUSTOMER);
		rules.put("GET /api/v1/disputes/form", Access.CUSTOMER);
		rules.put("GET /api/v1/disputes/{id}", Access.CUSTOMER);
		rules.put("POST /api/v1/disputes/{id}/evidence", Access.CUSTOMER);
		rules.put("GET /api/v1/disputes/{id}/evidence/{evidenceId}", Access.CUSTOMER);
		rules.put("POST /api/v1/disputes/{id}/replies", Access.CUSTOMER);
		rules.put("POST /api/v1/disputes/{id}/reopen", Access.CUSTOMER);
		rules.put("POST /api/v1/disputes/{id}/withdraw", Access.CUSTOMER);
		rules.put("GET /api/v1/staff/disputes", Access.AGENT);
		rules.put("GET /api/v1/staff/disputes/report", Access.SUPERVISOR);
		rules.put("GET /api/v1/staff/disputes/{id}", Access.AGENT);
		rules.put("GET /api/v1/staff/disputes/{id}/evidence/{evidenceId}", Access.AGENT);
		rules.put("POST /api/v1/staff/disputes/{id}/acknowledge", Access.AGENT);
		rules.put("POST /api/v1/staff/disputes/{id}/questions", Access.AGENT);
		rules.put("POST /api/v1/staff/disputes/{id}/merchant-request", Access.AGENT);
		rules.put("POST /api/v1/staff/disputes/{id}/decision", Access.AGENT);
		rules.put("POST /api/v1/staff/customers/{id}/disputes", Access.AGENT);
		rules.put("POST /api/v1/feedback", Access.CUSTOMER);
		rules.put("GET /api/v1/translation/status", Access.AGENT);
		rules.put("GET /api/v1/admin/translation/glossary", Access.ADMIN);
		rules.put("PUT /api/v1/admin/translation/glossary/{concept}/{language}", Access.ADMIN);
		rules.put("POST /api/v1/staff/announcements", Access.SUPERVISOR);
		rules.put("GET /api/v1/announcements", Access.CUSTOMER);
		rules.put("POST /api/v1/announcements/{id}/read", Access.CUSTOMER);
		rules.put("POST /api/v1/feedback/{id}/screenshot", Access.CUSTOMER);
		rules.put("GET /api/v1/product/feedback/{id}/screenshot", Access.PRODUCT);
		rules.put("GET /api/v1/staff/tickets/{id}/feedback", Access.AGENT);
		rules.put("POST /api/v1/staff/tickets/{id}/feedback", Access.AGENT);
		rules.put("PATCH /api/v1/staff/feedback/{id}", Access.AGENT);
		rules.put("PATCH /api/v1/product/feedback/{id}", Access.PRODUCT);
		rules.put("GET /api/v1/product/feedback/report", Access.PRODUCT);
		rules.put("GET /api/v1/product/feedback.csv", Access.PRODUCT);
		rules.put("POST /api/v1/product/feedback/groups/{id}/status", Access.PRODUCT);
		// customers and staff, each on their own objects
		rules.put("POST /api/v1/auth/logout", Access.SIGNED_IN);
		// cannot-log-in alone is public: TroubleshooterIntegrationTest
		rules.put("POST /api/v1/troubleshooters/{id}/diagnosis", Access.SIGNED_IN);
		rules.put("GET /api/v1/tickets/{id}", Access.SIGNED_IN);
		rules.put("GET /api/v1/tickets/{id}/attachments", Access.SIGNED_IN);
		rules.put("GET /api/v1/tickets/{id}/attachments/{attachmentId}", Access.SIGNED_IN);
		rules.put("POST /api/v1/tickets/{id}/attachments", Access.SIGNED_IN);
		rules.put("POST /api/v1/tickets/{id}/entries", Access.SIGNED_IN);
		rules.put("POST /api/v1/tickets/{id}/entries/{entryId}/unclear", Access.SIGNED_IN);
		rules.put("GET /api/v1/inbox", Access.SIGNED_IN);
		// a customer's own account, wallet and requests
		rules.put("DELETE /api/v1/me/two-factor", Access.CUSTOMER);
		rules.put("GET /api/v1/me", Access.CUSTOMER);
		rules.put("GET /api/v1/me/security", Access.CUSTOMER);
		rules.put("PATCH /api/v1/me", Access.CUSTOMER);
		rules.put("POST /api/v1/me/password", Access.CUSTOMER);
		rules.put("POST /api/v1/me/payment-password/change", Access.CUSTOMER);
		rules.put("POST /api/v1/me/two-factor", Access.CUSTOMER);
		rules.put("POST /api/v1/me/two-factor/confirm", Access.CUSTOMER);
		rules.put("PUT /api/v1/me/payment-password", Access.CUSTOMER);
		rules.put("POST /api/v1/me/contact-addresses", Access.CUSTOMER);
		rules.put("POST /api/v1/me/contact-addresses/confirm", Access.CUSTOMER);
		rules.put("PUT /api/v1/me/notice-channel", Access.CUSTOMER);
		rules.put("GET /api/v1/tickets", Access.CUSTOMER);
		rules.put("POST /api/v1/tickets", Access.CUSTOMER);
		rules.put("POST /api/v1/tickets/{id}/satisfaction", Access.CUSTOMER);
		rules.put("POST /api/v1/troubleshooters/{id}/tickets", Access.CUSTOMER);
		rules.put("GET /api/v1/wallet", Access.CUSTOMER);
		rules.put("GET /api/v1/wallet/transactions", Access.CUSTOMER);
		rules.put("GET /api/v1/wallet/transactions/export.csv", Access.CUSTOMER);
		rules.put("GET /api/v1/wallet/transactions/{id}", Access.CUSTOMER);
		rules.put("POST /api/v1/wallet/payments", Access.CUSTOMER);
		rules.put("POST /api/v1/wallet/top-ups", Access.CUSTOMER);
		rules.put("POST /api/v1/wallet/transfers", Access.CUSTOMER);
		rules.put("POST /api/v1/wallet/withdrawals", Access.CUSTOMER);
		rules.put("GET /api/v1/chats/current", Access.CUSTOMER);
		rules.put("POST /api/v1/chats/{id}/attachments", Access.CUSTOMER);
		rules.put("POST /api/v1/chats/{id}/messages/{seq}/unclear", Access.CUSTOMER);
		// the desk
		rules.put("GET /api/v1/staff/articles", Access.AGENT);
		rules.put("GET /api/v1/staff/articles/{slug}/{language}", Access.AGENT);
		rules.put("GET /api/v1/staff/articles/{slug}/{language}/history", Access.AGENT);
		rules.put("PUT /api/v1/staff/articles/{slug}/{language}", Access.AGENT);
		rules.put("GET /api/v1/staff/calendar/{year}", Access.AGENT);
		rules.put("GET /api/v1/staff/chats", Access.AGENT);
		rules.put("GET /api/v1/staff/chats/{id}/colleagues", Access.AGENT);
		rules.put("GET /api/v1/staff/chats/{id}/messages", Access.AGENT);
		rules.put("POST /api/v1/staff/chats/{id}/accept", Access.AGENT);
		rules.put("POST /api/v1/staff/chats/{id}/attachments", Access.AGENT);
		rules.put("POST /api/v1/staff/chats/{id}/end", Access.AGENT);
		rules.put("POST /api/v1/staff/tickets/{id}/merge", Access.AGENT);
		rules.put("POST /api/v1/staff/customers/{id}/tickets", Access.AGENT);
		rules.put("GET /api/v1/staff/agents", Access.AGENT);
		rules.put("POST /api/v1/staff/chats/{id}/identity-code", Access.AGENT);
		rules.put("POST /api/v1/staff/chats/{id}/identity", Access.AGENT);
		rules.put("POST /api/v1/staff/chats/{id}/messages", Access.AGENT);
		rules.put("POST /api/v1/staff/chats/{id}/messages/{seq}/unclear", Access.AGENT);
		rules.put("POST /api/v1/staff/chats/{id}/transfer", Access.AGENT);
		rules.put("GET /api/v1/staff/customers", Access.AGENT);
		rules.put("GET /api/v1/staff/customers/{id}", Access.AGENT);
		rules.put("GET /api/v1/staff/customers/{id}/wallet", Access.AGENT);
		rules.put("POST /api/v1/staff/customers/{id}/password-reset", Access.AGENT);
		rules.put("POST /api/v1/staff/customers/{id}/unlock", Access.AGENT);
		rules.put("POST /api/v1/staff/customers/{id}/verified-name", Access.AGENT);
		rules.put("GET /api/v1/staff/macros", Access.AGENT);
		rules.put("GET /api/v1/staff/tickets/{id}/mails", Access.AGENT);
		rules.put("GET /api/v1/staff/mails/{id}/original", Access.AGENT);
		rules.put("POST /api/v1/staff/mail-contacts/{id}/customer", Access.AGENT);
		rules.put("GET /api/v1/staff/mailboxes", Access.SUPERVISOR);
		rules.put("GET /api/v1/staff/queues", Access.AGENT);
		rules.put("GET /api/v1/staff/tickets", Access.AGENT);
		rules.put("GET /api/v1/staff/tickets/{id}", Access.AGENT);
		rules.put("GET /api/v1/staff/tickets/{id}/customer", Access.AGENT);
		rules.put("GET /api/v1/staff/tickets/{id}/macros/{macroId}/preview", Access.AGENT);
		rules.put("PATCH /api/v1/staff/tickets/{id}", Access.AGENT);
		rules.put("POST /api/v1/staff/tickets/bulk", Access.AGENT);
		rules.put("POST /api/v1/staff/tickets/{id}/macros/{macroId}", Access.AGENT);
		rules.put("PUT /api/v1/staff/me/presence", Access.AGENT);
		rules.put("POST /api/v1/staff/me/two-factor", Access.AGENT);
		rules.put("POST /api/v1/staff/me/two-factor/confirm", Access.AGENT);
		rules.put("DELETE /api/v1/staff/me/two-factor", Access.AGENT);
		// money and oversight
		rules.put("GET /api/v1/staff/audit", Access.SUPERVISOR);
		rules.put("GET /api/v1/staff/dashboard", Access.SUPERVISOR);
		rules.put("POST /api/v1/staff/customers/{id}/wallet/freeze", Access.SUPERVISOR);
		rules.put("POST /api/v1/staff/customers/{id}/wallet/unfreeze", Access.SUPERVISOR);
		rules.put("POST /api/v1/staff/transactions/{id}/refund", Access.SUPERVISOR);
		// the operator
		rules.put("GET /api/v1/admin/ledger/check", Access.ADMIN);
		rules.put("GET /api/v1/admin/staff", Access.ADMIN);
		rules.put("POST /api/v1/admin/staff", Access.ADMIN);
		rules.put("POST /api/v1/admin/staff/{id}/disable", Access.ADMIN);
		rules.put("POST /api/v1/admin/staff/{id}/enable", Access.ADMIN);
		rules.put("POST /api/v1/admin/staff/{id}/password", Access.ADMIN);
		rules.put("POST /api/v1/admin/staff/{id}/sessions/revoke", Access.ADMIN);
		rules.put("POST /api/v1/admin/staff/{id}/two-factor/reset", Access.ADMIN);
		rules.put("POST /api/v1/admin/wallet/reconcile", Access.ADMIN);
		rules.put("POST /api/v1/admin/wallet/settlement-runs", Access.ADMIN);
		rules.put("PUT /api/v1/admin/calendar/{year}", Access.ADMIN);
		rules.put("PUT /api/v1/admin/settings/staff-two-factor", Access.ADMIN);
		return rules;
	}

}
