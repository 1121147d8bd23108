package com.tpwallet.walletdesk.platform.internal;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * Builds RFC 9457 problems: a stable {@code code} plus title and detail from the message
 * bundles.
 */
@Component
class ProblemFactory {

	private final MessageSource messages;

	ProblemFactory(MessageSource messages) {
		this.messages = messages;
	}

	ProblemDetail create(HttpStatusCode status, String code, Object[] args, Locale locale) {
		ProblemDetail problem = ProblemDetail.forStatus(status);
		problem.setType(URI.create("/problems/" + code.replace('_', '-')));
		problem.setTitle(messages.getMessage("problem." + code + ".title", null,
				messages.getMessage("status." + status.value(), null, "Error", locale), locale));
		problem.setDetail(messages.getMessage("problem." + code, args, code, locale));
		problem.setProperty("code", code);
		return problem;
	}

	/** A text of the bundles, such as a validation message, in the caller's language. */
	String text(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}

	ProblemDetail create(HttpStatusCode status, String code, Object[] args, Map<String, Object> properties,
			Locale locale) {
		ProblemDetail problem = create(status, code, args, locale);
		properties.forEach(problem::setProperty);
		return problem;
	}

}
