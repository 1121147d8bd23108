package com.tpwallet.walletdesk.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.tpwallet.walletdesk.Api;
import com.tpwallet.walletdesk.Api.Response;
import com.tpwallet.walletdesk.HttpTestBase;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * Staff enrol TOTP; an administrator can require it, and until then a staff member can do
 * nothing but enrol.
 */
class StaffTwoFactorIntegrationTest extends HttpTestBase {

	String code(String secret, int stepsFromNow) throws Exception {
		return new DefaultCodeGenerator().generate(secret, clock.instant().getEpochSecond() / 30 + stepsFromNow);
	}

	String agent() {
		return staff("AGENT");
	}

	String staff(String role) {
		String username = "otp." + ThreadLocalRandom.current().nextInt(1_000_000);
		api.post("/api/v1/admin/staff", Map.of("username", username, "displayName", username, "password", Api.PASSWORD,
				"role", role, "languages", List.of("en")), api.adminToken());
		return username;
	}

	Response login(String username, String code) {
		return api.post("/api/v1/auth/login", code == null ? Map.of("login", username, "password", Api.PASSWORD)
				: Map.of("login", username, "password", Api.PASSWORD, "totp", code), null);
	}

	String enrol(String token) throws Exception {
		String secret = api.post("/api/v1/staff/me/two-factor", Map.of(), token).text("secret");
		assertThat(api.post("/api/v1/staff/me/two-factor/confirm", Map.of("code", code(secret, 0)), token).status())
			.isEqualTo(204);
		return secret;
	}

	@Test
	void aStaffMemberWithTwoFactorSignsInWithAFreshCodeAndWrongCodesCountTowardTheLock() throws Exception {
		String username = agent();
		String secret = enrol(api.login(username, Api.PASSWORD));
		assertThat(jdbc.sql("SELECT totp_secret FROM staff_user WHERE username = ?")
			.param(username)
			.query(String.class)
			.single()).as("sealed at rest").startsWith("k1:").doesNotContain(secret);
		assertThat(login(username, null).code()).isEqualTo("two_factor_required");
		Response wrong = login(username, code(secret, 0).equals("000000") ? "111111" : "000000");
		assertThat(wrong.code()).isEqualTo("two_factor_invalid");
		assertThat(wrong.body().path("attemptsLeft").asInt()).isEqualTo(4);
		clock.advance(Duration.ofSeconds(30));
		assertThat(login(username, code(secret, 0)).status()).isEqualTo(200);
	}

	@Test
	void whenAnAdministratorRequiresItAStaffMemberWithoutItCanOnlyEnrol() throws Exception {
		String username = agent();
		String admin = api.login(staff("ADMIN"), Api.PASSWORD);
		assertThat(api.call("PUT", "/api/v1/admin/settings/staff-two-factor", Map.of("required", true), admin).code())
			.as("an administrator without it would lock themselves out")
			.isEqualTo("staff_two_factor_enrol_first");
		enrol(admin);
		try {
			assertThat(api.call("PUT", "/api/v1/admin/settings/staff-two-factor", Map.of("required", true), admin)
				.status()).isEqualTo(200);
			String token = api.login(username, Api.PASSWORD);
			Response refused = api.get("/api/v1/staff/tickets", token);
			assertThat(refused.status()).isEqualTo(403);
			assertThat(refused.code()).isEqualTo("two_factor_enrolment_required");
			String secret = enrol(token);
			assertThat(api.get("/api/v1/staff/tickets", token).status()).isEqualTo(200);
			clock.advance(Duration.ofSeconds(30));
			assertThat(api
				.call("DELETE", "/api/v1/staff/me/two-factor",
						Map.of("password", Api.PASSWORD, "code", code(secret, 0)), token)
				.code()).isEqualTo("two_factor_required_by_admin");
		}
		finally {
			api.call("PUT", "/api/v1/admin/settings/staff-two-factor", Map.of("required", false), admin);
		}
		assertThat(jdbc
			.sql("SELECT action FROM audit_entry WHERE action LIKE 'staff.two_factor%' ORDER BY id DESC LIMIT 3")
			.query(String.class)
			.list())
			.containsExactly("staff.two_factor_optional", "staff.two_factor_enabled", "staff.two_factor_required");
	}

	@Test
	void anAdministratorTurnsOffTheTwoFactorOfAStaffMemberWhoLostTheirAuthenticator() throws Exception {
		String username = agent();
		String token = api.login(username, Api.PASSWORD);
		enrol(token);
		assertThat(login(username, null).code()).isEqualTo("two_factor_required");
		String id = jdbc.sql("SELECT id::text FROM staff_user WHERE username = ?")
			.param(username)
			.query(String.class)
			.single();
		assertThat(api.post("/api/v1/admin/staff/" + id + "/two-factor/reset", null, api.adminToken()).status())
			.isEqualTo(204);
		assertThat(api.get("/api/v1/staff/tickets", token).status()).as("the old sessions ended").isEqualTo(401);
		assertThat(login(username, null).status()).as("the password alone signs in again").isEqualTo(200);
		assertThat(jdbc.sql("SELECT action FROM audit_entry WHERE subject_id = ?::uuid ORDER BY id DESC LIMIT 1")
			.param(id)
			.query(String.class)
			.single()).isEqualTo("staff.two_factor_reset");
	}

}
