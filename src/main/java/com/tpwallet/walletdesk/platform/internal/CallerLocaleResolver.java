package com.tpwallet.walletdesk.platform.internal;

import com.tpwallet.walletdesk.platform.Caller;
import com.tpwallet.walletdesk.platform.Languages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Optional;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The caller's language: a page's explicit choice ({@code ?lang=}, then the
 * {@code wd_lang} cookie), the request's {@code Accept-Language} when it names one we
 * serve, the signed-in person's saved language, then English.
 */
class CallerLocaleResolver implements LocaleResolver {

	/** Pages remember a language chosen with {@code ?lang=} in this cookie. */
	static final String COOKIE = "wd_lang";

	@Override
	public Locale resolveLocale(HttpServletRequest request) {
		return Languages.match(request.getParameter("lang"))
			.or(() -> cookie(request).flatMap(Languages::match))
			.or(() -> fromHeader(request.getHeader("Accept-Language")))
			.or(() -> Caller.current().flatMap(c -> Languages.match(c.language())))
			.orElse(Languages.DEFAULT);
	}

	private static Optional<String> cookie(HttpServletRequest request) {
		if (request.getCookies() == null) {
			return Optional.empty();
		}
		return java.util.Arrays.stream(request.getCookies())
			.filter(c -> c.getName().equals(COOKIE))
			.map(jakarta.servlet.http.Cookie::getValue)
			.findFirst();
	}

	static Optional<Locale> fromHeader(String header) {
		if (header == null || header.isBlank()) {
			return Optional.empty();
		}
		try {
			return Locale.LanguageRange.parse(header)
				.stream()
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
		// Nothing to store: the language follows Accept-Language or the saved preference
		// (PATCH /api/v1/me).
	}

}
