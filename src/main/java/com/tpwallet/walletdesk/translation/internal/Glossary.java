package com.tpwallet.walletdesk.translation.internal;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The wallet glossary, kept as data ({@code translation_glossary}, editable by admins):
 * per concept and language, the term to use and the variants to replace.
 */
@Component
class Glossary {

	record Entry(String concept, String language, String term, List<String> variants) {
	}

	private final JdbcClient jdbc;

	Glossary(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Entry> entries() {
		return jdbc.sql("SELECT concept, language, term, variants FROM translation_glossary ORDER BY concept, language")
			.query((rs, n) -> new Entry(rs.getString(1), rs.getString(2), rs.getString(3),
					List.of((String[]) rs.getArray(4).getArray())))
			.list();
	}

	@Transactional
	Entry put(Entry e) {
		jdbc.sql("""
				INSERT INTO translation_glossary (concept, language, term, variants) VALUES (?, ?, ?, ?)
				ON CONFLICT (concept, language) DO UPDATE SET term = EXCLUDED.term, variants = EXCLUDED.variants""")
			.params(e.concept(), e.language(), e.term(), e.variants().toArray(String[]::new))
			.update();
		return e;
	}

	/**
	 * The text with each variant of the target language replaced by its term
	 * (case-insensitive).
	 */
	String apply(String text, String language) {
		String out = text;
		for (Entry e : entries()) {
			if (!e.language().equals(language)) {
				continue;
			}
			for (String variant : e.variants()) {
				boolean latin = variant.chars().allMatch(c -> c < 0x2E80);
				String pattern = latin ? "(?iu)(?<!\\p{L})" + Pattern.quote(variant) + "(?!\\p{L})"
						: Pattern.quote(variant);
				out = out.replaceAll(pattern, Matcher.quoteReplacement(e.term()));
			}
		}
		return out;
	}

}
