package com.tpwallet.walletdesk.feedback.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Feedback, its groups and the corrections people made, in PostgreSQL. */
@Repository
class FeedbackStore {

	/** One piece of feedback as stored. */
	record Item(UUID id, @Nullable UUID customerId, String source, String channel, String language, String text,
			@Nullable String category, @Nullable String appVersion, @Nullable String device, @Nullable UUID ticketId,
			String kind, String area, String sentiment, double kindConfidence, double areaConfidence, boolean corrected,
			boolean confirmed, @Nullable UUID groupId, Instant createdAt) {
	}

	private final JdbcClient jdbc;

	FeedbackStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The group with this signature, created on first use. */
	UUID group(String signature, String area, List<String> themes, String kind, Instant now) {
		return jdbc.sql("""
				INSERT INTO feedback_group (id, signature, area, themes, kind, created_at) VALUES (?, ?, ?, ?, ?, ?)
				ON CONFLICT (signature) DO UPDATE SET signature = EXCLUDED.signature RETURNING id""")
			.params(UUID.randomUUID(), signature, area, themes.toArray(String[]::new), themes.isEmpty() ? kind : null,
					Timestamp.from(now))
			.query(UUID.class)
			.single();
	}

	/** Stores feedback; false when the ticket already gave its feedback. */
	boolean insert(Item f) {
		return jdbc.sql("""
				INSERT INTO feedback (id, customer_id, source, channel, language, text, category, app_version, device,
				  ticket_id, kind, area, sentiment, kind_confidence, area_confidence, confirmed, group_id, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
			.params(f.id(), f.customerId(), f.source(), f.channel(), f.language(), f.text(), f.category(),
					f.appVersion(), f.device(), f.ticketId(), f.kind(), f.area(), f.sentiment(), f.kindConfidence(),
					f.areaConfidence(), f.confirmed(), f.groupId(), Timestamp.from(f.createdAt()))
			.update() == 1;
	}

	Optional<Item> lock(UUID id) {
		return jdbc.sql("SELECT * FROM feedback WHERE id = ? FOR UPDATE")
			.param(id)
			.query(FeedbackStore::item)
			.optional();
	}

	Optional<Item> find(UUID ticketId) {
		return jdbc.sql("SELECT * FROM feedback WHERE ticket_id = ?")
			.param(ticketId)
			.query(FeedbackStore::item)
			.optional();
	}

	Optional<Item> byTicket(UUID ticketId) {
		return jdbc.sql("SELECT * FROM feedback WHERE ticket_id = ? FOR UPDATE")
			.param(ticketId)
			.query(FeedbackStore::item)
			.optional();
	}

	void relabel(UUID id, String kind, String area, String sentiment, UUID groupId) {
		jdbc.sql("UPDATE feedback SET kind = ?, area = ?, sentiment = ?, corrected = true, group_id = ? WHERE id = ?")
			.params(kind, area, sentiment, groupId, id)
			.update();
	}

	void confirm(UUID id) {
		jdbc.sql("UPDATE feedback SET confirmed = true WHERE id = ?").param(id).update();
	}

	void correction(UUID feedbackId, String field, String from, String to, UUID by, Instant at) {
		jdbc.sql("""
				INSERT INTO feedback_correction (feedback_id, field, old_value, new_value, corrected_by, corrected_at)
				VALUES (?, ?, ?, ?, ?, ?)""").params(feedbackId, field, from, to, by, Timestamp.from(at)).update();
	}

	/** Sets a group's status; answers false when there is no such group. */
	boolean groupStatus(UUID groupId, String status, @Nullable String announcement, Instant at) {
		return jdbc.sql("""
				UPDATE feedback_group SET status = ?, announcement = coalesce(?, announcement), status_changed_at = ?
				WHERE id = ?""").params(status, announcement, Timestamp.from(at), groupId).update() == 1;
	}

	/** The customers who gave a group's (confirmed) feedback, each once. */
	List<UUID> customersOf(UUID groupId) {
		return jdbc
			.sql("""
					SELECT DISTINCT customer_id FROM feedback WHERE group_id = ? AND confirmed AND customer_id IS NOT NULL""")
			.param(groupId)
			.query(UUID.class)
			.list();
	}

	static Item item(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Item(rs.getObject("id", UUID.class), rs.getObject("customer_id", UUID.class), rs.getString("source"),
				rs.getString("channel"), rs.getString("language"), rs.getString("text"), rs.getString("category"),
				rs.getString("app_version"), rs.getString("device"), rs.getObject("ticket_id", UUID.class),
				rs.getString("kind"), rs.getString("area"), rs.getString("sentiment"), rs.getDouble("kind_confidence"),
				rs.getDouble("area_confidence"), rs.getBoolean("corrected"), rs.getBoolean("confirmed"),
				rs.getObject("group_id", UUID.class), rs.getTimestamp("created_at").toInstant());
	}

}
