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

	private final ConsoleSignals consoles;

	private final MessageSource messages;

	ChatSteps(TransactionTemplate tx, ChatDelivery delivery, ConsoleSignals consoles, MessageSource messages) {
		this.tx = tx;
		this.delivery = delivery;
		this.consoles = consoles;
		this.messages = messages;
	}

	/**
	 * A chat as a step left it, and the messages the step stored; {@code formerAgent} is
	 * an agent the step took the chat from (transferred, or back to the queue), who sees
	 * them too.
	 */
	record Step(Conversation conversation, List<ChatMessage> messages, @Nullable UUID formerAgent) {

		Step(Conversation conversation, List<ChatMessage> messages) {
			this(conversation, messages, null);
		}

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
		UUID former = step.formerAgent();
		if (former != null && !former.equals(step.conversation().agentId())) {
			delivery.toUser(ChatUser.staffName(former), step.messages());
		}
		if (step.conversation().isWith(ChatStatus.QUEUED)) {
			// agents' lists refresh once the waiting chat is committed
			consoles.queueChanged();
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
