package com.tpwallet.walletdesk.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.tpwallet.walletdesk.Api;
import com.tpwallet.walletdesk.Api.Response;
import com.tpwallet.walletdesk.HttpTestBase;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Five wrong passwords still lock a login, but what a stranger can do with that is
 * limited: the owner's sessions go on, the owner can lift the lock with a code and a
 * second fact, and nobody learns which logins exist.
 */
class StrangersCannotLockOwnersOutIntegrationTest extends HttpTestBase {

	static final String PIN = "735194";

	Response login(String login, String password) {
		return api.post("/api/v1/auth/login", Map.of("login", login, "password", password), null);
	}

	void lock(String login) {
		for (int i = 1; i <= 5; i++) {
			login(login, "Wrong!pass" + i);
		}
		assertThat(login(login, Api.PASSWORD).code()).isEqualTo("account_locked");
	}

	String latestCodeTo(String recipient) {
		String body = jdbc.sql(
				"SELECT body FROM notification WHERE recipient = ? AND body ~ '[0-9]{6}' ORDER BY created_at DESC LIMIT 1")
			.param(recipient)
			.query(String.class)
			.single();
		Matcher m = Pattern.compile("\\b(\\d{6})\\b").matcher(body);
		assertThat(m.find()).isTrue();
		return m.group(1);
	}

	@Test
	void aLockRefusesNewSignInsButTheOwnersOpenSessionsGoOn() {
		String phone = api.registerCustomer("en");
		String token = api.login(phone, Api.PASSWORD);
		lock(phone);
		assertThat(api.get("/api/v1/me", token).status()).as("the owner's app stays signed in").isEqualTo(200);
	}

	@Test
	void theOwnerLiftsTheLockWithTheCodeSentToTheirPhoneAndTheirPaymentPassword() {
		String phone = api.registerCustomer("en");
		String token = api.login(phone, Api.PASSWORD);
		api.call("PUT", "/api/v1/me/payment-password", Map.of("pin", PIN), token);
		String id = api.get("/api/v1/me", token).text("id");
		lock(phone);
		assertThat(api.post("/api/v1/auth/password-reset", Map.of("login", phone), null).status()).isEqualTo(202);
		String code = latestCodeTo(phone);

		Response wrongPin = api.post("/api/v1/auth/unlock",
				Map.of("login", phone, "code", code, "paymentPassword", "111333"), null);
		assertThat(wrongPin.status()).isEqualTo(422);
		assertThat(wrongPin.code()).isEqualTo("unlock_second_factor_invalid");
		assertThat(login(phone, Api.PASSWORD).code()).isEqualTo("account_locked");
		Response wrongCode = api.post("/api/v1/auth/unlock",
				Map.of("login", phone, "code", code.equals("000000") ? "111111" : "000000", "paymentPassword", PIN),
				null);
		assertThat(wrongCode.code()).isEqualTo("reset_code_invalid");

		assertThat(api.post("/api/v1/auth/unlock", Map.of("login", phone, "code", code, "paymentPassword", PIN), null)
			.status()).isEqualTo(204);
		assertThat(login(phone, Api.PASSWORD).status()).isEqualTo(200);
		assertThat(api.post("/api/v1/auth/unlock", Map.of("login", phone, "code", code, "paymentPassword", PIN), null)
			.code()).as("a used code cannot unlock again").isEqualTo("reset_code_invalid");
		assertThat(jdbc.sql(
				"SELECT checks || '/' || coalesce(staff_id::text, 'owner') FROM identity_verification WHERE customer_id = ?::uuid")
			.param(id)
			.query(String.class)
			.single()).isEqualTo("sms_code,payment_password/owner");
		assertThat(
				jdbc.sql("SELECT details FROM audit_entry WHERE subject_id = ?::uuid AND action = 'customer.unlocked'")
					.param(id)
					.query(String.class)
					.single())
			.isEqualTo("self-service checks=sms_code,payment_password");
	}

	@Test
	void anOwnerWithoutASecondFactorIsSentToCustomerService() {
		String phone = api.registerCustomer("fr");
		lock(phone);
		api.post("/api/v1/auth/password-reset", Map.of("login", phone), null);
		Response refused = api.post("/api/v1/auth/unlock", Map.of("login", phone, "code", latestCodeTo(phone)), null,
				"Accept-Language", "fr");
		assertThat(refused.code()).isEqualTo("unlock_second_factor_unavailable");
		assertThat(refused.text("detail")).contains("service client");
	}

	@Test
	void anUnknownCustomerLoginIsAnsweredExactlyLikeAKnownOneUpToTheLock() {
		String known = api.registerCustomer("en");
		String unknown = Api.newPhone();
		for (int i = 1; i <= 5; i++) {
			Response k = login(known, "Wrong!pass" + i);
			Response u = login(unknown, "Wrong!pass" + i);
			assertThat(u.status()).as("attempt " + i).isEqualTo(k.status());
			assertThat(u.code()).isEqualTo(k.code());
			assertThat(u.body().path("attemptsLeft").asInt()).isEqualTo(k.body().path("attemptsLeft").asInt());
			assertThat(u.text("detail")).isEqualTo(k.text("detail"));
		}
		assertThat(login(unknown, Api.PASSWORD).code()).isEqualTo("account_locked");
		clock.advance(Duration.ofDays(3));
		assertThat(login(unknown, Api.PASSWORD).code()).as("and stays locked as a customer's lock does")
			.isEqualTo("account_locked");
	}

	@Test
	void anUnknownUsernameLocksForAWhileLikeAStaffMembers() {
		String staff = "agent.t" + ThreadLocalRandom.current().nextInt(1_000_000);
		api.post("/api/v1/admin/staff", Map.of("username", staff, "displayName", staff, "password", Api.PASSWORD,
				"role", "AGENT", "languages", java.util.List.of("en")), api.adminToken());
		String unknown = "agent.nobody" + ThreadLocalRandom.current().nextInt(1_000_000);
		for (int i = 1; i <= 5; i++) {
			Response s = login(staff, "Wrong!pass" + i);
			Response u = login(unknown, "Wrong!pass" + i);
			assertThat(u.status()).as("attempt " + i).isEqualTo(s.status());
			assertThat(u.body().path("attemptsLeft").asInt()).isEqualTo(s.body().path("attemptsLeft").asInt());
		}
		assertThat(login(staff, Api.PASSWORD).status()).isEqualTo(423);
		assertThat(login(unknown, Api.PASSWORD).status()).isEqualTo(423);
		clock.advance(Duration.ofMinutes(16));
		assertThat(login(staff, Api.PASSWORD).status()).as("a staff lock is time-based").isEqualTo(200);
		assertThat(login(unknown, "Wrong!again").body().path("attemptsLeft").asInt()).isEqualTo(4);
	}

}
