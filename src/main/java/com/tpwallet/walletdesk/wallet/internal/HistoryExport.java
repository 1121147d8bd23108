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

	static String cell(String value) {
		return com.tpwallet.walletdesk.platform.CsvCell.of(value);
	}

}
