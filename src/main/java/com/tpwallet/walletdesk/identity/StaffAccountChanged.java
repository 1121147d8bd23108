package com.tpwallet.walletdesk.identity;

import com.tpwallet.walletdesk.platform.Actor;
import com.tpwallet.walletdesk.platform.AuditedAction;
import java.util.UUID;

/**
 * An administrator changed a staff account: {@code disabled}, {@code enabled},
 * {@code sessions_revoked}, {@code password_reset}.
 */
public record StaffAccountChanged(UUID staffId, Actor actor, String change, String details) implements AuditedAction {

	@Override
	public String action() {
		return "staff." + change;
	}

	@Override
	public String subjectKind() {
		return "staff";
	}

	@Override
	public UUID subjectId() {
		return staffId;
	}
}
