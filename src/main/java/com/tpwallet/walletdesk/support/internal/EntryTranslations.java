package com.tpwallet.walletdesk.support.internal;

import com.tpwallet.walletdesk.platform.Refusal;
import com.tpwallet.walletdesk.support.EntryKind;
import com.tpwallet.walletdesk.support.internal.TicketViews.EntryView;
import com.tpwallet.walletdesk.translation.Translator;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Translations kept with a ticket's entries: the original of a reply an agent wrote in
 * their own language and sent translated, and the translation of a customer's words for
 * staff who read another language, made once and stored. Same-language text is never sent
 * to the translator; when no translation can be had, staff read the original.
 */
@Component
class EntryTranslations {

	record Stored(long entryId, String kind, String language, String text, String provider) {
	}

	private final JdbcClient jdbc;

	private final Translator translator;

	private final Clock clock;

	EntryTranslations(JdbcClient jdbc, Translator translator, Clock clock) {
		this.jdbc = jdbc;
		this.translator = translator;
		this.clock = clock;
	}

	/**
	 * A reply for the customer in their language; throws translation_unavailable when it
	 * cannot be had (nothing is then sent).
	 */
	String forCustomer(String text, String writerLanguage, String customerLanguage) {
		return translator.translate(text, writerLanguage, customerLanguage);
	}

	String provider() {
		return translator.provider();
	}

	void keepOriginal(long entryId, String language, String text) {
		store(entryId, "original", language, text);
	}

	/**
	 * Whether an entry of the ticket that the reader sees came through machine
	 * translation: a reply sent translated, or (for staff) a customer's words translated.
	 */
	boolean isTranslated(java.util.UUID ticketId, long entryId, boolean staff) {
		return jdbc.sql("""
				SELECT count(*) FROM ticket_entry_translation tr JOIN ticket_entry e ON e.id = tr.entry_id
				WHERE e.ticket_id = ? AND e.id = ? AND (tr.kind = 'original' OR ?)""")
			.params(ticketId, entryId, staff)
			.query(Long.class)
			.single() > 0;
	}

	/** The entries as a reader of {@code readerLanguage} sees them. */
	List<EntryView> view(List<TicketRepository.Entry> entries, String ticketLanguage, String readerLanguage,
			boolean staff) {
		Map<String, Stored> stored = new HashMap<>();
		List<Long> ids = entries.stream().map(TicketRepository.Entry::id).toList();
		jdbc.sql(
				"SELECT entry_id, kind, language, text, provider FROM ticket_entry_translation WHERE entry_id = ANY(?)")
			.param(ids.toArray(Long[]::new))
			.query((rs, n) -> new Stored(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5)))
			.list()
			.forEach(s -> stored.put(s.entryId() + ":" + s.kind() + ":" + s.language(), s));
		return entries.stream().map(e -> {
			EntryView view = EntryView.of(e);
			Stored original = stored.values()
				.stream()
				.filter(s -> s.entryId() == e.id() && s.kind().equals("original"))
				.findFirst()
				.orElse(null);
			if (original != null) {
				view = view.translatedFrom(original.text(), original.language(), original.provider());
			}
			if (staff && e.kind() == EntryKind.CUSTOMER && !ticketLanguage.equals(readerLanguage)) {
				Stored translation = stored.get(e.id() + ":translation:" + readerLanguage);
				if (translation == null) {
					translation = translate(e, ticketLanguage, readerLanguage);
				}
				if (translation != null) {
					view = view.withTranslation(translation.text(), readerLanguage, translation.provider());
				}
			}
			return view;
		}).toList();
	}

	private Stored translate(TicketRepository.Entry e, String from, String to) {
		try {
			String text = translator.translate(e.body(), from, to);
			store(e.id(), "translation", to, text);
			return new Stored(e.id(), "translation", to, text, translator.provider());
		}
		catch (Refusal unavailable) {
			return null; // staff read the original; the queue of its language stays the
							// fallback
		}
	}

	private void store(long entryId, String kind, String language, String text) {
		jdbc.sql("""
				INSERT INTO ticket_entry_translation (entry_id, kind, language, text, provider, created_at)
				VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
			.params(entryId, kind, language, text, translator.provider(), Timestamp.from(clock.instant()))
			.update();
	}

}
