package com.tpwallet.walletdesk.identity.internal;

import com.tpwallet.walletdesk.platform.Caller;
import com.tpwallet.walletdesk.platform.Refusal;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * While an administrator requires staff two-factor authentication, a staff member who has
 * not enrolled may only enrol (or sign out): every other API call is refused with 403
 * {@code two_factor_enrolment_required}. Runs after Spring Security has said who the
 * caller is; whether enrolment is due was read with the bearer token.
 */
@Component
@Order(0)
class StaffTwoFactorRequirement extends OncePerRequestFilter {

	private static final Set<String> ALLOWED = Set.of("/api/v1/staff/me/two-factor",
			"/api/v1/staff/me/two-factor/confirm", "/api/v1/auth/logout");

	private final HandlerExceptionResolver problems;

	StaffTwoFactorRequirement(@Qualifier("handlerExceptionResolver") HandlerExceptionResolver problems) {
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Caller caller = Caller.current().orElse(null);
		if (caller != null && caller.isStaff() && request.getRequestURI().startsWith("/api/")
				&& !ALLOWED.contains(request.getRequestURI()) && caller.twoFactorEnrolmentDue()) {
			problems.resolveException(request, response, null, Refusal.notAllowed("two_factor_enrolment_required"));
			return;
		}
		chain.doFilter(request, response);
	}

}
