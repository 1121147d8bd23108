package com.tpwallet.walletdesk.identity;

import com.tpwallet.walletdesk.platform.Caller.Role;
import java.util.Collection;

/**
 * Which customers a staff member may read and act on: supervisors and admins every one,
 * an agent the customers whose language they serve in. The one rule for every endpoint
 * that shows a customer to staff (profile, wallet, unlock, verified name, reset codes,
 * search); {@link IdentityApi#requireStaffReach} applies it.
 */
public final class StaffReach {

	private StaffReach() {
	}

	public static boolean reaches(Role role, Collection<String> staffLanguages, String customerLanguage) {
		return role.compareTo(Role.SUPERVISOR) >= 0 || staffLanguages.contains(customerLanguage);
	}

}
