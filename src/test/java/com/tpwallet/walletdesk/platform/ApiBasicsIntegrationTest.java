package com.tpwallet.walletdesk.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tpwallet.walletdesk.Api;
import com.tpwallet.walletdesk.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class ApiBasicsIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void everyEndpointIsInTheOpenApiDocument() {
		String paths = new Api(mvc).get("/v3/api-docs", null).body().path("paths").toString();
		assertThat(paths).contains("/api/v1/customers", "/api/v1/auth/login", "/api/v1/auth/password-reset/confirm",
				"/api/v1/me/two-factor/confirm", "/api/v1/me/payment-password/change",
				"/api/v1/staff/customers/{id}/unlock", "/api/v1/staff/audit", "/api/v1/admin/staff");
	}

	@Test
	void unknownAddressesAndWrongMethodsAreProblemsWithCodes() {
		Api api = new Api(mvc);
		assertThat(api.get("/api/v1/customers", null).status()).isEqualTo(401);
		var notFound = api.get("/api/v1/nothing-here", api.adminToken());
		assertThat(notFound.status()).isEqualTo(404);
		assertThat(notFound.code()).isEqualTo("not_found");
		var malformed = api.call("POST", "/api/v1/auth/login", null, null);
		assertThat(malformed.code()).isEqualTo("malformed_request");
	}

	@Test
	void aParameterOfTheWrongTypeMissingOrOutOfRangeIsNamedInTheCallersLanguage() {
		Api api = new Api(mvc);
		String customer = api.login(api.registerCustomer("fr"), Api.PASSWORD);
		var noUuid = api.get("/api/v1/tickets/not-a-uuid/attachments", customer, "Accept-Language", "fr");
		assertThat(noUuid.status()).isEqualTo(400);
		assertThat(noUuid.code()).isEqualTo("invalid_request");
		assertThat(noUuid.body().path("errors").get(0).path("field").asString()).isEqualTo("id");
		assertThat(noUuid.body().path("errors").get(0).path("message").asString()).isEqualTo("n’est pas valide");
		var noNumber = api.get("/api/v1/wallet/transactions?limit=abc", customer);
		assertThat(noNumber.code()).isEqualTo("invalid_request");
		assertThat(noNumber.body().path("errors").get(0).path("field").asString()).isEqualTo("limit");
		var tooMany = api.get("/api/v1/wallet/transactions?limit=1000", customer, "Accept-Language", "en");
		assertThat(tooMany.code()).isEqualTo("invalid_request");
		assertThat(tooMany.body().path("errors").get(0).path("field").asString()).isEqualTo("limit");
		assertThat(tooMany.body().path("errors").get(0).path("message").asString())
			.isEqualTo("must be less than or equal to 100");
		var missing = api.get("/api/v1/staff/customers", api.staffToken("AGENT"), "Accept-Language", "de");
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.body().path("errors").get(0).path("field").asString()).isEqualTo("q");
		assertThat(missing.body().path("errors").get(0).path("message").asString()).isEqualTo("ist erforderlich");
	}

	@Test
	void theDevelopmentOutboxDoesNotExistOutsideTheDemoAndDevProfiles() {
		assertThat(new Api(mvc).get("/dev/outbox", null).status()).isEqualTo(404);
	}

	@Test
	void healthAndPrometheusMetricsAreServed() throws Exception {
		Api api = new Api(mvc);
		// up once the answer bot's intent model, trained beside the start-up, is ready
		org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(60))
			.until(() -> api.get("/actuator/health", null).text("status").equals("UP"));
		Api.Response metrics = api.call("GET", "/actuator/prometheus", null, null, "Accept", "text/plain");
		assertThat(metrics.status()).isEqualTo(200);
		assertThat(metrics.raw().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
			.as("requests are timed, without a long-task timer of requests in flight beside each")
			.contains("http_server_requests_seconds_count")
			.doesNotContain("http_server_requests_active");
	}

	@Test
	void theAuditLogIsAppendOnly() {
		jdbc.sql(
				"INSERT INTO audit_entry (at, actor_kind, action, ip) VALUES (now(), 'system', 'test.entry', 'internal')")
			.update();
		assertThatThrownBy(() -> jdbc.sql("UPDATE audit_entry SET action = 'changed'").update())
			.isInstanceOf(DataAccessException.class)
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_entry").update()).isInstanceOf(DataAccessException.class);
	}

	@Test
	void theLanguageCookieIsHttpOnlyLaxAndSecureOnASecurePage() throws Exception {
		var plain = mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/help")
				.param("lang", "de"))
			.andReturn()
			.getResponse()
			.getHeader("Set-Cookie");
		assertThat(plain).startsWith("wd_lang=de")
			.contains("HttpOnly")
			.contains("SameSite=Lax")
			.doesNotContain("Secure");
		var secure = mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/help")
				.param("lang", "fr")
				.secure(true))
			.andReturn()
			.getResponse()
			.getHeader("Set-Cookie");
		assertThat(secure).startsWith("wd_lang=fr").contains("Secure").contains("SameSite=Lax");
	}

	@Test
	void theChatWidgetMakesVisitorIdsFromACryptographicSource() throws Exception {
		String widget = mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/js/chat-widget.js"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(widget).contains("crypto.getRandomValues").doesNotContain("Math.random");
	}

}
