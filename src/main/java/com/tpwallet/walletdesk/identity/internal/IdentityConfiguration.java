package com.tpwallet.walletdesk.identity.internal;

import com.tpwallet.walletdesk.platform.RateLimits.Limit;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

@Configuration(proxyBeanMethods = false)
class IdentityConfiguration {

	static final Limit LOGIN_PER_IP = new Limit("login-ip", 60, Duration.ofMinutes(1));
	static final Limit LOGIN_PER_ACCOUNT = new Limit("login-account", 20, Duration.ofMinutes(1));
	static final Limit RESET_PER_IP = new Limit("reset-ip", 10, Duration.ofMinutes(1));
	static final Limit RESET_CONFIRM_PER_IP = new Limit("reset-confirm-ip", 20, Duration.ofMinutes(1));
	static final Limit CREDENTIAL_PER_ACCOUNT = new Limit("credential-account", 10, Duration.ofMinutes(1));

	/**
	 * As many as sign-ins: people behind one carrier's shared address open accounts
	 * together (a family, a shop's staff, a launch day); the limit is against floods of
	 * accounts, which a 20 a minute still let through and which stopped legitimate
	 * bursts.
	 */
	static final Limit REGISTER_PER_IP = new Limit("register-ip", 60, Duration.ofMinutes(1));

	/** Argon2id with Spring Security's current parameters (16 MiB, 2 iterations). */
	@Bean
	PasswordEncoder passwordEncoder() {
		return Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
	}

}
