package com.tpwallet.walletdesk.platform;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a PDF carries something that runs when it is opened: JavaScript
 * ({@code /JavaScript}, {@code /JS}), a program to launch ({@code /Launch}) or a form
 * that submits itself ({@code /SubmitForm}). Names are compared after their {@code #xx}
 * escapes are decoded ({@code /J#61vaScript} is {@code /JavaScript}). Customers' PDFs
 * with any of these are refused: an agent opens them on a desk machine.
 */
public final class PdfActiveContent {

	private static final Pattern ESCAPE = Pattern.compile("#([0-9A-Fa-f]{2})");

	private static final Pattern ACTIVE = Pattern.compile("/(JavaScript|JS|Launch|SubmitForm)(?![A-Za-z0-9])");

	private PdfActiveContent() {
	}

	public static boolean in(byte[] pdf) {
		String text = new String(pdf, StandardCharsets.ISO_8859_1);
		Matcher escapes = ESCAPE.matcher(text);
		String names = escapes
			.replaceAll(m -> Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(m.group(1), 16))));
		return ACTIVE.matcher(names).find();
	}

}
