package com.tpwallet.walletdesk.platform;

import jakarta.servlet.http.HttpServletRequest;

/** Where a request came from, as recorded in logins and the audit log. */
public record ClientAddress(String ip, String userAgent) {

	public static final ClientAddress INTERNAL = new ClientAddress("internal", "walletdesk");

	public static ClientAddress of(HttpServletRequest request) {
		String agent = request.getHeader("User-Agent");
		return new ClientAddress(request.getRemoteAddr(), agent == null ? "" : truncate(agent));
	}

	private static String truncate(String value) {
		return value.length() > 200 ? value.substring(0, 200) : value;
	}
}
