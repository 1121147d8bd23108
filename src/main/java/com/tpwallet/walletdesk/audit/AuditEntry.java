package com.tpwallet.walletdesk.audit;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One recorded sensitive action. */
public record AuditEntry(long id, Instant at, String actorKind, @Nullable UUID actorId, String action,
		@Nullable String subjectKind, @Nullable UUID subjectId, String ip, String details) {
}
