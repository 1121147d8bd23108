package com.tpwallet.walletdesk.chat.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Conversations and their messages in PostgreSQL; a message gets the next sequence number
 * under the conversation's row lock.
 */
@Repository
class ChatStore {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Clock clock;

	ChatStore(JdbcClient jdbc, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
	}

	Conversation create(@Nullable UUID customerId, @Nullable String visitorId, @Nullable String language) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO chat_conversation (id, customer_id, visitor_id, language, status, created_at)
				VALUES (?, ?, ?, ?, ?, ?)""")
			.params(id, customerId, visitorId, language, ChatStatus.BOT.code(), Timestamp.from(clock.instant()))
			.update();
		return find(id).orElseThrow();
	}

	Optional<Conversation> find(UUID id) {
		return jdbc.sql("SELECT * FROM chat_conversation WHERE id = ?")
			.param(id)
			.query(ChatStore::conversation)
			.optional();
	}

	/**
	 * The conversation, locked for the rest of the transaction (status changes and
	 * sequence numbers serialise on it).
	 */
	Optional<Conversation> lock(UUID id) {
		return jdbc.sql("SELECT * FROM chat_conversation WHERE id = ? FOR UPDATE")
			.param(id)
			.query(ChatStore::conversation)
			.optional();
	}

	/** The customer's or visitor's conversation that has not ended, if any. */
	Optional<Conversation> open(@Nullable UUID customerId, @Nullable String visitorId) {
		// One query per owner kind, so that each uses its index.
		String owner = customerId != null ? "customer_id = ?" : "visitor_id = ?";
		return jdbc
			.sql("SELECT * FROM chat_conversation WHERE " + owner + " AND status <> ? ORDER BY created_at DESC LIMIT 1")
			.params(customerId != null ? customerId : visitorId, ChatStatus.ENDED.code())
			.query(ChatStore::conversation)
			.optional();
	}

	/** The latest conversation, ended or not (for the rating after the end). */
	Optional<Conversation> latest(@Nullable UUID customerId, @Nullable String visitorId) {
		String owner = customerId != null ? "customer_id = ?" : "visitor_id = ?";
		return jdbc.sql("SELECT * FROM chat_conversation WHERE " + owner + " ORDER BY created_at DESC LIMIT 1")
			.param(customerId != null ? customerId : visitorId)
			.query(ChatStore::conversation)
			.optional();
	}

	/** The customer the chat's visitor was proven to be. */
	void verify(UUID conversationId, UUID customerId) {
		jdbc.sql("UPDATE chat_conversation SET verified_customer_id = ? WHERE id = ?")
			.params(customerId, conversationId)
			.update();
	}

	Optional<UUID> verifiedCustomer(UUID conversationId) {
		return jdbc.sql("SELECT verified_customer_id FROM chat_conversation WHERE id = ?")
			.param(conversationId)
			.query((rs, n) -> Optional.ofNullable(rs.getObject(1, UUID.class)))
			.optional()
			.flatMap(x -> x);
	}

	/** A visitor signed in: their conversations become the customer's. */
	int claim(String visitorId, UUID customerId) {
		return jdbc.sql(
				"UPDATE chat_conversation SET customer_id = ?, visitor_id = NULL WHERE visitor_id = ? AND customer_id IS NULL")
			.params(customerId, visitorId)
			.update();
	}

	/**
	 * A message appended together with the conversation as it is now (locked until the
	 * transaction ends).
	 */
	record Appended(Conversation conversation, ChatMessage message) {
	}

	/**
	 * Appends a customer's or agent's text in one statement: takes the next sequence
	 * number (locking the conversation's row) and returns the conversation's current
	 * state, so the caller knows whom to tell.
	 */
	Appended appendText(UUID conversationId, ChatMessage.Sender from, @Nullable UUID author, String text) {
		return appendText(conversationId, from, author, null, text);
	}

	/** An agent's text, signed with the agent's name as the customer sees it. */
	Appended appendText(UUID conversationId, ChatMessage.Sender from, @Nullable UUID author,
			@Nullable String authorName, String text) {
		Appended appended = appendTexts(List.of(new Text(conversationId, from, author, authorName, text))).getFirst();
		if (appended == null) {
			throw new IllegalStateException("no conversation " + conversationId);
		}
		return appended;
	}

	/** A text for {@link #appendTexts}. */
	record Text(UUID conversationId, ChatMessage.Sender from, @Nullable UUID author, @Nullable String authorName,
			String text) {
	}

	/**
	 * Appends texts to distinct conversations in one statement, as {@link #appendText}
	 * does one; in the texts' order, null for a conversation that does not exist. The
	 * rows are locked in the order of their ids.
	 */
	List<@Nullable Appended> appendTexts(List<Text> texts) {
		Timestamp now = Timestamp.from(clock.instant());
		UUID[] ids = texts.stream().map(Text::conversationId).toArray(UUID[]::new);
		Map<UUID, Conversation> chats = new HashMap<>();
		jdbc.sql(
				"""
						WITH t AS (SELECT * FROM unnest(?::uuid[], ?::text[], ?::uuid[], ?::text[], ?::text[])
						             AS t(conversation_id, sender, author_id, author_name, text)),
						     c AS (UPDATE chat_conversation SET last_seq = last_seq + 1 WHERE id = ANY(?::uuid[]) RETURNING *),
						     m AS (INSERT INTO chat_message (conversation_id, seq, sender, author_id, author_name, text, sent_at)
						           SELECT c.id, c.last_seq, t.sender, t.author_id, t.author_name, t.text, ?
						           FROM c JOIN t ON t.conversation_id = c.id)
						SELECT * FROM c""")
			.params(ids, texts.stream().map(t -> t.from().code()).toArray(String[]::new),
					texts.stream().map(Text::author).toArray(UUID[]::new),
					texts.stream().map(Text::authorName).toArray(String[]::new),
					texts.stream().map(Text::text).toArray(String[]::new), ids, now)
			.query(ChatStore::conversation)
			.list()
			.forEach(c -> chats.put(c.id(), c));
		List<@Nullable Appended> appended = new ArrayList<>(texts.size());
		for (Text t : texts) {
			Conversation c = chats.get(t.conversationId());
			appended.add(c == null ? null : new Appended(c, new ChatMessage(c.id(), c.lastSeq(), t.from(), t.text(),
					null, null, null, now.toInstant(), null, null, t.authorName())));
		}
		return appended;
	}

	ChatMessage append(UUID conversationId, ChatMessage.Draft draft) {
		var articles = draft.articles();
		var buttons = draft.buttons();
		var attachment = draft.attachment();
		int seq = jdbc.sql("UPDATE chat_conversation SET last_seq = last_seq + 1 WHERE id = ? RETURNING last_seq")
			.param(conversationId)
			.query(Integer.class)
			.single();
		Instant now = clock.instant();
		jdbc.sql(
				"""
						INSERT INTO chat_message (conversation_id, seq, sender, author_id, text, articles, buttons, attachment_id, attachment_name,
						  attachment_type, sent_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(conversationId, seq, draft.from().code(), draft.author(), draft.text(),
					articles == null ? null : json.writeValueAsString(articles),
					buttons == null ? null : json.writeValueAsString(buttons),
					attachment == null ? null : attachment.id(), attachment == null ? null : attachment.fileName(),
					attachment == null ? null : attachment.mediaType(), Timestamp.from(now))
			.update();
		return new ChatMessage(conversationId, seq, draft.from(), draft.text(), articles, buttons, attachment, now);
	}

