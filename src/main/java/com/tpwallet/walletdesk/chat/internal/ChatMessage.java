package com.tpwallet.walletdesk.chat.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One message as every client receives it (the MESSAGE frame body on
 * {@code /user/queue/chat}): {@code from} is customer, bot, agent or system;
 * {@code articles} only on bot answers; {@code buttons} offer actions (handover,
 * rate:1…5, signin); {@code attachment} is a file on the chat's ticket.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ChatMessage(UUID conversationId, int seq, String from, String text, @Nullable List<Article> articles,
		@Nullable List<Button> buttons, @Nullable Attachment attachment, Instant sentAt) {

	record Article(String slug, String title) {
	}

	record Button(String action, String label) {
	}

	record Attachment(UUID id, String fileName, String mediaType, String url) {
	}
}
