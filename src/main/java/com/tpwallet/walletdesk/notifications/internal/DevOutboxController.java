package com.tpwallet.walletdesk.notifications.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the development adapters "sent", newest first. Exists only in the demo and dev
 * profiles.
 */
@RestController
@Profile({ "demo", "dev" })
@Tag(name = "Development")
class DevOutboxController {

	record OutboxMessage(String channel, String to, String subject, String text, Instant sentAt) {
	}

	private final JdbcClient jdbc;

	DevOutboxController(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@GetMapping("/dev/outbox")
	@Operation(summary = "Messages the development SMS and e-mail adapters kept (demo/dev only)")
	List<OutboxMessage> outbox(@RequestParam(defaultValue = "100") int limit) {
		return jdbc.sql("""
				SELECT channel, recipient, subject, body, created_at FROM notification
				WHERE adapter = 'dev' ORDER BY created_at DESC LIMIT ?""")
			.param(Math.clamp(limit, 1, 500))
			.query((rs, n) -> new OutboxMessage(rs.getString("channel").toLowerCase(), rs.getString("recipient"),
					rs.getString("subject"), rs.getString("body"), rs.getTimestamp("created_at").toInstant()))
			.list();
	}

}
