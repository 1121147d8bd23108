package com.tpwallet.walletdesk.identity.internal;

import com.tpwallet.walletdesk.platform.Caller.Role;
import com.tpwallet.walletdesk.platform.ClientAddress;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The demo profile's people, so a newcomer can sign in at once (all with password
 * {@code Demo!pass-2026}). Seeded once; a restart keeps what is there.
 */
@Component
@Profile("demo")
@Order(1)
class DemoData implements ApplicationRunner {

	static final String PASSWORD = "Demo!pass-2026";

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	private final CustomerAccounts accounts;

	private final CustomerRepository customers;

	private final StaffAccounts staffAccounts;

	private final StaffRepository staff;

	private final PasswordEncoder passwords;

	/**
	 * The demo password's one hash, shared by every demo account (they share the
	 * password).
	 */
	private @Nullable String demoHash;

	DemoData(CustomerAccounts accounts, CustomerRepository customers, StaffAccounts staffAccounts,
			StaffRepository staff, PasswordEncoder passwords) {
		this.passwords = passwords;
		this.accounts = accounts;
		this.customers = customers;
		this.staffAccounts = staffAccounts;
		this.staff = staff;
	}

	@Override
	public void run(ApplicationArguments args) throws IOException {
		for (String[] c : rows("demo/customers.csv")) {
			customer(c[0], c[1], c[2], c[3]);
		}
		for (String[] a : rows("demo/staff.csv")) {
			agent(a[0], a[1], Role.valueOf(a[2]), List.of(a[3].split(";")));
		}
		log.info("Demo data ready: see src/main/resources/demo/*.csv (the demo password is in the README)");
	}

	private String demoHash(String password) {
		if (demoHash == null) {
			demoHash = passwords.encode(password);
		}
		return demoHash;
	}

	private static List<String[]> rows(String resource) throws IOException {
		String text = new ClassPathResource(resource).getContentAsString(StandardCharsets.UTF_8);
		return text.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).map(l -> l.split(",")).toList();
	}

	private void customer(String phone, String email, String language, String name) {
		if (customers.phoneTaken(phone)) {
			return;
		}
		accounts.register(new CustomerAccounts.Registration(phone, email, PASSWORD, language, name),
				ClientAddress.INTERNAL, this::demoHash);
	}

	private void agent(String username, String name, Role role, List<String> languages) {
		if (!staff.exists(username)) {
			staffAccounts.createStaff(new StaffAccounts.NewStaff(username, name, PASSWORD, role, languages),
					this::demoHash);
		}
	}

}
