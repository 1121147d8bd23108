package com.tpwallet.walletdesk.platform;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A domain event that is also a sensitive action: the {@code audit} module records every
 * one of them in the same transaction as the action itself.
 */
public interface AuditedAction {

	Actor actor();

	/** A stable dotted name such as {@code customer.locked}. */
	String action();

	String subjectKind();

	@Nullable UUID subjectId();

	/** Short, secret-free context (never a password, code, token or full card number). */
	default String details() {
		return "";
	}

}
