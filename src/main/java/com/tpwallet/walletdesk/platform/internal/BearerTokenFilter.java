package com.tpwallet.walletdesk.platform.internal;

import com.tpwallet.walletdesk.platform.Caller;
import com.tpwallet.walletdesk.platform.DatabaseAway;
import com.tpwallet.walletdesk.platform.SessionCookies;
import com.tpwallet.walletdesk.platform.TokenAuthenticator;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer ...} requests through the module that issued
 * the token, and staff pages' requests by their session cookie ({@link SessionCookies}),
 * refusing a cookie-authenticated change without the CSRF token.
 */
class BearerTokenFilter extends OncePerRequestFilter {

	private final TokenAuthenticator tokens;

	private final ProblemWriter problems;

	BearerTokenFilter(TokenAuthenticator tokens, ProblemWriter problems) {
		this.tokens = tokens;
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader("Authorization");
		boolean bearer = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
		java.util.Optional<String> cookie = bearer ? java.util.Optional.empty() : SessionCookies.token(request);
		if (cookie.isPresent() && changesSomething(request) && !SessionCookies.csrfMatches(request)) {
			// a browser sends cookies for any site's request; only our pages can echo the
			// token
			problems.write(request, response, org.springframework.http.HttpStatus.FORBIDDEN, "csrf_token_invalid");
			return;
		}
		if (bearer || cookie.isPresent()) {
			try {
				tokens.authenticate(bearer ? header.substring(7).trim() : cookie.get())
					// the cookie signs in staff pages only; customers' pages keep a token
					// per tab
					.filter(caller -> bearer || caller.isStaff())
					.ifPresent(BearerTokenFilter::signIn);
			}
			catch (RuntimeException e) {
				if (!DatabaseAway.causes(e)) {
					throw e;
				}
				// Before any controller: the problem advice cannot answer for this
				// filter.
				response.setHeader("Retry-After", DatabaseAway.RETRY_AFTER_SECONDS);
				problems.write(request, response, org.springframework.http.HttpStatus.SERVICE_UNAVAILABLE,
						"service_unavailable");
				return;
			}
		}
		chain.doFilter(request, response);
	}

	private static boolean changesSomething(HttpServletRequest request) {
		return !java.util.Set.of("GET", "HEAD", "OPTIONS").contains(request.getMethod());
	}

	static void signIn(Caller caller) {
		var authority = new SimpleGrantedAuthority("ROLE_" + caller.role().name());
		var authentication = new UsernamePasswordAuthenticationToken(caller, null, List.of(authority));
		SecurityContextHolder.getContext().setAuthentication(authentication);
	}

}
