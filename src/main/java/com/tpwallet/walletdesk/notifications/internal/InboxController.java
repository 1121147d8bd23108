package com.tpwallet.walletdesk.notifications.internal;

import com.tpwallet.walletdesk.notifications.InboxMessage;
import com.tpwallet.walletdesk.notifications.Notifications;
import com.tpwallet.walletdesk.platform.Caller;
import com.tpwallet.walletdesk.platform.CursorPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Inbox")
class InboxController {

	private final Notifications notifications;

	InboxController(Notifications notifications) {
		this.notifications = notifications;
	}

	@GetMapping("/api/v1/inbox")
	@Operation(summary = "My in-app messages (customers and staff), newest first, a page at a time")
	CursorPage<InboxMessage> inbox(@AuthenticationPrincipal Caller caller,
			@RequestParam(required = false) @Nullable String cursor,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
		return notifications.inbox(caller.id(), cursor, limit);
	}

}
