package com.tpwallet.walletdesk.audit;

import com.tpwallet.walletdesk.platform.AuditedAction;
import com.tpwallet.walletdesk.platform.CursorPage;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Records sensitive actions and lets staff read them back. */
public interface AuditLog {

	void record(AuditedAction action);

	/** Entries newest first, filtered by whichever criteria are given. */
	CursorPage<AuditEntry> find(Query query, @Nullable String cursor, int limit);

	record Query(@Nullable UUID subjectId, @Nullable UUID actorId, @Nullable String action) {
	}

}
