package com.tpwallet.walletdesk.identity.internal;

import com.tpwallet.walletdesk.platform.Refusal;
import dev.samstevens.totp.code.CodeGenerator;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import dev.samstevens.totp.exceptions.QrGenerationException;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.qr.ZxingPngQrGenerator;
import dev.samstevens.totp.recovery.RecoveryCodeGenerator;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * RFC 6238 TOTP (SHA-1, 6 digits, 30-second steps: what every authenticator app and
 * {@code oathtool} use). Accepts the current step and one either side for clock drift,
 * and never a step at or before the last one used, so a code cannot be replayed.
 */
@Component
class TotpAuthenticator {

	static final int PERIOD_SECONDS = 30;

	private static final String ISSUER = "tpWallet";

	private final Clock clock;

	private final CodeGenerator codes = new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6);

	TotpAuthenticator(Clock clock) {
		this.clock = clock;
	}

	String newSecret() {
		return new DefaultSecretGenerator(32).generate();
	}

	/**
	 * The rule for finishing an enrolment, customers' and staff's alike: not on already,
	 * a secret issued, and a code of that secret. Confirming proves the app is set up; it
	 * does not spend the code, so the next sign-in may use it.
	 */
	void confirmEnrolment(boolean alreadyEnabled, @Nullable String secret, String code) {
		if (alreadyEnabled) {
			throw Refusal.conflict("two_factor_already_enabled");
		}
		if (secret == null) {
			throw Refusal.conflict("two_factor_not_enrolled");
		}
		if (verify(secret, code.trim(), 0).isEmpty()) {
			throw Refusal.unprocessable("two_factor_invalid");
		}
	}

	String otpauthUri(String secret, String account) {
		return qrData(secret, account).getUri();
	}

	/** The otpauth URI as a PNG QR code in a data URI, ready for an {@code <img>}. */
	String qrCodeDataUri(String secret, String account) {
		try {
			byte[] png = new ZxingPngQrGenerator().generate(qrData(secret, account));
			return "data:image/png;base64," + Base64.getEncoder().encodeToString(png);
		}
		catch (QrGenerationException e) {
			throw new IllegalStateException("Could not draw the QR code", e);
		}
	}

	private static QrData qrData(String secret, String account) {
		return new QrData.Builder().label(account)
			.secret(secret)
			.issuer(ISSUER)
			.algorithm(HashingAlgorithm.SHA1)
			.digits(6)
			.period(PERIOD_SECONDS)
			.build();
	}

	/**
	 * The time step the code belongs to, if it is valid now and newer than
	 * {@code lastUsedStep}.
	 */
	OptionalLong verify(String secret, String code, long lastUsedStep) {
		if (code == null || !code.matches("\\d{6}")) {
			return OptionalLong.empty();
		}
		long now = clock.instant().getEpochSecond() / PERIOD_SECONDS;
		for (long step = now - 1; step <= now + 1; step++) {
			if (step > lastUsedStep && matches(secret, step, code)) {
				return OptionalLong.of(step);
			}
		}
		return OptionalLong.empty();
	}

	private boolean matches(String secret, long step, String code) {
		try {
			String expected = codes.generate(secret, step);
			return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
					code.getBytes(StandardCharsets.US_ASCII));
		}
		catch (CodeGenerationException e) {
			throw new IllegalStateException(e);
		}
	}

	List<String> recoveryCodes() {
		return List.of(new RecoveryCodeGenerator().generateCodes(10));
	}

}
