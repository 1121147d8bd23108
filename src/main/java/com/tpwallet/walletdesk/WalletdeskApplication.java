package com.tpwallet.walletdesk;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableAsync;

@Modulithic(sharedModules = "platform")
@EnableAsync
// Callers are authenticated by bearer tokens (BearerTokenFilter), never by a user-details
// service: Boot's default one
// only generated a password and wrote it to the log.
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
public class WalletdeskApplication {

	public static void main(String[] args) {
		SpringApplication.run(WalletdeskApplication.class, args);
	}

}
