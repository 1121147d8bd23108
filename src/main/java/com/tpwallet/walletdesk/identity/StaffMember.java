package com.tpwallet.walletdesk.identity;

import com.tpwallet.walletdesk.platform.Caller.Role;
import java.util.List;
import java.util.UUID;

/**
 * A staff user as other modules see them: who they are, their role and the languages they
 * serve in.
 */
public record StaffMember(UUID id, String username, String displayName, Role role, List<String> languages) {
}
