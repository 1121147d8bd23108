package com.tpwallet.walletdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Runs after the whole test suite (Maven's integration-test phase) and reads every log it
 * left: the output of each test class and of every service process a test started. No
 * password, payment PIN, card number, one-time code, TOTP secret or bearer token that the
 * tests used may appear in any of them.
 */
class SecretsNeverInLogsIT {

	/**
	 * The secrets the test suite types: passwords, PINs, test cards, the TOTP secret it
	 * plants.
	 */
	static final List<String> KNOWN = List.of(Api.PASSWORD, Api.ADMIN_PASSWORD, "Demo!pass-2026", "N3w!wallet-2026",
			"Fresh!start-2026x", "An0ther!pass-x", "735194", "4242424242424242", "4000000000000002", "4000000000009995",
			"4000000000000069", "4000000000000119", "JBSWY3DPEHPK3PXP");
	static final Pattern CARD = Pattern.compile("(?<!\\d)[456]\\d{15,18}(?!\\d)");
	static final Pattern BEARER = Pattern.compile("(?i)bearer\\s+[A-Za-z0-9_-]{20,}");
	static final Pattern TOKEN = Pattern.compile(
			"(?<![A-Za-z0-9_-])(?=[A-Za-z0-9_-]*[a-z])(?=[A-Za-z0-9_-]*[A-Z])(?=[A-Za-z0-9_-]*\\d)[A-Za-z0-9_-]{43}(?![A-Za-z0-9_=-])");
	static final Pattern CODE = Pattern.compile("(?i)\\b(code|pin|otp|totp|password)[\"']?\\s*[:=]\\s*[\"']?\\d{6}\\b");
	static final Pattern GENERATED_PASSWORD = Pattern.compile("Using generated security password");
	static final Pattern PASSWORD_VALUE = Pattern
		.compile("(?i)\"?(password|newPassword|paymentPassword|pin)\"?\\s*[:=]\\s*\"[^\"]{3,}\"");

	@Test
	void noSecretTheTestsUsedAppearsInAnyLogTheyLeft() throws IOException {
		List<Path> logs = logs();
		assertThat(logs).as("the suite's logs, found").isNotEmpty();
		List<String> found = new ArrayList<>();
		for (Path log : logs) {
			String text = Files.readString(log, StandardCharsets.ISO_8859_1);
			for (String secret : KNOWN) {
				if (text.contains(secret)) {
					found.add(log.getFileName() + ": " + excerpt(text, text.indexOf(secret)));
				}
			}
			for (Pattern pattern : List.of(CARD, BEARER, TOKEN, CODE, PASSWORD_VALUE, GENERATED_PASSWORD)) {
				Matcher m = pattern.matcher(text);
				while (m.find()) {
					if (pattern != CARD || luhn(m.group())) {
						found.add(log.getFileName() + ": " + excerpt(text, m.start()));
					}
				}
			}
		}
		assertThat(found).as("secrets in logs").isEmpty();
	}

	static List<Path> logs() throws IOException {
		List<Path> logs = new ArrayList<>();
		Path reports = Path.of("target", "surefire-reports");
		if (Files.isDirectory(reports)) {
			try (Stream<Path> files = Files.list(reports)) {
				files.filter(p -> p.getFileName().toString().endsWith("-output.txt")).forEach(logs::add);
			}
		}
		try (Stream<Path> files = Files.list(Path.of("target"))) {
			files.filter(p -> p.getFileName().toString().endsWith(".log")).forEach(logs::add);
		}
		return logs;
	}

	private static String excerpt(String text, int at) {
		return text.substring(Math.max(0, at - 60), Math.min(text.length(), at + 60)).replace('\n', ' ');
	}

	private static boolean luhn(String digits) {
		int sum = 0;
		boolean twice = false;
		for (int i = digits.length() - 1; i >= 0; i--) {
			int d = digits.charAt(i) - '0';
			if (twice && (d *= 2) > 9) {
				d -= 9;
			}
			sum += d;
			twice = !twice;
		}
		return sum % 10 == 0;
	}

}
