package com.tpwallet.walletdesk.chat.internal;

import com.tpwallet.walletdesk.chat.internal.ChatMessage.Sender;
import com.tpwallet.walletdesk.chat.internal.ChatSteps.Step;
import com.tpwallet.walletdesk.platform.WorkerThreads;
import com.tpwallet.walletdesk.support.EntryKind;
import com.tpwallet.walletdesk.support.SupportApi;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Customers' texts in chats with an agent (or waiting for one), stored together: a writer
 * thread takes every text waiting and stores them in one transaction of four round trips
 * (the texts, the tickets' locks, the tickets' entries, the commit), however many there
 * are. One transaction per text cost PostgreSQL four round trips and a commit per
 * message, and kept a backend awake for each. One writer by default: its groups are
 * larger than two writers' and cost both processes less CPU (bench/README.md, chat).
 * <p>
 * A caller gets its step only once the group has committed, so nothing delivered can be
 * lost. A text whose chat changed since its connection last saw it (ended, taken by
 * someone else, handed to the bot), or whose group failed, comes back unstored: the
 * caller then writes it alone, the way that knows what to do about it.
 */
@Component
class CustomerTexts implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(CustomerTexts.class);

	/** Enough to share a commit widely; small enough that a group stays short. */
	static final int MAX_GROUP = 64;

	private final BlockingQueue<Pending> waiting = new LinkedBlockingQueue<>();

	private final TransactionTemplate tx;

	private final ChatStore store;

	private final SupportApi support;

	private final int writers;

	private final WorkerThreads threads = new WorkerThreads();

	private volatile boolean running;

	CustomerTexts(TransactionTemplate tx, ChatStore store, SupportApi support,
			@Value("${walletdesk.chat.text-writers:1}") int writers) {
		this.tx = tx;
		this.store = store;
		this.support = support;
		this.writers = writers;
	}

	/**
	 * The customer's text stored with others and committed, or empty when it has to be
	 * written alone.
	 */
	Optional<Step> write(ChatUser user, Conversation seen, String text, ChatMessage.@Nullable Translated translation) {
		if (!running) {
			return Optional.empty();
		}
		Pending pending = new Pending(user, seen, text, translation);
		waiting.add(pending);
		if (!running && waiting.remove(pending)) {
			// stopped meanwhile: no writer will take it
			return Optional.empty();
		}
		return pending.done().join();
	}

	private record Pending(ChatUser user, Conversation seen, String text, ChatMessage.@Nullable Translated translation,
			CompletableFuture<Optional<Step>> done) {

		Pending(ChatUser user, Conversation seen, String text, ChatMessage.@Nullable Translated translation) {
			this(user, seen, text, translation, new CompletableFuture<>());
		}

		ChatStore.Text asText() {
			return new ChatStore.Text(seen.id(), Sender.CUSTOMER, user.customerId(), null, text);
		}

	}

	private void writeLoop() {
		while (running || !waiting.isEmpty()) {
			try {
				Pending first = waiting.poll(100, TimeUnit.MILLISECONDS);
				if (first != null) {
					store(group(first));
				}
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	/**
	 * Every text waiting, one per chat: a second text to the same chat (the customer on
	 * two devices) is written alone.
	 */
	private List<Pending> group(Pending first) {
		List<Pending> taken = new ArrayList<>(List.of(first));
		waiting.drainTo(taken, MAX_GROUP - 1);
		Set<UUID> chats = new HashSet<>();
		List<Pending> group = new ArrayList<>(taken.size());
		for (Pending p : taken) {
			if (chats.add(p.seen().id())) {
				group.add(p);
			}
			else {
				p.done().complete(Optional.empty());
			}
		}
		return group;
	}

	private void store(List<Pending> group) {
		List<Step> steps;
		try {
			steps = tx.execute(s -> stored(group));
		}
		catch (RuntimeException | Error e) {
			// the writer lives on; each caller writes its text alone and meets the
			// failure, if it lasts, itself
			if (e instanceof Error) {
				log.error("a group of {} chat texts failed", group.size(), e);
			}
			else {
				log.debug("a group of {} chat texts was not stored, each is written alone: {}", group.size(),
						e.toString());
			}
			group.forEach(p -> p.done().complete(Optional.empty()));
			return;
		}
		for (int i = 0; i < group.size(); i++) {
			group.get(i).done().complete(Optional.ofNullable(steps == null ? null : steps.get(i)));
		}
	}

	private List<Step> stored(List<Pending> group) {
		List<ChatStore.@Nullable Appended> appended = store.appendTexts(group.stream().map(Pending::asText).toList());
		List<Step> steps = new ArrayList<>(group.size());
		List<SupportApi.NewEntry> entries = new ArrayList<>();
		for (int i = 0; i < group.size(); i++) {
			Pending p = group.get(i);
			ChatStore.Appended a = appended.get(i);
			if (a == null || !a.conversation().takesTextAsSeen(p.user(), p.seen())) {
				throw new ChangedSinceSeen();
			}
			ChatMessage written = store.forAgent(a.message(), p.translation());
			UUID ticket = a.conversation().ticketId();
			if (ticket != null) {
				entries.add(new SupportApi.NewEntry(ticket, EntryKind.CUSTOMER, p.user().customerId(), p.text()));
			}
			steps.add(new Step(a.conversation(), List.of(written)));
		}
		if (!entries.isEmpty()) {
			support.addEntries(entries);
		}
		return steps;
	}

	/** Rolls a group back: one of its chats is not as its connection saw it. */
	private static final class ChangedSinceSeen extends RuntimeException {

		ChangedSinceSeen() {
			super("a chat changed since its connection saw it", null, false, false);
		}

	}

	@Override
	public void start() {
		running = true;
		for (int i = 0; i < writers; i++) {
			threads.start("chat-texts-" + i, this::writeLoop);
		}
	}

	@Override
	public void stop() {
		running = false;
		threads.join();
		// anything left is written alone by its caller
		Pending p;
		while ((p = waiting.poll()) != null) {
			p.done().complete(Optional.empty());
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

}
