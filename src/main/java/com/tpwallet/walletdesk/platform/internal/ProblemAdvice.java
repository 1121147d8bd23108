package com.tpwallet.walletdesk.platform.internal;

import com.tpwallet.walletdesk.platform.DatabaseAway;
import com.tpwallet.walletdesk.platform.Refusal;
import com.tpwallet.walletdesk.platform.RefusalStatus;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Maps every error to a problem with a stable {@code code} and a detail in the caller's
 * language: business refusals, bad input (malformed JSON, failed validation, wrong types)
 * and whatever Spring MVC reports. An unexpected failure is logged and answered with a
 * generic problem that leaks nothing.
 */
@RestControllerAdvice
class ProblemAdvice extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

	private final ProblemFactory problems;

	ProblemAdvice(ProblemFactory problems) {
		this.problems = problems;
	}

	@ExceptionHandler(Refusal.class)
	ResponseEntity<ProblemDetail> refusal(Refusal refusal) {
		HttpStatus status = RefusalStatus.of(refusal.kind());
		ProblemDetail body = problems.create(status, refusal.code(), refusal.args(), refusal.properties(), locale());
		HttpHeaders headers = new HttpHeaders();
		Object retryAfter = refusal.properties().get("retryAfterSeconds");
		if (retryAfter != null) {
			headers.set(HttpHeaders.RETRY_AFTER, retryAfter.toString());
		}
		return problem(status, headers, body);
	}

	@ExceptionHandler({ AccessDeniedException.class, AuthorizationDeniedException.class })
	ResponseEntity<ProblemDetail> denied(Exception e) {
		return problem(HttpStatus.FORBIDDEN, new HttpHeaders(),
				problems.create(HttpStatus.FORBIDDEN, "forbidden", new Object[0], locale()));
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception e) {
		if (DatabaseAway.causes(e)) {
			// a short answer the client may retry, never a hang or a 500
			log.warn("The database is out of reach: {}", e.getMessage());
			HttpHeaders headers = new HttpHeaders();
			headers.set(HttpHeaders.RETRY_AFTER, DatabaseAway.RETRY_AFTER_SECONDS);
			return problem(HttpStatus.SERVICE_UNAVAILABLE, headers,
					problems.create(HttpStatus.SERVICE_UNAVAILABLE, "service_unavailable", new Object[0], locale()));
		}
		if (unstorableText(e)) {
			return problem(HttpStatus.BAD_REQUEST, new HttpHeaders(),
					problems.create(HttpStatus.BAD_REQUEST, "invalid_characters", new Object[0], locale()));
		}
		log.error("Unexpected failure", e);
		return problem(HttpStatus.INTERNAL_SERVER_ERROR, new HttpHeaders(),
				problems.create(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error", new Object[0], locale()));
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Map<String, String>> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map(e -> Map.of("field", e.getField(), "message", String.valueOf(e.getDefaultMessage())))
			.toList();
		return invalidRequest(headers, errors);
	}

	/**
	 * A path or query parameter of the wrong type: a ticket id that is no UUID, a limit
	 * that is no number. Named, as a field of the body would be.
	 */
	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String name = ex instanceof MethodArgumentTypeMismatchException argument ? argument.getName()
				: String.valueOf(ex.getPropertyName());
		return invalidParameter(headers, name, "validation.not-valid");
	}

	@Override
	protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return invalidParameter(headers, ex.getParameterName(), "validation.required");
	}

	private ResponseEntity<Object> invalidParameter(HttpHeaders headers, String name, String message) {
		return invalidRequest(headers, List.of(Map.of("field", name, "message", problems.text(message, locale()))));
	}

	/** {@code invalid_request}, naming each field or parameter: {field, message}. */
	private ResponseEntity<Object> invalidRequest(HttpHeaders headers, List<Map<String, String>> errors) {
		ProblemDetail body = problems.create(HttpStatus.BAD_REQUEST, "invalid_request", new Object[0],
				Map.of("errors", errors), locale());
		return new ResponseEntity<>(body, problemHeaders(headers), HttpStatus.BAD_REQUEST);
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Map<String, String>> errors = ex.getParameterValidationResults()
			.stream()
			.flatMap(result -> result.getResolvableErrors()
				.stream()
				.map(e -> Map.of("field",
						e instanceof FieldError field ? field.getField()
								: String.valueOf(result.getMethodParameter().getParameterName()),
						"message", String.valueOf(e.getDefaultMessage()))))
			.toList();
		return invalidRequest(headers, errors);
	}

	/**
	 * Everything else Spring MVC reports (malformed JSON, 404, 405, 415, missing header
	 * ...).
	 */
	@Override
	protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
			WebRequest request) {
		ProblemDetail problem = problems.create(status, codeFor(status), new Object[0], locale());
		return new ResponseEntity<>(problem, problemHeaders(headers), status);
	}

	/**
	 * Text that PostgreSQL cannot store (a NUL byte inside a JSON string, a broken
	 * escape) is the client's mistake, found only when it reaches the database (directly,
	 * or through a library such as the rate limiter); the transaction has rolled back, so
	 * nothing changed.
	 */
	private static boolean unstorableText(Throwable e) {
		for (Throwable cause = e; cause != null; cause = cause.getCause()) {
			if (cause instanceof java.sql.SQLException sql
					&& ("22021".equals(sql.getSQLState()) || "22P05".equals(sql.getSQLState()))) {
				return true;
			}
		}
		return false;
	}

	static String codeFor(HttpStatusCode status) {
		return switch (status.value()) {
			case 400 -> "malformed_request";
			case 404 -> "not_found";
			case 405 -> "method_not_allowed";
			case 406 -> "not_acceptable";
			case 413 -> "payload_too_large";
			case 415 -> "unsupported_media_type";
			default -> status.is4xxClientError() ? "bad_request" : "internal_error";
		};
	}

	private static ResponseEntity<ProblemDetail> problem(HttpStatusCode status, HttpHeaders headers,
			ProblemDetail body) {
		return new ResponseEntity<>(body, problemHeaders(headers), status);
	}

	private static HttpHeaders problemHeaders(HttpHeaders headers) {
		HttpHeaders result = new HttpHeaders();
		result.addAll(headers);
		result.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		return result;
	}

	private static Locale locale() {
		return LocaleContextHolder.getLocale();
	}

}
