package com.tpwallet.walletdesk.platform;

import org.jspecify.annotations.Nullable;

/** One cell of a CSV file people open in a spreadsheet. */
public final class CsvCell {

	private CsvCell() {
	}

	/**
	 * Quotes a cell, and defuses text a spreadsheet would run as a formula (OWASP CSV
	 * injection): a cell that starts with {@code = + - @} (or their full-width forms), a
	 * tab, a line break or any other white space gets a leading apostrophe. Only the
	 * first character is judged: a pattern over the whole value once let
	 * {@code "=1+1\nsecond line"} through, since {@code .} does not match a line break.
	 */
	public static String of(@Nullable String value) {
		if (value == null) {
			return "";
		}
		String safe = value.isEmpty() || !startsDangerously(value) ? value : "'" + value;
		return "\"" + safe.replace("\"", "\"\"") + "\"";
	}

	private static boolean startsDangerously(String value) {
		int first = value.codePointAt(0);
		return "=+-@\uFF1D\uFF0B\uFF0D\uFF20".indexOf(first) >= 0 || Character.isWhitespace(first)
				|| Character.isSpaceChar(first) || Character.getType(first) == Character.CONTROL;
	}

}
