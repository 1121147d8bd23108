package com.tpwallet.walletdesk.identity.internal;

import com.tpwallet.walletdesk.platform.Caller;
import com.tpwallet.walletdesk.platform.Caller.Kind;
import com.tpwallet.walletdesk.platform.Caller.Role;
import com.tpwallet.walletdesk.platform.TokenAuthenticator;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Opaque bearer tokens kept in PostgreSQL (as SHA-256 digests), so that any instance can
 * check them and a log-out, a lock or a password change revokes them at once.
 */
@Component
class TokenStore implements TokenAuthenticator {

	private final JdbcClient jdbc;

	private final OneTimeCodes codes;

	private final Clock clock;

	private final Duration customerTtl;

	private final Duration staffTtl;

	TokenStore(JdbcClient jdbc, OneTimeCodes codes, Clock clock,
			@Value("${walletdesk.tokens.customer-ttl:PT24H}") Duration customerTtl,
			@Value("${walletdesk.tokens.staff-ttl:PT12H}") Duration staffTtl) {
		this.jdbc = jdbc;
		this.codes = codes;
		this.clock = clock;
		this.customerTtl = customerTtl;
		this.staffTtl = staffTtl;
	}

	record Issued(String token, Instant expiresAt) {
	}

	Issued issue(UUID subject, Kind kind) {
		String token = codes.token();
		Instant now = clock.instant();
		Instant expires = now.plus(kind == Kind.STAFF ? staffTtl : customerTtl);
		jdbc.sql(
				"INSERT INTO auth_token (token_hash, subject_id, subject_kind, created_at, expires_at) VALUES (?, ?, ?, ?, ?)")
			.params(digest(token), subject, kind.name(), Timestamp.from(now), Timestamp.from(expires))
			.update();
		return new Issued(token, expires);
	}

	void revoke(String token) {
		jdbc.sql("UPDATE auth_token SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL")
			.params(Timestamp.from(clock.instant()), digest(token))
			.update();
	}

	void revokeAll(UUID subject) {
		jdbc.sql("UPDATE auth_token SET revoked_at = ? WHERE subject_id = ? AND revoked_at IS NULL")
			.params(Timestamp.from(clock.instant()), subject)
			.update();
	}

	/**
	 * One statement outside a transaction: it runs before every authenticated request.
	 */
	@Override
	public Optional<Caller> authenticate(String token) {
		if (token.isEmpty() || token.length() > 100) {
			return Optional.empty();
		}
		return jdbc.sql("""
				SELECT t.subject_id, t.subject_kind,
				       c.language AS c_language, coalesce(c.phone, c.email) AS c_name,
				       s.role, s.languages, s.display_name,
				       NOT s.totp_enabled AND %s AS enrolment_due
				FROM auth_token t
				LEFT JOIN customer c ON t.subject_kind = 'CUSTOMER' AND c.id = t.subject_id
				LEFT JOIN staff_user s ON t.subject_kind = 'STAFF' AND s.id = t.subject_id
				WHERE t.token_hash = :hash AND t.revoked_at IS NULL AND t.expires_at > :now
				  AND (t.subject_kind <> 'STAFF' OR s.disabled_at IS NULL)""".formatted(StaffTwoFactor.REQUIRED_SQL))
			.param("hash", digest(token))
			.param("now", Timestamp.from(clock.instant()))
			.query((rs, n) -> {
				UUID id = rs.getObject("subject_id", UUID.class);
				if (Kind.valueOf(rs.getString("subject_kind")) == Kind.CUSTOMER) {
					return new Caller(id, Kind.CUSTOMER, Role.CUSTOMER, rs.getString("c_language"),
							rs.getString("c_name"));
				}
				return new Caller(id, Kind.STAFF, Role.valueOf(rs.getString("role")),
						rs.getString("languages").split(",")[0], rs.getString("display_name"),
						rs.getBoolean("enrolment_due"));
			})
			.optional();
	}

	private static String digest(String token) {
		return OneTimeCodes.digest("", token);
	}

}
