package com.tpwallet.walletdesk.platform.internal;

import com.tpwallet.walletdesk.platform.TokenAuthenticator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * Stateless bearer-token security for the API. Staff endpoints need a staff role (admin
 * includes supervisor includes agent); customers never reach them. Errors are problems
 * like any other.
 */
@Configuration
@EnableMethodSecurity
class SecurityConfiguration {

	/**
	 * A customer's own account, wallet and requests: refused to staff at the door (403
	 * customers_only), before a body is even read, so that what a staff token may do
	 * never depends on what it sends.
	 */
	static final String[] CUSTOMERS_ONLY = { "/api/v1/me", "/api/v1/me/**", "/api/v1/wallet",
			"/api/v1/wallet/transactions", "/api/v1/wallet/transactions/**", "/api/v1/wallet/top-ups",
			"/api/v1/wallet/payments", "/api/v1/wallet/transfers", "/api/v1/wallet/withdrawals",
			"/api/v1/chats/current", "/api/v1/chats/*/attachments", "/api/v1/chats/*/messages/*/unclear",
			"/api/v1/tickets", "/api/v1/tickets/*/satisfaction", "/api/v1/troubleshooters/*/tickets",
			"/api/v1/disputes", "/api/v1/disputes/**", "/api/v1/feedback", "/api/v1/feedback/*/screenshot",
			"/api/v1/announcements", "/api/v1/announcements/**" };

	/** Money and oversight: supervisors and admins. */
	static final String[] SUPERVISORS_ONLY = { "/api/v1/staff/customers/*/wallet/freeze",
			"/api/v1/staff/customers/*/wallet/unfreeze", "/api/v1/staff/transactions/*/refund", "/api/v1/staff/audit",
			"/api/v1/staff/dashboard", "/api/v1/staff/blocked-numbers", "/api/v1/staff/blocked-numbers/*",
			"/api/v1/staff/mailboxes", "/api/v1/staff/calls/statistics", "/api/v1/staff/risk/alerts/*/release",
			"/api/v1/staff/risk/alerts/*/confirm", "/api/v1/staff/disputes/report", "/api/v1/staff/announcements" };

	@Bean
	SecurityFilterChain api(HttpSecurity http, TokenAuthenticator tokens, ProblemWriter problems) throws Exception {
		http.csrf(csrf -> csrf.disable())
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.addFilterBefore(new BearerTokenFilter(tokens, problems), AnonymousAuthenticationFilter.class)
			.exceptionHandling(e -> e
				.authenticationEntryPoint(
						(req, res, ex) -> problems.write(req, res, HttpStatus.UNAUTHORIZED, "unauthenticated"))
				.accessDeniedHandler((req, res, ex) -> problems.write(req, res, HttpStatus.FORBIDDEN,
						customersOnly(req) ? "customers_only" : "forbidden")))
			// HSTS goes out on every secure request: TLS on the socket, or
			// X-Forwarded-Proto from a trusted proxy.
			.headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(
					"default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'"))
				.httpStrictTransportSecurity(hsts -> hsts.maxAgeInSeconds(31_536_000).includeSubDomains(true)))
			.authorizeHttpRequests(auth -> auth.requestMatchers(HttpMethod.POST, "/api/v1/customers")
				.permitAll()
				.requestMatchers("/api/v1/auth/login", "/api/v1/auth/password-reset",
						"/api/v1/auth/password-reset/confirm", "/api/v1/auth/unlock", "/api/v1/wallet/gateway/callback",
						"/api/v1/merchant-disputes/callback",
						// the phone system's webhook (its secret is in the path) and the
						// voice platform's IVR
						"/api/v1/cti/*", "/api/v1/telephony/ivr")
				.permitAll()
				.requestMatchers(HttpMethod.GET, "/api/v1/articles", "/api/v1/articles/**")
				.permitAll()
				.requestMatchers(HttpMethod.POST, "/api/v1/answers", "/api/v1/troubleshooters/cannot-log-in/diagnosis",
						"/api/v1/visitor-messages")
				.permitAll()
				.requestMatchers(HttpMethod.GET, "/api/v1/troubleshooters")
				.permitAll()
				.requestMatchers("/ws/chat", "/ws/chat/**")
				.permitAll()
				.requestMatchers(HttpMethod.GET, "/api/v1/chats/texts")
				.permitAll()
				.requestMatchers(CUSTOMERS_ONLY)
				.hasRole("CUSTOMER")
				.requestMatchers(SUPERVISORS_ONLY)
				.hasRole("SUPERVISOR")
				.requestMatchers("/api/v1/admin/**")
				.hasRole("ADMIN")
				.requestMatchers("/api/v1/product/**")
				.hasRole("PRODUCT")
				.requestMatchers("/api/v1/translation/**")
				.hasRole("AGENT")
				.requestMatchers("/api/v1/staff/**")
				.hasRole("AGENT")
				.requestMatchers("/api/v1/**")
				.authenticated()
				.requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/prometheus", "/actuator/info")
				.permitAll()
				.requestMatchers("/actuator/**")
				.hasRole("ADMIN")
				.anyRequest()
				.permitAll());
		return http.build();
	}

	private static boolean customersOnly(jakarta.servlet.http.HttpServletRequest request) {
		var matcher = org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.withDefaults();
		return java.util.Arrays.stream(CUSTOMERS_ONLY).anyMatch(pattern -> matcher.matcher(pattern).matches(request));
	}

	/**
	 * No observations of Spring Security's own work. Disabling them by name
	 * ({@code management.observations.enable}) only makes them no-ops: each of its
	 * filters is still wrapped in an observation on every request, a tenth of a request's
	 * CPU in a profile of {@code bench/run}'s HTTP run. The request's own observation
	 * (http.server.requests) stays.
	 */
	@Bean
	static SecurityObservationSettings securityObservations() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	static RoleHierarchy roleHierarchy() {
		return RoleHierarchyImpl.fromHierarchy("""
				ROLE_ADMIN > ROLE_SUPERVISOR
				ROLE_SUPERVISOR > ROLE_AGENT
				ROLE_SUPERVISOR > ROLE_PRODUCT
				""");
	}

}
