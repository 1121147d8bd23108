package com.tpwallet.walletdesk.identity.internal;

import com.tpwallet.walletdesk.platform.Caller.Role;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates the first administrator from configuration
 * ({@code WALLETDESK_ADMIN_USERNAME}/{@code _PASSWORD}).
 */
@Component
@Order(0)
class StaffBootstrap implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(StaffBootstrap.class);

	private final StaffAccounts staffAccounts;

	private final StaffRepository staff;

	private final String username;

	private final String password;

	StaffBootstrap(StaffAccounts staffAccounts, StaffRepository staff,
			@Value("${walletdesk.admin.username:admin}") String username,
			@Value("${walletdesk.admin.password:}") String password) {
		this.staffAccounts = staffAccounts;
		this.staff = staff;
		this.username = username;
		this.password = password;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (staff.exists(username)) {
			return;
		}
		if (password.isBlank()) {
			log.warn("No administrator yet: set WALLETDESK_ADMIN_PASSWORD to create '{}'", username);
			return;
		}
		staffAccounts.createStaff(new StaffAccounts.NewStaff(username, "Administrator", password, Role.ADMIN,
				List.of("en", "zh-CN", "fr", "de")));
		log.info("Created the first administrator '{}'", username);
	}

}
