package com.tpwallet.walletdesk.platform;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A request refused for a business reason. Carries the HTTP status, a stable machine-readable code
 * (also the message key {@code problem.<code>} in every bundle) and arguments for the message.
 * Mapped once, in {@code platform}, to an RFC 9457 problem in the caller's language.
 */
public class Refusal extends RuntimeException {

	private final HttpStatus status;
	private final String code;
	private final Object[] args;
	private final Map<String, Object> properties = new LinkedHashMap<>();

	public Refusal(HttpStatus status, String code, Object... args) {
		super(code);
		this.status = status;
		this.code = code;
		this.args = args;
	}

	public static Refusal unprocessable(String code, Object... args) {
		return new Refusal(HttpStatus.UNPROCESSABLE_CONTENT, code, args);
	}

	public static Refusal badRequest(String code, Object... args) {
		return new Refusal(HttpStatus.BAD_REQUEST, code, args);
	}

	public static Refusal notFound(String code, Object... args) {
		return new Refusal(HttpStatus.NOT_FOUND, code, args);
	}

	public static Refusal conflict(String code, Object... args) {
		return new Refusal(HttpStatus.CONFLICT, code, args);
	}

	/** Adds a machine-readable property to the problem body (e.g. {@code retryAfterSeconds}). */
	public Refusal with(String name, Object value) {
		properties.put(name, value);
		return this;
	}

	public HttpStatus status() {
		return status;
	}

	public String code() {
		return code;
	}

	public Object[] args() {
		return args.clone();
	}

	public Map<String, Object> properties() {
		return Map.copyOf(properties);
	}
}
