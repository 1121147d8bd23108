package com.tpwallet.walletdesk.translation.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the translator failed to do, kept in PostgreSQL (every instance reads the same
 * status): staff see whether the human fallback is in use, and why.
 */
@Component
class TranslationFailures {

	/** A failure this recent means the fallback is in use now. */
	static final Duration RECENT = Duration.ofMinutes(10);

	record Failure(String provider, String reason, Instant at) {
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	TranslationFailures(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Recorded on its own: the caller's transaction is about to roll back. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void record(String provider, String reason) {
		jdbc.sql("INSERT INTO translation_failure (provider, reason, at) VALUES (?, ?, ?)")
			.params(provider, reason.length() > 200 ? reason.substring(0, 200) : reason,
					Timestamp.from(clock.instant()))
			.update();
	}

	@Nullable Failure last() {
		return jdbc.sql("SELECT provider, reason, at FROM translation_failure ORDER BY at DESC, id DESC LIMIT 1")
			.query((rs, n) -> new Failure(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
			.optional()
			.orElse(null);
	}

	long since(Instant from) {
		return jdbc.sql("SELECT count(*) FROM translation_failure WHERE at >= ?")
			.param(Timestamp.from(from))
			.query(Long.class)
			.single();
	}

	boolean recent() {
		Failure last = last();
		return last != null && last.at().isAfter(clock.instant().minus(RECENT));
	}

	Instant now() {
		return clock.instant();
	}

}
