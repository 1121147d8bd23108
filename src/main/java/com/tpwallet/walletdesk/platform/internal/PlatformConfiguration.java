package com.tpwallet.walletdesk.platform.internal;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.web.servlet.LocaleResolver;

@Configuration
@EnableScheduling
class PlatformConfiguration {

	/**
	 * Ticks in microseconds, as PostgreSQL keeps time: a moment the service answers with
	 * (a ticket's {@code createdAt} in the reply to its creation) is the moment it later
	 * reads back, not one with three more digits.
	 */
	@Bean
	Clock clock() {
		return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
	}

	@Bean
	SecureRandom secureRandom() {
		return new SecureRandom();
	}

	@Bean
	LocaleResolver localeResolver() {
		return new CallerLocaleResolver();
	}

	@Bean
	OpenAPI walletdeskOpenApi() {
		return new OpenAPI().info(new Info().title("walletdesk API")
			.version("v1")
			.description(
					"Customer accounts, wallet and service desk of tpWallet. Errors are RFC 9457 problems with a stable code."))
			.components(new Components().addSecuritySchemes("bearer",
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")))
			.addSecurityItem(new SecurityRequirement().addList("bearer"));
	}

}
