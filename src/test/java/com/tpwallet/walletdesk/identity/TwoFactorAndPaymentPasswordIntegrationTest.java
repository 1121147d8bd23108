package com.tpwallet.walletdesk.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.tpwallet.walletdesk.Api;
import com.tpwallet.walletdesk.Api.Response;
import com.tpwallet.walletdesk.HttpTestBase;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class TwoFactorAndPaymentPasswordIntegrationTest extends HttpTestBase {

	@Autowired
	IdentityApi identity;

	String totp(String secret, int stepsFromNow) throws Exception {
		long step = clock.instant().getEpochSecond() / 30 + stepsFromNow;
		return new DefaultCodeGenerator().generate(secret, step);
	}

	Response login(String phone, String code) {
		return api.post("/api/v1/auth/login", Map.of("login", phone, "password", Api.PASSWORD, "totp", code), null);
	}

	@Test
	void twoFactorEnrolmentThenEveryLoginNeedsAFreshCode() throws Exception {
		String phone = api.registerCustomer("en");
		String token = api.login(phone, Api.PASSWORD);
		Response enrol = api.post("/api/v1/me/two-factor", Map.of(), token);
		String secret = enrol.text("secret");
		assertThat(enrol.text("otpauthUri")).startsWith("otpauth://totp/")
			.contains("secret=" + secret)
			.contains("issuer=tpWallet");
		assertThat(enrol.text("qrCode")).startsWith("data:image/png;base64,");

		assertThat(api.post("/api/v1/me/two-factor/confirm", Map.of("code", "123456"), token).code())
			.isEqualTo("two_factor_invalid");
		Response confirmed = api.post("/api/v1/me/two-factor/confirm", Map.of("code", totp(secret, 0)), token);
		assertThat(confirmed.body().path("recoveryCodes")).hasSize(10);
		String recovery = confirmed.body().path("recoveryCodes").get(0).asString();

		Response noCode = api.post("/api/v1/auth/login", Map.of("login", phone, "password", Api.PASSWORD), null);
		assertThat(noCode.status()).isEqualTo(401);
		assertThat(noCode.code()).isEqualTo("two_factor_required");
		String code = totp(secret, 0);
		assertThat(login(phone, code).status()).isEqualTo(200);
		assertThat(login(phone, code).code()).as("a code works once").isEqualTo("two_factor_invalid");
		clock.advance(Duration.ofSeconds(30));
		assertThat(login(phone, totp(secret, 0)).status()).isEqualTo(200);
		assertThat(login(phone, recovery).status()).isEqualTo(200);
		assertThat(login(phone, recovery).status()).as("a recovery code works once").isEqualTo(401);

		String latest = login(phone, totp(secret, 1)).text("token");
		clock.advance(Duration.ofSeconds(90));
		assertThat(api
			.call("DELETE", "/api/v1/me/two-factor", Map.of("password", "Wrong!pass1", "code", totp(secret, 0)), latest)
			.code()).isEqualTo("current_password_wrong");
		assertThat(api
			.call("DELETE", "/api/v1/me/two-factor", Map.of("password", Api.PASSWORD, "code", totp(secret, 0)), latest)
			.status()).isEqualTo(204);
		assertThat(api.login(phone, Api.PASSWORD)).isNotBlank();
	}

	@Test
	void paymentPasswordIsSetOnceAndChangedWithTheOldOneAndTheNewOneTwice() {
		String phone = api.registerCustomer("en");
		String token = api.login(phone, Api.PASSWORD);
		assertThat(api.call("PUT", "/api/v1/me/payment-password", Map.of("pin", "12a"), token).code())
			.isEqualTo("pin_format");
		assertThat(api.call("PUT", "/api/v1/me/payment-password", Map.of("pin", "123456"), token).code())
			.isEqualTo("pin_too_simple");
		assertThat(api.call("PUT", "/api/v1/me/payment-password", Map.of("pin", "888888"), token).code())
			.isEqualTo("pin_too_simple");
		assertThat(api.call("PUT", "/api/v1/me/payment-password", Map.of("pin", "735194"), token).status())
			.isEqualTo(204);
		assertThat(api.call("PUT", "/api/v1/me/payment-password", Map.of("pin", "246813"), token).code())
			.isEqualTo("payment_password_already_set");
		assertThat(api
			.post("/api/v1/me/payment-password/change",
					Map.of("oldPin", "735194", "newPin", "246813", "confirmPin", "246812"), token)
			.code()).isEqualTo("pin_mismatch");
		assertThat(api
			.post("/api/v1/me/payment-password/change",
					Map.of("oldPin", "000000", "newPin", "246813", "confirmPin", "246813"), token)
			.code()).isEqualTo("payment_password_wrong");
		assertThat(api
			.post("/api/v1/me/payment-password/change",
					Map.of("oldPin", "735194", "newPin", "246813", "confirmPin", "246813"), token)
			.status()).isEqualTo(204);
		UUID id = UUID.fromString(api.get("/api/v1/me", token).text("id"));
		assertThat(identity.verifyPaymentPassword(id, "735194")).isEqualTo(PaymentPasswordCheck.WRONG);
		assertThat(identity.verifyPaymentPassword(id, "246813")).isEqualTo(PaymentPasswordCheck.ACCEPTED);
	}

	@Test
	void aPaymentPasswordIsKeptUnderTheKeyedHashAndAnArgon2idOneIsRehashedAtItsNextCorrectEntry() {
		String phone = api.registerCustomer("en");
		String token = api.login(phone, Api.PASSWORD);
		api.call("PUT", "/api/v1/me/payment-password", Map.of("pin", "735194"), token);
		assertThat(pinHash(phone)).startsWith("hmac-sha256$p1$");

		// a hash written before the keyed hash existed
		jdbc.sql("UPDATE customer SET pin_hash = ? WHERE phone = ?")
			.params(org.springframework.security.crypto.argon2.Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8()
				.encode("735194"), phone)
			.update();
		UUID id = UUID.fromString(api.get("/api/v1/me", token).text("id"));
		assertThat(identity.verifyPaymentPassword(id, "735195")).isEqualTo(PaymentPasswordCheck.WRONG);
		assertThat(pinHash(phone)).as("a wrong entry changes nothing").startsWith("$argon2id$");
		assertThat(identity.verifyPaymentPassword(id, "735194")).isEqualTo(PaymentPasswordCheck.ACCEPTED);
		assertThat(pinHash(phone)).startsWith("hmac-sha256$p1$");
		assertThat(identity.verifyPaymentPassword(id, "735194")).isEqualTo(PaymentPasswordCheck.ACCEPTED);
		assertThat(identity.verifyPaymentPassword(id, "735195")).isEqualTo(PaymentPasswordCheck.WRONG);
	}

	@Test
	void theRightPaymentPasswordWithNothingToResetNeitherLocksNorWritesTheCustomer() {
		String phone = api.registerCustomer("en");
		String token = api.login(phone, Api.PASSWORD);
		api.call("PUT", "/api/v1/me/payment-password", Map.of("pin", "735194"), token);
		UUID id = UUID.fromString(api.get("/api/v1/me", token).text("id"));
		String row = rowVersion(phone);

		assertThat(identity.verifyPaymentPassword(id, "735194")).isEqualTo(PaymentPasswordCheck.ACCEPTED);
		assertThat(rowVersion(phone)).as("no row lock, no write").isEqualTo(row);

		assertThat(identity.verifyPaymentPassword(id, "000000")).isEqualTo(PaymentPasswordCheck.WRONG);
		assertThat(pinFailures(phone)).isEqualTo(1);
		assertThat(identity.verifyPaymentPassword(id, "735194")).isEqualTo(PaymentPasswordCheck.ACCEPTED);
		assertThat(pinFailures(phone)).as("the right one after a wrong one resets the count").isZero();
	}

	/** PostgreSQL's version of the row: a write changes xmin, a row lock sets xmax. */
	private String rowVersion(String phone) {
		return jdbc.sql("SELECT xmin::text || '/' || xmax::text FROM customer WHERE phone = ?")
			.param(phone)
			.query(String.class)
			.single();
	}

	private int pinFailures(String phone) {
		return jdbc.sql("SELECT pin_failures FROM customer WHERE phone = ?").param(phone).query(Integer.class).single();
	}

	private String pinHash(String phone) {
		return jdbc.sql("SELECT pin_hash FROM customer WHERE phone = ?").param(phone).query(String.class).single();
	}

	@Test
	void fiveWrongPaymentPasswordsBlockPaymentsForThirtyMinutes() {
		String phone = api.registerCustomer("en");
		String token = api.login(phone, Api.PASSWORD);
		UUID id = UUID.fromString(api.get("/api/v1/me", token).text("id"));
		assertThat(identity.verifyPaymentPassword(id, "735194")).isEqualTo(PaymentPasswordCheck.NOT_SET);
		api.call("PUT", "/api/v1/me/payment-password", Map.of("pin", "735194"), token);
		for (int i = 0; i < 4; i++) {
			assertThat(identity.verifyPaymentPassword(id, "000000")).isEqualTo(PaymentPasswordCheck.WRONG);
		}
		assertThat(identity.verifyPaymentPassword(id, "000000")).isEqualTo(PaymentPasswordCheck.BLOCKED);
		assertThat(identity.verifyPaymentPassword(id, "735194")).as("even the right PIN while blocked")
			.isEqualTo(PaymentPasswordCheck.BLOCKED);
		assertThat(api
			.post("/api/v1/me/payment-password/change",
					Map.of("oldPin", "735194", "newPin", "246813", "confirmPin", "246813"), token)
			.code()).isEqualTo("payment_password_blocked");
		clock.advance(Duration.ofMinutes(31));
		assertThat(identity.verifyPaymentPassword(id, "735194")).isEqualTo(PaymentPasswordCheck.ACCEPTED);
	}

}
