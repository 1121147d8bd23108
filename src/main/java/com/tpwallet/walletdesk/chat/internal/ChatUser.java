package com.tpwallet.walletdesk.chat.internal;

import com.tpwallet.walletdesk.platform.Caller;
import java.security.Principal;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Who is on a chat connection: a signed-in customer, a member of staff, or an anonymous
 * visitor known only by the random visitor id their client keeps. The name addresses the
 * user's queue across instances.
 */
record ChatUser(@Nullable Caller caller, @Nullable String visitorId) implements Principal {

	static ChatUser visitor(String visitorId) {
		return new ChatUser(null, visitorId);
	}

	@Override
	public String getName() {
		if (caller == null) {
			return "v:" + visitorId;
		}
		return (caller.isStaff() ? "s:" : "c:") + caller.id();
	}

	boolean isStaff() {
		return caller != null && caller.isStaff();
	}

	@Nullable UUID customerId() {
		return caller != null && !caller.isStaff() ? caller.id() : null;
	}

	String language() {
		return caller == null ? "en" : caller.language();
	}

	static String customerName(UUID customerId) {
		return "c:" + customerId;
	}

	static String staffName(UUID staffId) {
		return "s:" + staffId;
	}
}
