package com.tpwallet.walletdesk.mail.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What an agent needs to read of a reply: the new text, without the quoted history below
 * it and without the signature. The original stays in the kept {@code .eml}. A forwarded
 * message is kept whole: what was forwarded is the matter.
 */
final class QuotedText {

	/**
	 * The line that starts the quoted history, in the mail clients of our four languages.
	 */
	private static final Pattern HISTORY = Pattern.compile(String.join("|", "^On .{3,200} wrote:\\s*$",
			"^Le .{3,200} a écrit\\s?:\\s*$", "^Am .{3,200} schrieb .{0,100}:\\s*$", "^在.{3,200}写道[：:]\\s*$",
			"^-{2,}\\s*(Original Message|Ursprüngliche Nachricht|Message d'origine|原始邮件)\\s*-{2,}\\s*$",
			"^_{10,}\\s*$"), Pattern.CASE_INSENSITIVE);

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
