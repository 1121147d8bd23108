package com.tpwallet.walletdesk.chat.internal;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How every chat step runs, whichever side takes it: its messages are stored in one
 * transaction and only then delivered ({@link ChatDelivery}), so no client ever sees a
 * message that a crash could lose.
 */
@Component
class ChatSteps {

	static final int MAX_TEXT = 2000;

	private final TransactionTemplate tx;

	private final ChatDelivery delivery;

	private final MessageSource messages;

	ChatSteps(TransactionTemplate tx, ChatDelivery delivery, MessageSource messages) {
		this.tx = tx;
		this.delivery = delivery;
		this.messages = messages;
	}

	/** A chat as a step left it, and the messages the step stored. */
	record Step(Conversation conversation, List<ChatMessage> messages) {
	}

	/**
	 * Stores in one transaction, then (committed) delivers to everyone in the
	 * conversation.
	 */
	Step run(Supplier<Step> work) {
		Step step = tx.execute(s -> work.get());
		if (step == null) {
			throw new IllegalStateException("a chat step returned nothing");
		}
		delivered(step);
		return step;
	}

	/** Delivers a step stored by the caller's own transaction. */
	void delivered(Step step) {
		delivery.deliver(step.conversation(), step.messages());
		if (step.conversation().isWith(ChatStatus.QUEUED)) {
			// agents' lists refresh once the waiting chat is committed
			delivery.queueChangedForAll();
		}
	}

	/** The chat's words in a language. */
	String text(String language, String key, Object... args) {
		return messages.getMessage(key, args, Locale.forLanguageTag(language));
	}

	static String attachmentUrl(@Nullable UUID ticketId, UUID attachmentId) {
		return "/api/v1/tickets/" + ticketId + "/attachments/" + attachmentId;
	}

}
