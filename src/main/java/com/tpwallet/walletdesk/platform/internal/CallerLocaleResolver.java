package com.tpwallet.walletdesk.platform.internal;

import com.tpwallet.walletdesk.platform.Caller;
import com.tpwallet.walletdesk.platform.Languages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Optional;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The caller's language: the request's {@code Accept-Language} when it names one we serve, then the
 * signed-in person's saved language, then English.
 */
class CallerLocaleResolver implements LocaleResolver {

	@Override
	public Locale resolveLocale(HttpServletRequest request) {
		return fromHeader(request.getHeader("Accept-Language"))
				.or(() -> Caller.current().flatMap(c -> Languages.match(c.language())))
				.orElse(Languages.DEFAULT);
	}

	static Optional<Locale> fromHeader(String header) {
		if (header == null || header.isBlank()) {
			return Optional.empty();
		}
		try {
			return Locale.LanguageRange.parse(header).stream()
					.map(range -> Languages.match(range.getRange()))
					.flatMap(Optional::stream)
					.findFirst();
		}
		catch (IllegalArgumentException e) {
			return Optional.empty();
		}
	}

	@Override
	public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
		// Nothing to store: the language follows Accept-Language or the saved preference (PATCH /api/v1/me).
	}
}
