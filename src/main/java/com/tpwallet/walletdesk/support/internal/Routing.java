package com.tpwallet.walletdesk.support.internal;

import com.tpwallet.walletdesk.support.TicketStatus;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.tpwallet.walletdesk.identity.IdentityApi;
import com.tpwallet.walletdesk.identity.StaffMember;
import com.tpwallet.walletdesk.platform.Caller.Role;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Where a ticket goes: a queue by topic (guessed from the customer's words in any of the
 * four languages, or named by the caller) and language; then the available agent who
 * speaks that language, has spare capacity, and was given a ticket longest ago (round
 * robin).
 */
@Component
class Routing {

	static final List<String> TOPICS = List.of("account", "payments", "withdrawals", "disputes", "security", "general");

	private static final List<String> ORDER = List.of("security", "disputes", "withdrawals", "payments", "account");

	private final Map<String, List<String>> words = new LinkedHashMap<>();

	private final IdentityApi identity;

	private final JdbcClient jdbc;

	private final Clock clock;

	Routing(IdentityApi identity, JdbcClient jdbc, Clock clock) {
		this.identity = identity;
		this.jdbc = jdbc;
		this.clock = clock;
		Properties p = new Properties();
		try (var in = new InputStreamReader(new ClassPathResource("support/topics.properties").getInputStream(),
				StandardCharsets.UTF_8)) {
			p.load(in);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		for (String topic : ORDER) {
			words.put(topic, List.of(p.getProperty(topic, "").split(",")));
		}
	}

	String topicOf(String text) {
		String lower = text.toLowerCase(Locale.ROOT);
		return words.entrySet()
			.stream()
			.filter(e -> e.getValue().stream().anyMatch(w -> !w.isBlank() && lower.contains(w)))
			.map(Map.Entry::getKey)
			.findFirst()
			.orElse("general");
	}

	static String queue(String topic, String language) {
		return topic + "-" + language.toLowerCase(Locale.ROOT);
	}

	/**
	 * Picks an agent for the ticket and records the pick; empty when nobody can take it
	 * now.
	 */
	Optional<UUID> assign(String language) {
		List<StaffMember> speakers = new ArrayList<>();
		for (StaffMember m : identity.staffMembers()) {
			if (m.role() == Role.AGENT && m.languages().contains(language)) {
				speakers.add(m);
			}
		}
		if (speakers.isEmpty()) {
			return Optional.empty();
		}
		UUID[] ids = speakers.stream().map(StaffMember::id).toArray(UUID[]::new);
		// one statement for every speaker (200 agents were 200 round trips per new
		// ticket)
		jdbc.sql("INSERT INTO agent_presence (staff_id) SELECT unnest(?::uuid[]) ON CONFLICT DO NOTHING")
			.param(ids)
			.update();
		Optional<UUID> pick = jdbc
			.sql("""
					SELECT p.staff_id FROM agent_presence p
					WHERE p.staff_id = ANY(?) AND p.available
					  AND (SELECT count(*) FROM ticket t WHERE t.assignee_id = p.staff_id
					       AND t.status IN %s) < p.capacity
					ORDER BY p.last_assigned_at, p.staff_id LIMIT 1 FOR UPDATE OF p SKIP LOCKED"""
				.formatted(Ticket.ACTIVE_SQL))
			.param(ids)
			.query(UUID.class)
			.optional();
		pick.ifPresent(id -> jdbc.sql("UPDATE agent_presence SET last_assigned_at = ? WHERE staff_id = ?")
			.params(Timestamp.from(clock.instant()), id)
			.update());
		return pick;
	}

	boolean isQueue(String queue) {
		return jdbc.sql("SELECT count(*) FROM support_queue WHERE id = ?")
			.param(queue)
			.query(Integer.class)
			.single() > 0;
	}

	String languageOf(String queue) {
		return jdbc.sql("SELECT language FROM support_queue WHERE id = ?").param(queue).query(String.class).single();
	}

	/**
	 * The languages whose queues an agent works; supervisors and admins see every queue.
	 */
	Set<String> languagesOf(UUID staffId) {
		return identity.staffMember(staffId).map(m -> switch (m.role()) {
			case AGENT -> Set.copyOf(m.languages());
			case SUPERVISOR, ADMIN -> Set.of("zh-CN", "en", "fr", "de");
			// the product team works no queue
			case PRODUCT, CUSTOMER -> Set.<String>of();
		}).orElse(Set.of());
	}

	/**
	 * A staff member's availability and how many open tickets they can hold, as routing
	 * reads it.
	 */
	void setPresence(UUID staffId, boolean available, int capacity) {
		jdbc.sql("""
				INSERT INTO agent_presence (staff_id, available, capacity) VALUES (?, ?, ?)
				ON CONFLICT (staff_id) DO UPDATE SET available = excluded.available, capacity = excluded.capacity""")
			.params(staffId, available, capacity)
			.update();
	}

	record QueueFigures(String id, String topic, String language, long open, @JsonProperty("new") long fresh,
			long breached) {
	}

	/**
	 * The queues a staff member may see, with their open, new and breached ticket counts.
	 */
	List<QueueFigures> queuesSeenBy(UUID staffId) {
		return jdbc
			.sql("""
					SELECT q.id, q.topic, q.language,
					       count(t.id) FILTER (WHERE t.status IN %s) AS open,
					       count(t.id) FILTER (WHERE t.status = ?) AS fresh,
					       count(t.id) FILTER (WHERE t.status IN %s AND (t.first_response_breached OR t.resolution_breached)) AS breached
					FROM support_queue q LEFT JOIN ticket t ON t.queue_id = q.id
					WHERE q.language = ANY(?) GROUP BY q.id ORDER BY q.language, q.topic"""
				.formatted(Ticket.ACTIVE_SQL, Ticket.WAITING_ON_US_SQL))
			.params(TicketStatus.NEW.code(), languagesOf(staffId).toArray(String[]::new))
			.query((rs, n) -> new QueueFigures(rs.getString("id"), rs.getString("topic"), rs.getString("language"),
					rs.getLong("open"), rs.getLong("fresh"), rs.getLong("breached")))
			.list();
	}

}
