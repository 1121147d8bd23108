package com.tpwallet.walletdesk.platform.internal;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a problem straight to the response, for errors raised before Spring MVC
 * (security filters).
 */
@Component
class ProblemWriter {

	private final ProblemFactory problems;

	private final LocaleResolver locales;

	private final JsonMapper json;

	ProblemWriter(ProblemFactory problems, LocaleResolver locales, JsonMapper json) {
		this.problems = problems;
		this.locales = locales;
		this.json = json;
	}

	void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code, Object... args)
			throws IOException {
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		json.writeValue(response.getOutputStream(), problem(request, status, code, args));
	}

	/** The problem as JSON text, for a writer that is not the response's own stream. */
	String body(HttpServletRequest request, HttpStatus status, String code) {
		return json.writeValueAsString(problem(request, status, code));
	}

	private Map<String, Object> problem(HttpServletRequest request, HttpStatus status, String code, Object... args) {
		ProblemDetail problem = problems.create(status, code, args, locales.resolveLocale(request));
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", problem.getType().toString());
		body.put("title", problem.getTitle());
		body.put("status", problem.getStatus());
		body.put("detail", problem.getDetail());
		// on the container's error page, the address that failed, not the page's own
		body.put("instance", request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String failed ? failed
				: request.getRequestURI());
		if (problem.getProperties() != null) {
			body.putAll(problem.getProperties());
		}
		return body;
	}

}
