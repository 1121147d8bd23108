package com.tpwallet.walletdesk.feedback.internal;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A group's label in the reader's words: its product area and what it is about
 * ("Withdrawals: public holidays, slow"), or its area and kind when no theme was found
 * ("Payments — feature requests").
 */
@Component
class GroupLabels {

	private final MessageSource messages;

	private final JdbcClient jdbc;

	GroupLabels(MessageSource messages, JdbcClient jdbc) {
		this.messages = messages;
		this.jdbc = jdbc;
	}

	String label(String area, List<String> themes, @Nullable String kind, Locale locale) {
		String areaWords = words("page.feedback.area." + area, locale);
		if (themes.isEmpty()) {
			return areaWords + " — " + words("page.feedback.kinds." + (kind == null ? "other" : kind), locale);
		}
		return areaWords + ": "
				+ themes.stream().map(t -> words("page.feedback.theme." + t, locale)).collect(Collectors.joining(", "));
	}

	String label(UUID groupId, Locale locale) {
		return jdbc.sql("SELECT area, themes, kind FROM feedback_group WHERE id = ?")
			.param(groupId)
			.query((rs, n) -> label(rs.getString(1), List.of((String[]) rs.getArray(2).getArray()), rs.getString(3),
					locale))
			.single();
	}

	String words(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}

}
