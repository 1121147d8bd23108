package com.tpwallet.walletdesk.chat.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One message as every client receives it (the MESSAGE frame body on
 * {@code /user/queue/chat}): {@code from} is customer, bot, agent or system;
 * {@code articles} only on bot answers; {@code buttons} offer actions (handover,
 * rate:1…5, signin); {@code attachment} is a file on the chat's ticket;
 * {@code translation} and {@code original} are there when machine translation carried the
 * text; {@code authorName} is the name of the agent who wrote it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ChatMessage(UUID conversationId, int seq, Sender from, String text, @Nullable List<Article> articles,
		@Nullable List<Button> buttons, @Nullable Attachment attachment, Instant sentAt,
		@Nullable Translated translation, @Nullable Translated original, @Nullable String authorName) {

	ChatMessage(UUID conversationId, int seq, Sender from, String text, @Nullable List<Article> articles,
			@Nullable List<Button> buttons, @Nullable Attachment attachment, Instant sentAt) {
		this(conversationId, seq, from, text, articles, buttons, attachment, sentAt, null, null, null);
	}

	/**
	 * Text carried across languages by machine translation, with the provider named:
	 * {@code translation} is a customer's message in the agent's language;
	 * {@code original} is what an agent wrote before it was sent translated.
	 */
	record Translated(String text, String language, String provider) {
	}

	ChatMessage translatedForAgent(Translated translated) {
		return new ChatMessage(conversationId, seq, from, text, articles, buttons, attachment, sentAt, translated, null,
				authorName);
	}

	ChatMessage sentTranslated(Translated original) {
		return new ChatMessage(conversationId, seq, from, text, articles, buttons, attachment, sentAt, null, original,
				authorName);
	}

	/** Who wrote a message; the lower-case code is the stored and the JSON value. */
	enum Sender {

		CUSTOMER, BOT, AGENT, SYSTEM;

		@JsonValue
		String code() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

		static Sender of(String code) {
			return Arrays.stream(values())
				.filter(s -> s.code().equals(code))
				.findFirst()
				.orElseThrow(() -> new IllegalArgumentException("No chat sender " + code));
		}

	}

	record Article(String slug, String title) {
	}

	record Button(String action, String label) {
	}

	record Attachment(UUID id, String fileName, String mediaType, String url) {
	}

	/** A message about to be stored; its sequence number and time come from the store. */
	record Draft(Sender from, @Nullable UUID author, String text, @Nullable List<Article> articles,
			@Nullable List<Button> buttons, @Nullable Attachment attachment) {
	}

	/** The bot speaks, offering actions. */
	static Draft bot(String text, List<Button> buttons) {
		return new Draft(Sender.BOT, null, text, null, buttons, null);
	}

	/** The bot answers with articles from the knowledge base. */
	static Draft botAnswer(String text, List<Article> articles, List<Button> buttons) {
		return new Draft(Sender.BOT, null, text, articles, buttons, null);
	}

	/** A notice to both sides (queued, left as a message, rated). */
	static Draft notice(String text) {
		return new Draft(Sender.SYSTEM, null, text, null, null, null);
	}

	/** A notice with actions, such as the stars asking for a rating. */
	static Draft notice(String text, List<Button> buttons) {
		return new Draft(Sender.SYSTEM, null, text, null, buttons, null);
	}

	/** A notice of something an agent did (joined, transferred). */
	static Draft noticeBy(UUID agent, String text) {
		return new Draft(Sender.SYSTEM, agent, text, null, null, null);
	}

	/** A file sent by the customer or an agent. */
	static Draft file(Sender from, UUID author, Attachment file) {
		return new Draft(from, author, "📎 " + file.fileName(), null, null, file);
	}

}
