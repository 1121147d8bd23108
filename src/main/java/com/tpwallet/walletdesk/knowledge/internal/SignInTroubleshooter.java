package com.tpwallet.walletdesk.knowledge.internal;

import com.tpwallet.walletdesk.identity.CustomerProfile;
import com.tpwallet.walletdesk.identity.IdentityApi;
import com.tpwallet.walletdesk.identity.LoginRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Cannot sign in: a locked account, recent wrong passwords, or refused two-factor codes.
 */
@Component
class SignInTroubleshooter implements Troubleshooter {

	/** As in identity: the fifth wrong entry in a row locks the account. */
	private static final int ATTEMPTS_BEFORE_LOCK = 5;

	private final IdentityApi identity;

	SignInTroubleshooter(IdentityApi identity) {
		this.identity = identity;
	}

	@Override
	public String id() {
		return "cannot-log-in";
	}

	@Override
	public String topic() {
		return "account";
	}

	@Override
	public boolean needsSignIn() {
		return false;
	}

	@Override
	public List<Finding> diagnose(Situation s) {
		CustomerProfile customer = s.customer();
		Wording w = s.words();
		if (customer.locked()) {
			return List.of(Finding.of("account_locked", true, w.text("finding.account_locked"), "account-locked",
					"contact-support"));
		}
		int wrongPasswords = 0;
		int refusedCodes = 0;
		Instant since = null;
		for (LoginRecord login : identity.recentLogins(customer.id(), 20)) {
			if (login.outcome().equals("success") || login.at().isBefore(s.now().minus(Duration.ofDays(1)))) {
				// only the failures since the last good sign-in count toward the lock
				break;
			}
			switch (login.outcome()) {
				case "wrong_password" -> wrongPasswords++;
				case "wrong_second_factor" -> refusedCodes++;
				default -> {
					continue;
				}
			}
			since = login.at();
		}
		List<Finding> findings = new ArrayList<>();
		int left = Math.max(1, ATTEMPTS_BEFORE_LOCK - wrongPasswords - refusedCodes);
		if (wrongPasswords > 0) {
			findings.add(Finding.of("wrong_password", true,
					w.text("finding.wrong_password", wrongPasswords, w.dateTime(since), left), "forgot-password"));
		}
		if (refusedCodes > 0) {
			findings.add(Finding.of("second_factor_refused", true,
					w.text("finding.second_factor_refused", refusedCodes, w.dateTime(since), left),
					"two-factor-authentication"));
		}
		if (findings.isEmpty()) {
			findings.add(nothingFound(w));
		}
		return findings;
	}

	/**
	 * The signed-out answer before the code is given, for every login: it tells nobody
	 * whether an account exists.
	 */
	static Finding codeSent(Wording w) {
		return Finding.of("code_sent", false, w.text("finding.code_sent"), "forgot-password", "account-locked");
	}

	/** Nothing stands in the way of signing in. */
	static Finding nothingFound(Wording w) {
		return Finding.of("nothing_found", false, w.text("finding.nothing_sign_in"), "forgot-password",
				"account-locked");
	}

}
