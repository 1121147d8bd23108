package com.tpwallet.walletdesk.mail.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What an agent needs to read of a reply: the new text, without the quoted history below
 * it and without the signature. The original stays in the kept {@code .eml}. A forwarded
 * message is kept whole: what was forwarded is the matter.
 */
final class QuotedText {

	/**
	 * The line that starts the quoted history, in the mail clients of our four languages
	 * ({@code mail/quoted-history.txt}).
	 */
	private static final Pattern HISTORY = Pattern.compile(String.join("|", historyLines()), Pattern.CASE_INSENSITIVE);

	private static List<String> historyLines() {
		try (InputStream in = QuotedText.class.getResourceAsStream("/mail/quoted-history.txt")) {
			return new String(Objects.requireNonNull(in).readAllBytes(), StandardCharsets.UTF_8).lines()
				.map(String::strip)
				.filter(line -> !line.isEmpty() && !line.startsWith("#"))
				.toList();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private QuotedText() {
	}

	static String newText(String text) {
		List<String> kept = new ArrayList<>();
		for (String line : text.replace("\r\n", "\n").split("\n", -1)) {
			if (HISTORY.matcher(line.strip()).matches() || line.equals("-- ") || line.equals("--")) {
				break;
			}
			if (line.startsWith(">")) {
				continue;
			}
			kept.add(line);
		}
		String result = String.join("\n", kept).strip();
		return result.isEmpty() ? text.strip() : result;
	}

}
