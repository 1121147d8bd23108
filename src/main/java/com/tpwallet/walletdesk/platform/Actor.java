package com.tpwallet.walletdesk.platform;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Who did something, and from where: recorded in the audit log. */
public record Actor(String kind, @Nullable UUID id, String ip) {

	public static Actor customer(UUID id, ClientAddress from) {
		return new Actor("customer", id, from.ip());
	}

	public static Actor staff(UUID id, ClientAddress from) {
		return new Actor("staff", id, from.ip());
	}

	public static Actor anonymous(ClientAddress from) {
		return new Actor("anonymous", null, from.ip());
	}

	public static Actor system() {
		return new Actor("system", null, "internal");
	}

	public static Actor of(Caller caller, ClientAddress from) {
		return caller.isStaff() ? staff(caller.id(), from) : customer(caller.id(), from);
	}
}