	/** The messages after {@code seq}, in order: what a reconnecting client missed. */
	List<ChatMessage> after(UUID conversationId, int seq, @Nullable UUID ticketId) {
		return jdbc.sql("SELECT * FROM chat_message WHERE conversation_id = ? AND seq > ? ORDER BY seq")
			.params(conversationId, seq)
			.query((rs, n) -> message(rs, ticketId))
			.list();
	}

	void setLanguage(UUID id, String language) {
		jdbc.sql("UPDATE chat_conversation SET language = ? WHERE id = ? AND language IS NULL")
			.params(language, id)
			.update();
	}

	/** Writes a conversation after one of its transitions; returns it. */
	Conversation save(Conversation c) {
		jdbc.sql("""
				UPDATE chat_conversation SET status = ?, agent_id = ?, ticket_id = ?, queued_at = ?, ended_at = ?
				WHERE id = ?""")
			.params(c.status().code(), c.agentId(), c.ticketId(), timestamp(c.queuedAt()), timestamp(c.endedAt()),
					c.id())
			.update();
		return c;
	}

	private static @Nullable Timestamp timestamp(@Nullable Instant at) {
		return at == null ? null : Timestamp.from(at);
	}

	void rate(UUID id, int score) {
		jdbc.sql("UPDATE chat_conversation SET satisfaction = ? WHERE id = ?").params(score, id).update();
	}

	void read(UUID id, boolean byAgent, int seq) {
		jdbc.sql("UPDATE chat_conversation SET " + (byAgent ? "agent_read" : "customer_read") + " = greatest("
				+ (byAgent ? "agent_read" : "customer_read") + ", least(?, last_seq)) WHERE id = ?")
			.params(seq, id)
			.update();
	}

	int activeChats(UUID agentId) {
		return jdbc.sql("SELECT count(*) FROM chat_conversation WHERE agent_id = ? AND status = ?")
			.params(agentId, ChatStatus.AGENT.code())
			.query(Integer.class)
			.single();
	}

	/** Waiting conversations of some languages, longest waiting first. */
	List<Conversation> waiting(List<String> languages) {
		return waiting(languages, languages);
	}

