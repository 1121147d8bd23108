package com.tpwallet.walletdesk.identity.internal;

import com.tpwallet.walletdesk.platform.Caller.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class StaffRepository {

	private final JdbcClient jdbc;

	private final TotpSecretVault totpSecrets;

	StaffRepository(JdbcClient jdbc, TotpSecretVault totpSecrets) {
		this.jdbc = jdbc;
		this.totpSecrets = totpSecrets;
	}

	Optional<StaffUser> lock(UUID id) {
		return jdbc.sql("SELECT * FROM staff_user WHERE id = ? FOR UPDATE").param(id).query(this::map).optional();
	}

	Optional<StaffUser> find(UUID id) {
		return jdbc.sql("SELECT * FROM staff_user WHERE id = ?").param(id).query(this::map).optional();
	}

	Optional<StaffUser> lockByUsername(String username) {
		return jdbc.sql("SELECT * FROM staff_user WHERE username = ? FOR UPDATE")
			.param(username)
			.query(this::map)
			.optional();
	}

	boolean exists(String username) {
		return jdbc.sql("SELECT count(*) FROM staff_user WHERE username = ?")
			.param(username)
			.query(Integer.class)
			.single() > 0;
	}

	List<StaffUser> all() {
		return jdbc.sql("SELECT * FROM staff_user ORDER BY username").query(this::map).list();
	}

	void insert(StaffUser s, Instant now) {
		jdbc.sql("""
				INSERT INTO staff_user (id, username, display_name, password_hash, role, languages, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?)""")
			.params(s.id, s.username, s.displayName, s.passwordHash, s.role.name(), s.languages, Timestamp.from(now))
			.update();
	}

	void update(StaffUser s) {
		jdbc.sql(
				"""
						UPDATE staff_user SET display_name = ?, password_hash = ?, role = ?, languages = ?, failed_logins = ?,
						  locked_until = ?, disabled_at = ?, totp_secret = ?, totp_enabled = ?, totp_last_step = ? WHERE id = ?""")
			.params(s.displayName, s.passwordHash, s.role.name(), s.languages, s.failedLogins,
					com.tpwallet.walletdesk.platform.SqlTime.ts(s.lockedUntil),
					com.tpwallet.walletdesk.platform.SqlTime.ts(s.disabledAt), totpSecrets.seal(s.id, s.totpSecret),
					s.totpEnabled, s.totpLastStep, s.id)
			.update();
	}

	private StaffUser map(ResultSet rs, int row) throws SQLException {
		StaffUser s = new StaffUser(rs.getObject("id", UUID.class), rs.getString("username"),
				rs.getString("display_name"), rs.getString("password_hash"), Role.valueOf(rs.getString("role")),
				rs.getString("languages"));
		s.failedLogins = rs.getInt("failed_logins");
		s.lockedUntil = com.tpwallet.walletdesk.platform.SqlTime.instant(rs, "locked_until");
		s.disabledAt = com.tpwallet.walletdesk.platform.SqlTime.instant(rs, "disabled_at");
		s.totpSecret = totpSecrets.open(s.id, rs.getString("totp_secret"));
		s.totpEnabled = rs.getBoolean("totp_enabled");
		s.totpLastStep = rs.getLong("totp_last_step");
		return s;
	}

}
