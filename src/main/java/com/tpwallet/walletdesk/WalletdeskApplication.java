package com.tpwallet.walletdesk;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableAsync;

@Modulithic(sharedModules = "platform")
@EnableAsync
@SpringBootApplication
public class WalletdeskApplication {

	public static void main(String[] args) {
		SpringApplication.run(WalletdeskApplication.class, args);
	}
}
