package com.tpwallet.walletdesk.chat.internal;

import com.tpwallet.walletdesk.chat.internal.ChatSteps.Step;
import com.tpwallet.walletdesk.support.SupportApi;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Chats that waited too long for an agent become messages on their ticket, so that no
 * customer waits in a queue nobody serves. Each instance runs the check; the rows are
 * taken with SKIP LOCKED, so each chat is released once.
 */
@Component
class LongWaits {

	private final ChatStore store;

	private final ChatSteps steps;

	private final SupportApi support;

	private final ConsoleSignals consoles;

	private final TransactionTemplate tx;

	private final Clock clock;

	private final Duration maxWait;

	LongWaits(ChatStore store, ChatSteps steps, SupportApi support, ConsoleSignals consoles, TransactionTemplate tx,
			Clock clock, @Value("${walletdesk.chat.max-wait:PT10M}") Duration maxWait) {
		this.store = store;
		this.steps = steps;
		this.support = support;
		this.consoles = consoles;
		this.tx = tx;
		this.clock = clock;
		this.maxWait = maxWait;
	}

	@Scheduled(fixedDelayString = "${walletdesk.chat.wait-check:PT30S}")
	void release() {
		List<Step> released = tx.execute(s -> store.waitingSince(clock.instant().minus(maxWait)).stream().map(c -> {
			Conversation left = store.save(c.leaveMessage(null));
			String text = steps.text(c.languageOr("en"), "chat.offline.wait", support.ticketNumber(c.ticketId()));
			return new Step(left, List.of(store.append(c.id(), ChatMessage.notice(text))));
		}).toList());
		if (released != null && !released.isEmpty()) {
			released.forEach(steps::delivered);
			consoles.queueChanged();
		}
	}

}
