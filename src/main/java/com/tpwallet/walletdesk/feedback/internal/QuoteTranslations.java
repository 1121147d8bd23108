package com.tpwallet.walletdesk.feedback.internal;

import com.tpwallet.walletdesk.platform.Languages;
import com.tpwallet.walletdesk.platform.Refusal;
import com.tpwallet.walletdesk.translation.Translator;
import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The product team reads quotes in their own language where a translator is configured:
 * each quote is translated once per language and stored; without a translation it is
 * shown as written, its language named.
 */
@Component
class QuoteTranslations {

	private final JdbcClient jdbc;

	private final Translator translator;

	private final Clock clock;

	QuoteTranslations(JdbcClient jdbc, Translator translator, Clock clock) {
		this.jdbc = jdbc;
		this.translator = translator;
		this.clock = clock;
	}

	FeedbackReport.Sample forReader(FeedbackReport.Sample s) {
		String reader = Languages.tagOf(LocaleContextHolder.getLocale());
		if (reader.equals(s.language()) || translator.provider().equals("none")) {
			return s;
		}
		String stored = jdbc.sql("SELECT text FROM feedback_translation WHERE feedback_id = ? AND language = ?")
			.params(s.id(), reader)
			.query(String.class)
			.optional()
			.orElse(null);
		if (stored == null) {
			try {
				stored = translator.translate(s.text(), s.language(), reader);
			}
			catch (Refusal unavailable) {
				return s;
			}
			jdbc.sql("""
					INSERT INTO feedback_translation (feedback_id, language, text, provider, created_at)
					VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
				.params(s.id(), reader, stored, translator.provider(), Timestamp.from(clock.instant()))
				.update();
		}
		return new FeedbackReport.Sample(s.id(), s.text(), s.language(), s.kind(), s.area(), s.sentiment(),
				s.createdAt(), stored, translator.provider());
	}

}
