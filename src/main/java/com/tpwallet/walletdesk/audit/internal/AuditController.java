package com.tpwallet.walletdesk.audit.internal;

import com.tpwallet.walletdesk.audit.AuditEntry;
import com.tpwallet.walletdesk.audit.AuditLog;
import com.tpwallet.walletdesk.platform.CursorPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/staff/audit")
@Tag(name = "Audit")
class AuditController {

	private final AuditLog audit;

	AuditController(AuditLog audit) {
		this.audit = audit;
	}

	@GetMapping
	@PreAuthorize("hasRole('SUPERVISOR')")
	@Operation(summary = "Sensitive actions, newest first (supervisors and admins)")
	CursorPage<AuditEntry> find(@RequestParam(required = false) @Nullable UUID subjectId,
			@RequestParam(required = false) @Nullable UUID actorId,
			@RequestParam(required = false) @Nullable String action,
			@RequestParam(required = false) @Nullable String cursor,
			@RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
		return audit.find(new AuditLog.Query(subjectId, actorId, action), cursor, limit);
	}

}
