package com.tpwallet.walletdesk.mail.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} says DOWN when a configured mailbox has failed for a minute or
 * has not been read for five: mail is then not reaching the desk.
 */
@Component("mailboxes")
class MailboxHealth extends AbstractHealthIndicator {

	static final Duration FAILING_FOR = Duration.ofMinutes(1);

	static final Duration SILENT_FOR = Duration.ofMinutes(5);

	private final MailboxStates states;

	MailboxHealth(MailboxStates states) {
		this.states = states;
	}

	/** A failure to answer (the database away) is DOWN, as the framework reports it. */
	@Override
	protected void doHealthCheck(Health.Builder health) {
		List<MailboxStates.State> all = states.all();
		Map<String, Object> details = new LinkedHashMap<>();
		all.forEach(s -> details.put(s.name(), s.reading() ? "reading" : "stopped: " + s.problem()));
		boolean down = all.stream().anyMatch(s -> !s.reading());
		(down ? health.down() : health.up()).withDetails(details);
	}

	/** The configured mailboxes and whether each is being read. */
	@Component
	static class MailboxStates {

		private final MailProperties properties;

		private final MailStore store;

		private final Clock clock;

		MailboxStates(MailProperties properties, MailStore store, Clock clock) {
			this.properties = properties;
			this.store = store;
			this.clock = clock;
		}

		record State(String name, boolean reading, @org.jspecify.annotations.Nullable Instant lastReadAt,
				@org.jspecify.annotations.Nullable String problem) {
		}

		List<State> all() {
			if (!properties.enabled() || properties.mailboxes().isEmpty()) {
				return List.of();
			}
			Instant now = clock.instant();
			Map<String, MailStore.MailboxState> known = new LinkedHashMap<>();
			store.mailboxes().forEach(m -> known.put(m.name(), m));
			return properties.mailboxes().stream().map(box -> {
				MailStore.MailboxState s = known.get(box.name());
				if (s == null || s.lastReadAt() == null) {
					boolean failing = s != null && s.failingSince() != null;
					return new State(box.name(), !failing, null, failing ? s.lastError() : null);
				}
				boolean failing = s.failingSince() != null && s.failingSince().isBefore(now.minus(FAILING_FOR));
				boolean silent = s.lastReadAt().isBefore(now.minus(SILENT_FOR));
				String problem = failing ? s.lastError() : silent ? "not read since " + s.lastReadAt() : null;
				return new State(box.name(), !failing && !silent, s.lastReadAt(), problem);
			}).toList();
		}

	}

}
