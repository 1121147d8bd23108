package com.tpwallet.walletdesk.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

class PinHasherTest {

	static final String KEY_1 = Base64.getEncoder().encodeToString("k".repeat(32).getBytes());

	static final String KEY_2 = Base64.getEncoder().encodeToString("second-key-of-at-least-32-bytes!!".getBytes());

	static final Argon2PasswordEncoder ARGON = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();

	static PinHasher hasher(String key, String id, String previous) {
		return new PinHasher(key, id, previous, ARGON, new SecureRandom());
	}

	@Test
	void theRightPinMatchesAndAWrongOneDoesNot() {
		PinHasher pins = hasher(KEY_1, "p1", "");
		String stored = pins.hash("735194");
		assertThat(stored).startsWith("hmac-sha256$p1$");
		assertThat(pins.matches("735194", stored)).isTrue();
		assertThat(pins.matches("735195", stored)).isFalse();
		assertThat(pins.needsRehash(stored)).isFalse();
	}

	@Test
	void eachHashHasItsOwnSaltSoTheSamePinNeverLooksTheSame() {
		PinHasher pins = hasher(KEY_1, "p1", "");
		assertThat(pins.hash("735194")).isNotEqualTo(pins.hash("735194"));
	}

	@Test
	void withoutTheKeyAHashCannotBeChecked() {
		String stored = hasher(KEY_1, "p1", "").hash("735194");
		// the same key id with another key (a stolen table checked against a guessed key)
		assertThat(hasher(KEY_2, "p1", "").matches("735194", stored)).isFalse();
	}

	@Test
	void anArgon2idHashFromBeforeStillMatchesAndIsToBeRehashed() {
		PinHasher pins = hasher(KEY_1, "p1", "");
		String legacy = ARGON.encode("735194");
		assertThat(pins.matches("735194", legacy)).isTrue();
		assertThat(pins.matches("735195", legacy)).isFalse();
		assertThat(pins.needsRehash(legacy)).isTrue();
	}

	@Test
	void afterARotationTheOldKeyStillChecksAndItsHashesAreToBeRehashed() {
		String underOld = hasher(KEY_1, "p1", "").hash("735194");
		PinHasher rotated = hasher(KEY_2, "p2", "p1:" + KEY_1);
		assertThat(rotated.matches("735194", underOld)).isTrue();
		assertThat(rotated.needsRehash(underOld)).isTrue();
		assertThat(rotated.hash("735194")).startsWith("hmac-sha256$p2$");
	}

	@Test
	void aHashUnderAKeyNoLongerConfiguredFailsLoudly() {
		String underOld = hasher(KEY_1, "p1", "").hash("735194");
		assertThatThrownBy(() -> hasher(KEY_2, "p2", "").matches("735194", underOld))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("'p1'");
	}

	@Test
	void theServiceRefusesToStartWithoutAKeyOfAtLeast32Bytes() {
		assertThatThrownBy(() -> hasher("", "p1", "")).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("WALLETDESK_PIN_KEY");
		assertThatThrownBy(() -> hasher(Base64.getEncoder().encodeToString(new byte[31]), "p1", ""))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("at least 32 random bytes");
		assertThatThrownBy(() -> hasher(KEY_1, "p 1", "")).isInstanceOf(IllegalStateException.class);
	}

}
