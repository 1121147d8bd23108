package com.tpwallet.walletdesk.platform;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;

/**
 * One sign-in for every staff page and tab: the session's token in a cookie the pages'
 * scripts cannot read ({@code HttpOnly}, {@code SameSite=Strict}, {@code Secure} over
 * TLS), and a CSRF token beside it that they can read and must send back in
 * {@code X-CSRF-Token} on every request that changes something (the double-submit
 * pattern: another site can make the browser send the cookies, never read them). API
 * clients keep using {@code Authorization: Bearer}.
 */
public final class SessionCookies {

	public static final String SESSION = "WD_SESSION";

	public static final String CSRF = "WD_CSRF";

	public static final String CSRF_HEADER = "X-CSRF-Token";

	private static final SecureRandom RANDOM = new SecureRandom();

	private SessionCookies() {
	}

	/** Sets both cookies for a session that lasts {@code life}. */
	public static void write(HttpServletResponse response, String token, Duration life, boolean secure) {
		byte[] csrf = new byte[32];
		RANDOM.nextBytes(csrf);
		response.addHeader(HttpHeaders.SET_COOKIE, cookie(SESSION, token, life, true, secure));
		response.addHeader(HttpHeaders.SET_COOKIE,
				cookie(CSRF, Base64.getUrlEncoder().withoutPadding().encodeToString(csrf), life, false, secure));
	}

	/** Signing out: both cookies go. */
	public static void clear(HttpServletResponse response, boolean secure) {
		response.addHeader(HttpHeaders.SET_COOKIE, cookie(SESSION, "", Duration.ZERO, true, secure));
		response.addHeader(HttpHeaders.SET_COOKIE, cookie(CSRF, "", Duration.ZERO, false, secure));
	}

	private static String cookie(String name, String value, Duration life, boolean httpOnly, boolean secure) {
		return ResponseCookie.from(name, value)
			.path("/")
			.httpOnly(httpOnly)
			.secure(secure)
			.sameSite("Strict")
			.maxAge(life.isNegative() ? Duration.ZERO : life)
			.build()
			.toString();
	}

	/** The session token a request carries in its cookie, if any. */
	public static Optional<String> token(HttpServletRequest request) {
		return value(request, SESSION);
	}

	/** Whether the request sends back the CSRF token its cookie holds. */
	public static boolean csrfMatches(HttpServletRequest request) {
		String header = request.getHeader(CSRF_HEADER);
		Optional<String> cookie = value(request, CSRF);
		return header != null && cookie.isPresent() && !header.isEmpty() && MessageDigest
			.isEqual(header.getBytes(StandardCharsets.UTF_8), cookie.get().getBytes(StandardCharsets.UTF_8));
	}

	private static Optional<String> value(HttpServletRequest request, String name) {
		@Nullable Cookie[] cookies = request.getCookies();
		if (cookies == null) {
			return Optional.empty();
		}
		for (Cookie c : cookies) {
			if (c != null && name.equals(c.getName()) && !c.getValue().isEmpty()) {
				return Optional.of(c.getValue());
			}
		}
		return Optional.empty();
	}

}