	/**
	 * Waiting conversations of some languages, longest waiting first; of those that need
	 * a speaker of their language, only those in {@code spoken}.
	 */
	List<Conversation> waiting(List<String> languages, List<String> spoken) {
		return jdbc.sql("""
				SELECT * FROM chat_conversation WHERE status = ? AND language = ANY(?)
				AND (NOT needs_speaker OR language = ANY(?)) ORDER BY queued_at, id""")
			.params(ChatStatus.QUEUED.code(), languages.toArray(String[]::new), spoken.toArray(String[]::new))
			.query(ChatStore::conversation)
			.list();
	}

	/** From now on only a person who speaks the chat's language may take it. */
	void requireSpeaker(UUID id) {
		jdbc.sql("UPDATE chat_conversation SET needs_speaker = TRUE WHERE id = ?").param(id).update();
	}

	boolean needsSpeaker(UUID id) {
		return jdbc.sql("SELECT needs_speaker FROM chat_conversation WHERE id = ?")
			.param(id)
			.query(Boolean.class)
			.single();
	}

	/**
	 * A customer's message as the agent reads it: with its machine translation, kept
	 * beside the original, when it has one.
	 */
	ChatMessage forAgent(ChatMessage written, ChatMessage.@Nullable Translated translation) {
		if (translation == null) {
			return written;
		}
		keepTranslation(written, "translation", translation);
		return written.translatedForAgent(translation);
	}

	/** Keeps a message's translation, or the original of a message sent translated. */
	void keepTranslation(ChatMessage message, String kind, ChatMessage.Translated translated) {
		jdbc.sql("""
				UPDATE chat_message SET translation_kind = ?, translation_text = ?, translation_language = ?,
				translation_provider = ? WHERE conversation_id = ? AND seq = ?""")
			.params(kind, translated.text(), translated.language(), translated.provider(), message.conversationId(),
					message.seq())
			.update();
	}

	/** Whether machine translation carried a message (either way). */
	boolean isTranslated(UUID conversationId, int seq) {
		return jdbc.sql(
				"SELECT count(*) FROM chat_message WHERE conversation_id = ? AND seq = ? AND translation_kind IS NOT NULL")
			.params(conversationId, seq)
			.query(Long.class)
			.single() > 0;
	}

	List<Conversation> withAgent(UUID agentId) {
		return jdbc.sql("SELECT * FROM chat_conversation WHERE agent_id = ? AND status = ? ORDER BY created_at")
			.params(agentId, ChatStatus.AGENT.code())
			.query(ChatStore::conversation)
			.list();
	}

	/**
	 * Conversations queued since before {@code before}, locked, skipping rows another
	 * instance is handling.
	 */
	List<Conversation> waitingSince(Instant before) {
		return jdbc.sql("SELECT * FROM chat_conversation WHERE status = ? AND queued_at < ? FOR UPDATE SKIP LOCKED")
			.params(ChatStatus.QUEUED.code(), Timestamp.from(before))
			.query(ChatStore::conversation)
			.list();
	}

	private static Conversation conversation(ResultSet rs, int n) throws SQLException {
		Timestamp queued = rs.getTimestamp("queued_at");
		Timestamp ended = rs.getTimestamp("ended_at");
		return new Conversation(rs.getObject("id", UUID.class), rs.getObject("customer_id", UUID.class),
				rs.getString("visitor_id"), rs.getString("language"), ChatStatus.of(rs.getString("status")),
				rs.getObject("agent_id", UUID.class), rs.getObject("ticket_id", UUID.class), rs.getInt("last_seq"),
				rs.getTimestamp("created_at").toInstant(), queued == null ? null : queued.toInstant(),
				ended == null ? null : ended.toInstant());
	}

	private ChatMessage message(ResultSet rs, @Nullable UUID ticketId) throws SQLException {
		String articles = rs.getString("articles");
		String buttons = rs.getString("buttons");
		UUID attachmentId = rs.getObject("attachment_id", UUID.class);
		return new ChatMessage(rs.getObject("conversation_id", UUID.class), rs.getInt("seq"),
				ChatMessage.Sender.of(rs.getString("sender")), rs.getString("text"),
				articles == null ? null : json.readValue(articles, new TypeReference<List<ChatMessage.Article>>() {
				}), buttons == null ? null : json.readValue(buttons, new TypeReference<List<ChatMessage.Button>>() {
				}),
				attachmentId == null ? null
						: new ChatMessage.Attachment(attachmentId, rs.getString("attachment_name"),
								rs.getString("attachment_type"), ChatSteps.attachmentUrl(ticketId, attachmentId)),
				rs.getTimestamp("sent_at").toInstant(), translated(rs, "translation"), translated(rs, "original"),
				rs.getString("author_name"));
	}

	private static ChatMessage.@Nullable Translated translated(ResultSet rs, String kind) throws SQLException {
		return kind.equals(rs.getString("translation_kind"))
				? new ChatMessage.Translated(rs.getString("translation_text"), rs.getString("translation_language"),
						rs.getString("translation_provider"))
				: null;
	}

}
