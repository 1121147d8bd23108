package com.tpwallet.walletdesk.platform;

import org.springframework.http.HttpStatus;

/**
 * The one mapping from a refusal's kind to an HTTP status, for the web edge: the
 * problem-details advice, and the idempotency layer that stores an answer to replay it.
 */
public final class RefusalStatus {

	private RefusalStatus() {
	}

	public static HttpStatus of(Refusal.Kind kind) {
		return switch (kind) {
			case INVALID_INPUT -> HttpStatus.BAD_REQUEST;
			case NOT_SIGNED_IN -> HttpStatus.UNAUTHORIZED;
			case NOT_ALLOWED -> HttpStatus.FORBIDDEN;
			case NOT_FOUND -> HttpStatus.NOT_FOUND;
			case CONFLICT -> HttpStatus.CONFLICT;
			case TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
			case RULE -> HttpStatus.UNPROCESSABLE_CONTENT;
			case LOCKED -> HttpStatus.LOCKED;
			case TOO_MANY_ATTEMPTS -> HttpStatus.TOO_MANY_REQUESTS;
			case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
		};
	}

	/** The kind a stored status stands for (a replayed answer). */
	public static Refusal.Kind kindOf(int status) {
		for (Refusal.Kind kind : Refusal.Kind.values()) {
			if (of(kind).value() == status) {
				return kind;
			}
		}
		return status >= 500 ? Refusal.Kind.UNAVAILABLE : Refusal.Kind.INVALID_INPUT;
	}

}
