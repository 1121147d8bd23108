package com.tpwallet.walletdesk.wallet.internal;

import com.tpwallet.walletdesk.platform.CursorPage;
import com.tpwallet.walletdesk.wallet.TransactionView;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** The history as CSV (RFC 4180), with a header in the caller's language. */
@Component
class HistoryExport {

	static final int MAX_ROWS = 10_000;

	private final TransactionHistory history;

	private final MessageSource messages;

	HistoryExport(TransactionHistory history, MessageSource messages) {
		this.history = history;
		this.messages = messages;
	}

	String csv(UUID customerId, TransactionHistory.Filter filter) {
		StringBuilder out = new StringBuilder(
				messages.getMessage("wallet.csv.header", null, LocaleContextHolder.getLocale()))
			.append("\r\n");
		String cursor = null;
		int rows = 0;
		do {
			CursorPage<TransactionView> page = history.page(customerId, filter, cursor, 500);
			for (TransactionView t : page.items()) {
				out.append(String.join(",", cell(t.reference()), cell(t.createdAt().toString()), cell(t.type().code()),
						cell(t.status().code()), Long.toString(t.amount()), cell(t.currency()), cell(t.counterparty()),
						cell(t.failureReason()), cell(t.note())))
					.append("\r\n");
			}
			rows += page.items().size();
			cursor = page.nextCursor();
		}
		while (cursor != null && rows < MAX_ROWS);
		return out.toString();
	}

	/**
	 * Quotes a cell, and defuses text a spreadsheet would run as a formula (OWASP CSV
	 * injection): a cell that starts with {@code = + - @} (or their full-width forms), a
	 * tab, a line break or any other white space gets a leading apostrophe. Only the
	 * first character is judged: a pattern over the whole value once let
	 * {@code "=1+1\nsecond line"} through, since {@code .} does not match a line break.
	 */
	static String cell(String value) {
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
