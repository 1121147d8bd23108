package com.tpwallet.walletdesk.identity.internal;

import com.tpwallet.walletdesk.identity.NoticeChannel;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import static com.tpwallet.walletdesk.platform.SqlTime.instant;
import static com.tpwallet.walletdesk.platform.SqlTime.ts;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class CustomerRepository {

	private final JdbcClient jdbc;

	private final TotpSecretVault totpSecrets;

	CustomerRepository(JdbcClient jdbc, TotpSecretVault totpSecrets) {
		this.jdbc = jdbc;
		this.totpSecrets = totpSecrets;
	}

	/**
	 * Customers whose verified name contains the text (any case), at most {@code limit}.
	 */
	List<Customer> findByName(String text, int limit) {
		String like = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
		return jdbc.sql("SELECT * FROM customer WHERE verified_name ILIKE ? ORDER BY verified_name, id LIMIT ?")
			.params(like, limit)
			.query(this::map)
			.list();
	}

	/**
	 * Customers with an e-mail address, by id after {@code after}: one page of a mailing.
	 */
	List<Customer> withEmailAfter(UUID after, int limit) {
		return jdbc.sql("SELECT * FROM customer WHERE id > ? AND email IS NOT NULL ORDER BY id LIMIT ?")
			.params(after, limit)
			.query(this::map)
			.list();
	}

	Optional<Customer> find(UUID id) {
		return jdbc.sql("SELECT * FROM customer WHERE id = ?").param(id).query(this::map).optional();
	}

	/**
	 * Loads and row-locks the customer, so that counters change one request at a time.
	 */
	Optional<Customer> lock(UUID id) {
		return jdbc.sql("SELECT * FROM customer WHERE id = ? FOR UPDATE").param(id).query(this::map).optional();
	}

	Optional<Customer> findByPhone(String phone) {
		return jdbc.sql("SELECT * FROM customer WHERE phone = ?").param(phone).query(this::map).optional();
	}

	Optional<Customer> findByEmail(String email) {
		return jdbc.sql("SELECT * FROM customer WHERE email = ?").param(email).query(this::map).optional();
	}

	/** A customer by e-mail address, or by phone number in any common notation. */
	Optional<Customer> findByLogin(String login) {
		if (LoginNames.looksLikeEmail(login)) {
			return findByEmail(login.trim().toLowerCase(java.util.Locale.ROOT));
		}
		return LoginNames.parsePhone(login).flatMap(this::findByPhone);
	}

	java.util.List<Customer> findAll(java.util.Collection<UUID> ids) {
		return jdbc.sql("SELECT * FROM customer WHERE id = ANY(?)")
			.param(ids.toArray(UUID[]::new))
			.query(this::map)
			.list();
	}

	java.util.List<Customer> findByPhonesOrEmails(java.util.Collection<String> phones,
			java.util.Collection<String> emails) {
		return jdbc.sql("SELECT * FROM customer WHERE phone = ANY(?) OR email = ANY(?)")
			.params(phones.toArray(String[]::new), emails.toArray(String[]::new))
			.query(this::map)
			.list();
	}

	boolean phoneTaken(String phone) {
		return jdbc.sql("SELECT count(*) FROM customer WHERE phone = ?").param(phone).query(Integer.class).single() > 0;
	}

	boolean emailTaken(String email) {
		return jdbc.sql("SELECT count(*) FROM customer WHERE email = ?").param(email).query(Integer.class).single() > 0;
	}

	void insert(Customer c) {
		jdbc.sql(
				"""
						INSERT INTO customer (id, phone, email, password_hash, language, verified_name, password_changed_at, created_at)
						VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(c.id, c.phone, c.email, c.passwordHash, c.language, c.verifiedName, ts(c.passwordChangedAt),
					ts(c.createdAt))
			.update();
	}

	void update(Customer c) {
		jdbc.sql("""
				UPDATE customer SET phone = ?, email = ?, password_hash = ?, language = ?, verified_name = ?,
				  failed_logins = ?, locked_at = ?, password_changed_at = ?, totp_secret = ?, totp_enabled = ?,
				  totp_last_step = ?, pin_hash = ?, pin_failures = ?, pin_blocked_until = ?, notice_channel = ?
				WHERE id = ?""")
			.params(c.phone, c.email, c.passwordHash, c.language, c.verifiedName, c.failedLogins, ts(c.lockedAt),
					ts(c.passwordChangedAt), totpSecrets.seal(c.id, c.totpSecret), c.totpEnabled, c.totpLastStep,
					c.pinHash, c.pinFailures, ts(c.pinBlockedUntil),
					c.noticeChannel == null ? null : c.noticeChannel.code(), c.id)
			.update();
	}

	private Customer map(ResultSet rs, int row) throws SQLException {
		Customer c = new Customer(rs.getObject("id", UUID.class), rs.getString("phone"), rs.getString("email"),
				rs.getString("password_hash"), rs.getString("language"), instant(rs, "created_at"));
		c.verifiedName = rs.getString("verified_name");
		c.failedLogins = rs.getInt("failed_logins");
		c.lockedAt = instant(rs, "locked_at");
		c.passwordChangedAt = instant(rs, "password_changed_at");
		c.totpSecret = totpSecrets.open(c.id, rs.getString("totp_secret"));
		c.totpEnabled = rs.getBoolean("totp_enabled");
		c.totpLastStep = rs.getLong("totp_last_step");
		c.pinHash = rs.getString("pin_hash");
		c.pinFailures = rs.getInt("pin_failures");
		c.pinBlockedUntil = instant(rs, "pin_blocked_until");
		String channel = rs.getString("notice_channel");
		c.noticeChannel = channel == null ? null : NoticeChannel.ofCode(channel).orElse(null);
		return c;
	}

}
