package com.tpwallet.walletdesk.platform;

import org.owasp.html.Encoding;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * What a person typed, as plain text: no tag survives, however it was written. Chat
 * messages, ticket subjects and entries, tags and file names all pass through here before
 * they are stored, so that API clients that render them get no markup either.
 */
public final class PlainText {

	private static final PolicyFactory NO_HTML = new HtmlPolicyBuilder().toFactory();

	private static final int MAX_ROUNDS = 5;

	private PlainText() {
	}

	/**
	 * Entities are decoded before tags are judged ({@code &lt;img onerror=...&gt;} is the
	 * tag it becomes), and the sanitiser runs until it removes nothing more, so that a
	 * tag hidden inside another ({@code <<b>img ...>}) or behind several layers of
	 * entities cannot appear after the last decoding. Text that still changes after that
	 * loses its angle brackets.
	 */
	public static String of(String text) {
		String current = text;
		for (int round = 0; round < MAX_ROUNDS; round++) {
			String next = Encoding.decodeHtml(NO_HTML.sanitize(Encoding.decodeHtml(current, false)), false);
			if (next.equals(current)) {
				return next.strip();
			}
			current = next;
		}
		return current.replace("<", "").replace(">", "").strip();
	}

}
