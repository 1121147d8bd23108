package com.tpwallet.walletdesk.platform.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Query and form parameters that no text can hold (a NUL byte: PostgreSQL refuses it, and
 * the request used to end in a 500) or that cannot be decoded at all are the client's
 * mistake: 400 {@code invalid_characters}, before any module sees them.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class UnreadableInputFilter extends OncePerRequestFilter {

	private final ProblemWriter problems;

	UnreadableInputFilter(ProblemWriter problems) {
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!readable(request)) {
			problems.write(request, response, HttpStatus.BAD_REQUEST, "invalid_characters");
			return;
		}
		chain.doFilter(request, response);
	}

	private static boolean readable(HttpServletRequest request) {
		try {
			for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
				if (hasNul(parameter.getKey())) {
					return false;
				}
				for (String value : parameter.getValue()) {
					if (hasNul(value)) {
						return false;
					}
				}
			}
			return true;
		}
		catch (IllegalArgumentException | IllegalStateException unreadable) {
			return false;
		}
	}

	private static boolean hasNul(String text) {
		return text != null && text.indexOf('\0') >= 0;
	}

}
