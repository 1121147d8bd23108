package com.tpwallet.walletdesk.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.tpwallet.walletdesk.Api;
import com.tpwallet.walletdesk.HttpTestBase;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Whoever reads the customer table cannot make anyone's codes: TOTP secrets are sealed
 * under a key kept elsewhere.
 */
class TotpSecretsAtRestIntegrationTest extends HttpTestBase {

	@Autowired
	TotpSecretResealing resealing;

	String code(String secret) throws Exception {
		return new DefaultCodeGenerator().generate(secret, clock.instant().getEpochSecond() / 30);
	}

	String stored(String phone) {
		return jdbc.sql("SELECT totp_secret FROM customer WHERE phone = ?").param(phone).query(String.class).single();
	}

	@Test
	void anEnrolledSecretIsStoredSealedAndStillChecksCodes() throws Exception {
		String phone = api.registerCustomer("en");
		String token = api.login(phone, Api.PASSWORD);
		String secret = api.post("/api/v1/me/two-factor", Map.of(), token).text("secret");
		assertThat(stored(phone)).startsWith("k1:").doesNotContain(secret);
		assertThat(api.post("/api/v1/me/two-factor/confirm", Map.of("code", code(secret)), token).status())
			.isEqualTo(200);
		assertThat(stored(phone)).startsWith("k1:").doesNotContain(secret);
	}

	@Test
	void aSecretStoredInClearBeforeEncryptionIsSealedAtStartAndKeepsWorking() throws Exception {
		String phone = api.registerCustomer("en");
		String secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
		jdbc.sql("UPDATE customer SET totp_secret = ?, totp_enabled = true WHERE phone = ?")
			.params(secret, phone)
			.update();
		resealing.resealAll();
		assertThat(stored(phone)).startsWith("k1:").doesNotContain(secret);
		assertThat(api
			.post("/api/v1/auth/login", Map.of("login", phone, "password", Api.PASSWORD, "totp", code(secret)), null)
			.status()).isEqualTo(200);
	}

	@Test
	void aSealedSecretCopiedToAnotherCustomerDoesNotOpen() {
		String a = api.registerCustomer("en");
		String b = api.registerCustomer("en");
		api.post("/api/v1/me/two-factor", Map.of(), api.login(a, Api.PASSWORD));
		jdbc.sql("UPDATE customer SET totp_secret = ? WHERE phone = ?").params(stored(a), b).update();
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> api.login(b, Api.PASSWORD))
			.as("the ciphertext is bound to its customer")
			.isInstanceOf(Exception.class);
		jdbc.sql("UPDATE customer SET totp_secret = NULL WHERE phone = ?").param(b).update();
	}

}
