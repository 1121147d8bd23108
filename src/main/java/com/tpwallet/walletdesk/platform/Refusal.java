package com.tpwallet.walletdesk.platform;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request refused for a business reason: what kind of refusal it is, a stable
 * machine-readable code (also the message key {@code problem.<code>} in every bundle) and
 * arguments for the message. The domain says what went wrong; only the problem-details
 * advice in {@code platform} turns the kind into an HTTP status and an RFC 9457 problem
 * in the caller's language.
 */
public class Refusal extends RuntimeException {

	/**
	 * What kind of refusal, in the business's words; the web edge alone maps each to a
	 * status.
	 */
	public enum Kind {

		/** the input cannot be read or is not valid */
		INVALID_INPUT,
		/** the caller must sign in (again) */
		NOT_SIGNED_IN,
		/** the caller may not do this */
		NOT_ALLOWED,
		/** no such thing, or not the caller's */
		NOT_FOUND,
		/** it contradicts the current state (already done, taken, decided) */
		CONFLICT,
		/** more than may be sent at once */
		TOO_LARGE,
		/** understood, and refused by a business rule */
		RULE,
		/** the account is locked */
		LOCKED,
		/** too many attempts; try again later */
		TOO_MANY_ATTEMPTS,
		/** the service cannot do it right now */
		UNAVAILABLE

	}

	private final Kind kind;

	private final String code;

	private final Object[] args;

	private final Map<String, Object> properties = new LinkedHashMap<>();

	public Refusal(Kind kind, String code, Object... args) {
		super(code);
		this.kind = kind;
		this.code = code;
		this.args = args;
	}

	public static Refusal unprocessable(String code, Object... args) {
		return new Refusal(Kind.RULE, code, args);
	}

	public static Refusal badRequest(String code, Object... args) {
		return new Refusal(Kind.INVALID_INPUT, code, args);
	}

	public static Refusal notFound(String code, Object... args) {
		return new Refusal(Kind.NOT_FOUND, code, args);
	}

	public static Refusal conflict(String code, Object... args) {
		return new Refusal(Kind.CONFLICT, code, args);
	}

	public static Refusal notAllowed(String code, Object... args) {
		return new Refusal(Kind.NOT_ALLOWED, code, args);
	}

	public static Refusal notSignedIn(String code, Object... args) {
		return new Refusal(Kind.NOT_SIGNED_IN, code, args);
	}

	public static Refusal locked(String code, Object... args) {
		return new Refusal(Kind.LOCKED, code, args);
	}

	/**
	 * Adds a machine-readable property to the problem body (e.g.
	 * {@code retryAfterSeconds}).
	 */
	public Refusal with(String name, Object value) {
		properties.put(name, value);
		return this;
	}

	public Kind kind() {
		return kind;
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
