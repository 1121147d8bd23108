package com.tpwallet.walletdesk.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tpwallet.walletdesk.identity.NoticeChannel;
import com.tpwallet.walletdesk.platform.Refusal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AccountRulesUnitTest {

	static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");

	final PasswordPolicy policy = new PasswordPolicy();

	Customer customer() {
		return new Customer(UUID.randomUUID(), "+8613912345678", null, "hash", "en", NOW);
	}

	static String refusalCode(Runnable action) {
		try {
			action.run();
			return "accepted";
		}
		catch (Refusal r) {
			return r.code();
		}
	}

	@Test
	void passwordsMustBeLongMixedAndUncommon() {
		assertThat(refusalCode(() -> policy.check("a1!"))).isEqualTo("password_too_short");
		assertThat(refusalCode(() -> policy.check("abcdefgh1"))).isEqualTo("password_too_simple");
		assertThat(refusalCode(() -> policy.check("12345678!"))).isEqualTo("password_too_simple");
		assertThat(refusalCode(() -> policy.check("x".repeat(120) + "1!" + "y".repeat(10))))
			.isEqualTo("password_too_long");
		assertThat(refusalCode(() -> policy.check("Tp!wallet-2026x"))).isEqualTo("accepted");
		assertThat(refusalCode(() -> policy.check("密码很安全!2026"))).as("letters of any script count")
			.isEqualTo("accepted");
	}

	@Test
	void theTenThousandMostCommonPasswordsAreRefused() {
		assertThat(policy.isCommon("password")).isTrue();
		assertThat(policy.isCommon("PASSWORD")).isTrue();
		assertThat(policy.isCommon("qwerty")).isTrue();
		assertThat(policy.isCommon("Tp!wallet-2026x")).isFalse();
	}

	@Test
	void phoneNumbersAreStoredInE164AndMalformedOnesRefused() {
		assertThat(LoginNames.phone("138 0013 8000")).isEqualTo("+8613800138000");
		assertThat(LoginNames.phone("+33 6 12 34 56 78")).isEqualTo("+33612345678");
		assertThat(LoginNames.parsePhone("12ab")).isEmpty();
		assertThat(LoginNames.parsePhone("+86 123")).isEmpty();
		assertThat(LoginNames.parsePhone("+1 555 0100")).isEmpty();
		assertThatThrownBy(() -> LoginNames.phone("not a phone")).isInstanceOf(Refusal.class);
	}

	@Test
	void emailAddressesAreLowerCasedAndChecked() {
		assertThat(LoginNames.email(" Li.Wei@Example.COM ")).isEqualTo("li.wei@example.com");
		assertThat(refusalCode(() -> LoginNames.email("li wei@example.com"))).isEqualTo("invalid_email");
		assertThat(refusalCode(() -> LoginNames.email("nobody"))).isEqualTo("invalid_email");
	}

	@Test
	void locksTheAccountOnTheFifthConsecutiveWrongPassword() {
		Customer c = customer();
		for (int i = 0; i < 4; i++) {
			assertThat(c.loginFailed(NOW)).isFalse();
		}
		assertThat(c.attemptsLeft()).isEqualTo(1);
		assertThat(c.loginFailed(NOW)).isTrue();
		assertThat(c.isLocked()).isTrue();
		assertThat(c.loginFailed(NOW)).as("only the attempt that locks says so").isFalse();
		c.unlock();
		assertThat(c.isLocked()).isFalse();
		assertThat(c.attemptsLeft()).isEqualTo(5);
	}

	@Test
	void aSuccessfulLoginResetsTheCountOfWrongPasswords() {
		Customer c = customer();
		c.loginFailed(NOW);
		c.loginFailed(NOW);
		c.loginSucceeded();
		for (int i = 0; i < 4; i++) {
			c.loginFailed(NOW);
		}
		assertThat(c.isLocked()).isFalse();
	}

	@Test
	void fiveWrongPinsBlockPaymentsForThirtyMinutes() {
		Customer c = customer();
		for (int i = 0; i < 4; i++) {
			assertThat(c.pinFailed(NOW)).isFalse();
		}
		assertThat(c.pinFailed(NOW)).isTrue();
		assertThat(c.pinBlocked(NOW.plus(Duration.ofMinutes(29)))).isTrue();
		assertThat(c.pinBlocked(NOW.plus(Duration.ofMinutes(30)))).isFalse();
	}

	@Test
	void pinsAreSixDigitsThatAreNotTrivial() {
		assertThat(refusalCode(() -> PaymentPasswords.checkFormat("12345"))).isEqualTo("pin_format");
		assertThat(refusalCode(() -> PaymentPasswords.checkFormat("12a456"))).isEqualTo("pin_format");
		assertThat(refusalCode(() -> PaymentPasswords.checkFormat("654321"))).isEqualTo("pin_too_simple");
		assertThat(refusalCode(() -> PaymentPasswords.checkFormat("000000"))).isEqualTo("pin_too_simple");
		assertThat(refusalCode(() -> PaymentPasswords.checkFormat("735194"))).isEqualTo("accepted");
	}

	@Test
	void totpAcceptsOneStepOfDriftAndNeverTheSameStepTwice() throws Exception {
		TotpAuthenticator totp = new TotpAuthenticator(Clock.fixed(NOW, ZoneOffset.UTC));
		String secret = totp.newSecret();
		long step = NOW.getEpochSecond() / 30;
		var generator = new dev.samstevens.totp.code.DefaultCodeGenerator();
		assertThat(totp.verify(secret, generator.generate(secret, step), 0)).hasValue(step);
		assertThat(totp.verify(secret, generator.generate(secret, step - 1), 0)).hasValue(step - 1);
		assertThat(totp.verify(secret, generator.generate(secret, step + 1), 0)).hasValue(step + 1);
		assertThat(totp.verify(secret, generator.generate(secret, step - 2), 0)).isEmpty();
		assertThat(totp.verify(secret, generator.generate(secret, step), step)).as("replay").isEmpty();
		assertThat(totp.verify(secret, "12345", 0)).isEmpty();
	}

	@Test
	void noticesGoByTextMessageUntilTheCustomerChoosesAProvenEmailAddress() {
		Customer c = customer();
		assertThat(c.noticeChannel()).isEqualTo(NoticeChannel.SMS);
		assertThat(refusalCode(() -> c.chooseNoticeChannel(NoticeChannel.EMAIL)))
			.isEqualTo("notice_channel_unavailable");
		c.addAddress(NoticeChannel.EMAIL, "li@example.com");
		assertThat(c.noticeChannel()).as("adding an address does not move notices").isEqualTo(NoticeChannel.SMS);
		c.chooseNoticeChannel(NoticeChannel.EMAIL);
		assertThat(c.profile().noticeEmail()).isEqualTo("li@example.com");
		assertThat(c.profile().noticePhone()).isNull();
		assertThat(c.notice("password-changed").recipient()).isEqualTo("li@example.com");
	}

	@Test
	void anAccountOpenedByEmailIsToldByEmailAndKeepsItsAddresses() {
		Customer c = new Customer(UUID.randomUUID(), null, "li@example.com", "hash", "en", NOW);
		assertThat(c.noticeChannel()).isEqualTo(NoticeChannel.EMAIL);
		assertThat(c.profile().noticePhone()).isNull();
		assertThat(refusalCode(() -> c.addAddress(NoticeChannel.EMAIL, "other@example.com")))
			.isEqualTo("contact_address_exists");
		c.addAddress(NoticeChannel.SMS, "+8613912345678");
		c.chooseNoticeChannel(NoticeChannel.SMS);
		assertThat(c.profile().noticePhone()).isEqualTo("+8613912345678");
		assertThat(c.profile().noticeEmail()).isNull();
	}

}
