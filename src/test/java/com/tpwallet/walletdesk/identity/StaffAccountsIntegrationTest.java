package com.tpwallet.walletdesk.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.tpwallet.walletdesk.Api;
import com.tpwallet.walletdesk.Api.Response;
import com.tpwallet.walletdesk.HttpTestBase;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * An administrator disables staff, ends their sessions and resets their passwords; every
 * step is audited.
 */
class StaffAccountsIntegrationTest extends HttpTestBase {

	record Staff(String id, String username) {
	}

	Staff agent() {
		String username = "leaver." + ThreadLocalRandom.current().nextInt(1_000_000);
		Response created = api.post("/api/v1/admin/staff", Map.of("username", username, "displayName", username,
				"password", Api.PASSWORD, "role", "AGENT", "languages", List.of("en")), api.adminToken());
		return new Staff(created.text("id"), username);
	}

	List<String> audit(String staffId) {
		return jdbc.sql("SELECT action FROM audit_entry WHERE subject_id = ?::uuid ORDER BY id")
			.param(staffId)
			.query(String.class)
			.list();
	}

	@Test
	void aDisabledStaffMemberLosesTheirSessionsAndCannotSignInUntilEnabled() {
		Staff leaver = agent();
		String session = api.login(leaver.username(), Api.PASSWORD);
		String admin = api.adminToken();
		Response disabled = api.post("/api/v1/admin/staff/" + leaver.id() + "/disable",
				Map.of("reason", "left the company"), admin);
		assertThat(disabled.status()).isEqualTo(200);
		assertThat(disabled.body().path("disabled").asBoolean()).isTrue();
		assertThat(api.get("/api/v1/staff/tickets", session).status()).isEqualTo(401);
		assertThat(api.post("/api/v1/auth/login", Map.of("login", leaver.username(), "password", Api.PASSWORD), null)
			.code()).isEqualTo("account_locked");
		assertThat(api.post("/api/v1/admin/staff/" + leaver.id() + "/enable", null, admin).status()).isEqualTo(200);
		assertThat(api.login(leaver.username(), Api.PASSWORD)).isNotBlank();
		assertThat(audit(leaver.id())).containsExactly("staff.disabled", "staff.enabled");
	}

	@Test
	void anAdministratorEndsSessionsAndSetsANewPassword() {
		Staff agent = agent();
		String session = api.login(agent.username(), Api.PASSWORD);
		String admin = api.adminToken();
		assertThat(api.post("/api/v1/admin/staff/" + agent.id() + "/sessions/revoke", null, admin).status())
			.isEqualTo(204);
		assertThat(api.get("/api/v1/staff/tickets", session).status()).isEqualTo(401);
		String second = api.login(agent.username(), Api.PASSWORD);
		assertThat(api.post("/api/v1/admin/staff/" + agent.id() + "/password", Map.of("newPassword", "123456"), admin)
			.code()).isEqualTo("password_too_short");
		assertThat(api
			.post("/api/v1/admin/staff/" + agent.id() + "/password", Map.of("newPassword", "Fresh!start-2026x"), admin)
			.status()).isEqualTo(204);
		assertThat(api.get("/api/v1/staff/tickets", second).status()).isEqualTo(401);
		assertThat(api.post("/api/v1/auth/login", Map.of("login", agent.username(), "password", Api.PASSWORD), null)
			.status()).isEqualTo(401);
		assertThat(api.login(agent.username(), "Fresh!start-2026x")).isNotBlank();
		assertThat(audit(agent.id())).containsExactly("staff.sessions_revoked", "staff.password_reset");
	}

	@Test
	void onlyAdministratorsManageStaffAndNotTheirOwnAccount() {
		Staff agent = agent();
		assertThat(api
			.post("/api/v1/admin/staff/" + agent.id() + "/disable", Map.of("reason", "x"), api.staffToken("SUPERVISOR"))
			.status()).isEqualTo(403);
		String adminId = jdbc.sql("SELECT id::text FROM staff_user WHERE username = 'admin'")
			.query(String.class)
			.single();
		assertThat(
				api.post("/api/v1/admin/staff/" + adminId + "/disable", Map.of("reason", "x"), api.adminToken()).code())
			.isEqualTo("staff_self");
	}

}
