package com.tpwallet.walletdesk.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.tpwallet.walletdesk.Api;
import com.tpwallet.walletdesk.SentMessages;
import com.tpwallet.walletdesk.Api.Response;
import com.tpwallet.walletdesk.HttpTestBase;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class AccountSecurityIntegrationTest extends HttpTestBase {

	int customers() {
		return jdbc.sql("SELECT count(*) FROM customer").query(Integer.class).single();
	}

	@Test
	void registersWithAPhoneNumberInAnyNotationAndSignsIn() {
		Response r = api.post("/api/v1/customers", Map.of("phone", "139 1234 5678", "email", "Some.One@Example.com",
				"password", Api.PASSWORD, "language", "fr"), null);
		assertThat(r.status()).isEqualTo(201);
		assertThat(r.text("phone")).isEqualTo("+8613912345678");
		assertThat(r.text("email")).isEqualTo("some.one@example.com");
		assertThat(api.login("+86 139-1234-5678", Api.PASSWORD)).isNotBlank();
		assertThat(api.login("SOME.ONE@example.com", Api.PASSWORD)).isNotBlank();
	}

	@Test
	void refusesBadRegistrationsWithAClearCodeAndChangesNothing() {
		int before = customers();
		record Case(Map<String, Object> body, String code) {
		}
		String phone = Api.newPhone();
		List<Case> cases = List.of(
				new Case(Map.of("phone", "12ab", "password", Api.PASSWORD, "language", "en"), "invalid_phone"),
				new Case(Map.of("phone", "+861", "password", Api.PASSWORD, "language", "en"), "invalid_phone"),
				new Case(Map.of("email", "not-an-address", "password", Api.PASSWORD, "language", "en"),
						"invalid_email"),
				new Case(Map.of("password", Api.PASSWORD, "language", "en"), "login_required"),
				new Case(Map.of("phone", phone, "password", "123456", "language", "en"), "password_too_short"),
				new Case(Map.of("phone", phone, "password", "onlyletters", "language", "en"), "password_too_simple"),
				new Case(Map.of("phone", phone, "password", "password", "language", "en"), "password_too_common"),
				new Case(Map.of("phone", phone, "password", Api.PASSWORD, "language", "ja"), "unsupported_language"),
				new Case(Map.of("phone", phone, "language", "en"), "invalid_request"));
		for (Case c : cases) {
			Response r = api.post("/api/v1/customers", c.body(), null);
			assertThat(r.status()).as(c.code()).isEqualTo(c.code().equals("invalid_request") ? 400 : 422);
			assertThat(r.code()).isEqualTo(c.code());
			assertThat(r.raw().getResponse().getContentType()).startsWith("application/problem+json");
		}
		assertThat(customers()).isEqualTo(before);
	}

	@Test
	void refusesASecondAccountWithTheSamePhone() {
		String phone = api.registerCustomer("en");
		Response r = api.post("/api/v1/customers", Map.of("phone", phone, "password", Api.PASSWORD, "language", "en"),
				null);
		assertThat(r.status()).isEqualTo(409);
		assertThat(r.code()).isEqualTo("phone_taken");
	}

	@Test
	void explainsErrorsInTheCallersLanguageThenInTheSavedOne() {
		String phone = api.registerCustomer("de");
		Map<String, String> wrong = Map.of("login", phone, "password", "Wrong!pass1");
		Response en = api.post("/api/v1/auth/login", wrong, null, "Accept-Language", "en");
		Response fr = api.post("/api/v1/auth/login", wrong, null, "Accept-Language", "fr-FR,fr;q=0.9");
		Response zh = api.post("/api/v1/auth/login", wrong, null, "Accept-Language", "zh-CN");
		assertThat(en.code()).isEqualTo("invalid_credentials");
		assertThat(fr.code()).isEqualTo("invalid_credentials");
		assertThat(fr.text("detail")).isNotEqualTo(en.text("detail")).contains("mot de passe");
		assertThat(zh.text("detail")).contains("密码");
		String token = api.login(phone, Api.PASSWORD);
		Response saved = api.post("/api/v1/me/payment-password", Map.of("pin", "1"), token);
		assertThat(saved.text("detail")).as("German, the customer's saved language").contains("Methode");
	}

	@Test
	void locksTheAccountAfterFiveWrongPasswordsUntilStaffUnlockIt() {
		String phone = api.registerCustomer("en");
		for (int i = 1; i <= 4; i++) {
			Response r = api.post("/api/v1/auth/login", Map.of("login", phone, "password", "Wrong!pass" + i), null);
			assertThat(r.status()).isEqualTo(401);
			assertThat(r.body().path("attemptsLeft").asInt()).isEqualTo(5 - i);
		}
		Response fifth = api.post("/api/v1/auth/login", Map.of("login", phone, "password", "Wrong!pass5"), null);
		assertThat(fifth.status()).isEqualTo(423);
		Response right = api.post("/api/v1/auth/login", Map.of("login", phone, "password", Api.PASSWORD), null);
		assertThat(right.status()).isEqualTo(423);
		assertThat(right.code()).isEqualTo("account_locked");
		clock.advance(Duration.ofDays(3));
		assertThat(api.post("/api/v1/auth/login", Map.of("login", phone, "password", Api.PASSWORD), null).status())
			.as("a lock does not expire by itself")
			.isEqualTo(423);
		assertThat(sent().lastTo(phone)).contains("locked");

		String id = jdbc.sql("SELECT id::text FROM customer WHERE phone = ?").param(phone).query(String.class).single();
		String agent = api.staffToken("AGENT");
		assertThat(api.post("/api/v1/staff/customers/" + id + "/unlock", Map.of("checks", List.of()), agent).status())
			.isEqualTo(400);
		assertThat(api.post("/api/v1/staff/customers/" + id + "/unlock", Map.of("checks", List.of("astrology")), agent)
			.code()).isEqualTo("verification_checks_invalid");
		assertThat(api
			.post("/api/v1/staff/customers/" + id + "/unlock",
					Map.of("checks", List.of("sms_code", "account_questions"), "note", "caller answered"), agent)
			.status()).isEqualTo(204);
		assertThat(api.login(phone, Api.PASSWORD)).isNotBlank();
		assertThat(jdbc.sql("SELECT checks FROM identity_verification WHERE customer_id = ?::uuid")
			.param(id)
			.query(String.class)
			.single()).isEqualTo("account_questions,sms_code");
		assertThat(jdbc.sql("SELECT action FROM audit_entry WHERE subject_id = ?::uuid ORDER BY id")
			.param(id)
			.query(String.class)
			.list()).contains("customer.login_failed", "customer.locked", "customer.unlocked");
	}

	@Test
	void customersNeverReachStaffEndpointsNorAnotherCustomersData() {
		String phone = api.registerCustomer("en");
		String token = api.login(phone, Api.PASSWORD);
		String other = api.registerCustomer("en");
		String otherId = jdbc.sql("SELECT id::text FROM customer WHERE phone = ?")
			.param(other)
			.query(String.class)
			.single();
		assertThat(
				api.post("/api/v1/staff/customers/" + otherId + "/unlock", Map.of("checks", List.of("sms_code")), token)
					.status())
			.isEqualTo(403);
		assertThat(api.get("/api/v1/staff/customers/" + otherId, token).status()).isEqualTo(403);
		assertThat(api.get("/api/v1/admin/staff", token).status()).isEqualTo(403);
		assertThat(api.get("/api/v1/admin/staff", api.staffToken("SUPERVISOR")).status()).isEqualTo(403);
		assertThat(api.get("/api/v1/me", null).status()).isEqualTo(401);
		assertThat(api.get("/api/v1/me", token).text("phone")).isEqualTo(phone);
	}

	@Test
	void resetsThePasswordWithTheCodeSentByTextMessage() {
		String phone = api.registerCustomer("zh-CN");
		String newPassword = "N3w!wallet-2026";
		assertThat(api.post("/api/v1/auth/password-reset", Map.of("login", "+8613000000000"), null).status())
			.isEqualTo(202);
		assertThat(api.post("/api/v1/auth/password-reset", Map.of("login", phone), null).status()).isEqualTo(202);
		String message = sent().lastTo(phone);
		assertThat(message).contains("验证码");
		String code = SentMessages.codeIn(message);

		Response wrong = api.post("/api/v1/auth/password-reset/confirm",
				Map.of("login", phone, "code", code.equals("000000") ? "111111" : "000000", "newPassword", newPassword),
				null);
		assertThat(wrong.code()).isEqualTo("reset_code_invalid");
		Response weak = api.post("/api/v1/auth/password-reset/confirm",
				Map.of("login", phone, "code", code, "newPassword", "password1"), null);
		assertThat(weak.code()).as("a weak new password does not burn the code")
			.isIn("password_too_simple", "password_too_common");
		assertThat(api
			.post("/api/v1/auth/password-reset/confirm",
					Map.of("login", phone, "code", code, "newPassword", newPassword), null)
			.status()).isEqualTo(204);
		assertThat(api
			.post("/api/v1/auth/password-reset/confirm",
					Map.of("login", phone, "code", code, "newPassword", "An0ther!pass-x"), null)
			.code()).as("a used code cannot be replayed").isEqualTo("reset_code_invalid");
		assertThat(api.login(phone, newPassword)).isNotBlank();
		assertThat(api.post("/api/v1/auth/login", Map.of("login", phone, "password", Api.PASSWORD), null).status())
			.isEqualTo(401);
	}

	@Test
	void refusesAnExpiredResetCodeAndOneTriedTooOften() {
		String phone = api.registerCustomer("en");
		api.post("/api/v1/auth/password-reset", Map.of("login", phone), null);
		String code = SentMessages.codeIn(sent().lastTo(phone));
		clock.advance(Duration.ofMinutes(11));
		assertThat(api
			.post("/api/v1/auth/password-reset/confirm",
					Map.of("login", phone, "code", code, "newPassword", "N3w!wallet-2026"), null)
			.code()).isEqualTo("reset_code_expired");

		api.post("/api/v1/auth/password-reset", Map.of("login", phone), null);
		String second = SentMessages.codeIn(sent().lastTo(phone));
		assertThat(second).isNotNull();
		String wrong = second.equals("999999") ? "888888" : "999999";
		for (int i = 0; i < 5; i++) {
			api.post("/api/v1/auth/password-reset/confirm",
					Map.of("login", phone, "code", wrong, "newPassword", "N3w!wallet-2026"), null);
		}
		assertThat(api
			.post("/api/v1/auth/password-reset/confirm",
					Map.of("login", phone, "code", second, "newPassword", "N3w!wallet-2026"), null)
			.code()).isEqualTo("reset_code_exhausted");
	}

	@Test
	void sendsAtMostOneResetCodeAMinute() {
		String phone = api.registerCustomer("en");
		api.post("/api/v1/auth/password-reset", Map.of("login", phone), null);
		api.post("/api/v1/auth/password-reset", Map.of("login", phone), null);
		assertThat(sent().countTo(phone)).isEqualTo(1);
		clock.advance(Duration.ofSeconds(61));
		api.post("/api/v1/auth/password-reset", Map.of("login", phone), null);
		assertThat(sent().countTo(phone)).isEqualTo(2);
	}

	@Test
	void logoutRevokesTheToken() {
		String phone = api.registerCustomer("en");
		String token = api.login(phone, Api.PASSWORD);
		assertThat(api.get("/api/v1/me", token).status()).isEqualTo(200);
		assertThat(api.post("/api/v1/auth/logout", null, token).status()).isEqualTo(204);
		assertThat(api.get("/api/v1/me", token).status()).isEqualTo(401);
	}

	@Test
	void securityCentreShowsSignInsAndAdviceInTheCustomersLanguage() {
		String phone = api.registerCustomer("fr");
		api.post("/api/v1/auth/login", Map.of("login", phone, "password", "Wrong!pass1"), null);
		String token = api.login(phone, Api.PASSWORD);
		Response r = api.get("/api/v1/me/security", token);
		assertThat(r.body().path("twoFactorEnabled").asBoolean()).isFalse();
		assertThat(r.body().path("recentLogins")).hasSize(2);
		assertThat(r.body().path("recentLogins").get(0).path("outcome").asString()).isEqualTo("success");
		assertThat(r.body().path("advice").get(0).path("code").asString()).isEqualTo("enable-two-factor");
		assertThat(r.body().path("advice").toString()).contains("Wi-Fi public");
	}

	@Test
	void staffLookACustomerUpAndEveryViewIsAudited() {
		String phone = api.registerCustomer("en");
		String agent = api.staffToken("AGENT");
		Response found = api.get("/api/v1/staff/customers?q=" + phone.replace("+", "%2B"), agent);
		assertThat(found.body()).hasSize(1);
		String id = found.body().get(0).path("id").asString();
		assertThat(api.get("/api/v1/staff/customers/" + id, agent).body().path("profile").path("phone").asString())
			.isEqualTo(phone);
		Response audit = api.get("/api/v1/staff/audit?subjectId=" + id + "&action=staff.customer_viewed",
				api.staffToken("SUPERVISOR"));
		assertThat(audit.body().path("items")).hasSize(2);
		assertThat(api.get("/api/v1/staff/audit", agent).status()).as("agents do not read the audit log")
			.isEqualTo(403);
	}

}
