package com.tpwallet.walletdesk.telephony.internal;

import com.tpwallet.walletdesk.platform.Actor;
import com.tpwallet.walletdesk.platform.Caller;
import com.tpwallet.walletdesk.platform.ClientAddress;
import com.tpwallet.walletdesk.platform.PlainText;
import com.tpwallet.walletdesk.platform.Refusal;
import com.tpwallet.walletdesk.telephony.TelephonyEvents.NumberBlocked;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Abusive numbers staff block, with a reason; their calls are rejected. */
@Service
class BlockedNumbers {

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	BlockedNumbers(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	record Blocked(String number, String reason, UUID blockedBy, Instant blockedAt) {
	}

	boolean isBlocked(String e164) {
		return jdbc.sql("SELECT count(*) FROM blocked_number WHERE number = ?")
			.param(e164)
			.query(Long.class)
			.single() > 0;
	}

	@Transactional
	public Blocked block(String raw, String reason, Caller staff, ClientAddress from) {
		String number = PhoneNumbers.e164(raw).orElseThrow(() -> Refusal.unprocessable("phone_number_invalid"));
		String why = PlainText.of(reason);
		if (why.isEmpty()) {
			throw Refusal.unprocessable("block_reason_required");
		}
		Instant now = clock.instant();
		jdbc.sql("""
				INSERT INTO blocked_number (number, reason, blocked_by, blocked_at) VALUES (?, ?, ?, ?)
				ON CONFLICT (number) DO UPDATE SET reason = excluded.reason, blocked_by = excluded.blocked_by,
				  blocked_at = excluded.blocked_at""").params(number, why, staff.id(), Timestamp.from(now)).update();
		events.publishEvent(new NumberBlocked(Actor.of(staff, from), number, true, why));
		return new Blocked(number, why, staff.id(), now);
	}

	@Transactional
	public void unblock(String raw, Caller staff, ClientAddress from) {
		String number = PhoneNumbers.e164(raw).orElseThrow(() -> Refusal.unprocessable("phone_number_invalid"));
		if (jdbc.sql("DELETE FROM blocked_number WHERE number = ?").param(number).update() == 0) {
			throw Refusal.notFound("blocked_number_not_found");
		}
		events.publishEvent(new NumberBlocked(Actor.of(staff, from), number, false, ""));
	}

	List<Blocked> all() {
		return jdbc.sql("SELECT * FROM blocked_number ORDER BY blocked_at DESC")
			.query((rs, n) -> new Blocked(rs.getString("number"), rs.getString("reason"),
					rs.getObject("blocked_by", UUID.class), rs.getTimestamp("blocked_at").toInstant()))
			.list();
	}

}
