package com.tpwallet.walletdesk.chat.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Chat messages from many connections stored together: a few writer threads each take
 * every message waiting and store them in one transaction, instead of one transaction,
 * one commit and one busy PostgreSQL backend per message. A caller still gets its answer
 * only once its transaction has committed, so nothing delivered can be lost.
 * <p>
 * When a group's transaction fails (a chat ended meanwhile, a step refused, a deadlock),
 * each of its steps runs again alone, and each caller gets its own step's outcome. Within
 * a group the steps run in the order of their chats' ids, so that two groups lock the
 * same chats in the same order; messages of one connection arrive one after another (the
 * inbound channel preserves their order), so they keep it.
 */
@Component
class GroupCommit implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

	/** Enough to share a commit widely, small enough that one slow group holds few. */
	static final int MAX_GROUP = 32;

	private final BlockingQueue<Pending<?>> waiting = new LinkedBlockingQueue<>();

	private final TransactionTemplate tx;

	private final int writers;

	private final List<Thread> threads = new ArrayList<>();

	private volatile boolean running;

	GroupCommit(TransactionTemplate tx, @Value("${walletdesk.chat.commit-writers:2}") int writers) {
		this.tx = tx;
		this.writers = writers;
	}

	/**
	 * Runs {@code work} in a transaction shared with other chats' steps and returns its
	 * result once committed; {@code chat} orders the locks.
	 */
	<T> T run(UUID chat, Supplier<T> work) {
		if (!running) {
			return runAlone(work);
		}
		Pending<T> pending = new Pending<>(chat, work);
		waiting.add(pending);
		return pending.outcome();
	}

	/** How many steps wait for a writer. */
	int waiting() {
		return waiting.size();
	}

	/** Runs {@code work} in a transaction of its own. */
	<T> T runAlone(Supplier<T> work) {
		T result = tx.execute(s -> work.get());
		if (result == null) {
			throw new IllegalStateException("a chat step returned nothing");
		}
		return result;
	}

	private void writeLoop() {
		while (running || !waiting.isEmpty()) {
			try {
				Pending<?> first = waiting.poll(100, TimeUnit.MILLISECONDS);
				if (first == null) {
					continue;
				}
				List<Pending<?>> group = new ArrayList<>();
				group.add(first);
				waiting.drainTo(group, MAX_GROUP - 1);
				// stable: two messages of one chat keep their order
				group.sort(Comparator.comparing(Pending::chat));
				commit(group);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private void commit(List<Pending<?>> group) {
		if (group.size() > 1) {
			try {
				tx.executeWithoutResult(s -> group.forEach(Pending::work));
				group.forEach(Pending::committed);
				return;
			}
			catch (RuntimeException | Error e) {
				log.debug("a group of {} chat steps failed together, each runs alone: {}", group.size(), e.toString());
			}
		}
		for (Pending<?> p : group) {
			p.storeAlone();
		}
	}

	private final class Pending<T> {

		private final UUID chat;

		private final Supplier<T> work;

		private final CompletableFuture<T> done = new CompletableFuture<>();

		private T result;

		Pending(UUID chat, Supplier<T> work) {
			this.chat = chat;
			this.work = work;
		}

		UUID chat() {
			return chat;
		}

		void work() {
			result = work.get();
		}

		void committed() {
			done.complete(result);
		}

		void storeAlone() {
			try {
				done.complete(GroupCommit.this.runAlone(work));
			}
			catch (RuntimeException | Error e) {
				done.completeExceptionally(e);
			}
		}

		T outcome() {
			try {
				return done.join();
			}
			catch (CompletionException e) {
				if (e.getCause() instanceof RuntimeException r) {
					throw r;
				}
				if (e.getCause() instanceof Error err) {
					throw err;
				}
				throw e;
			}
		}

	}

	@Override
	public void start() {
		running = true;
		for (int i = 0; i < writers; i++) {
			threads.add(Thread.ofPlatform().name("chat-commit-" + i).daemon().start(this::writeLoop));
		}
	}

	@Override
	public void stop() {
		running = false;
		for (Thread t : threads) {
			try {
				t.join(5_000);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
		threads.clear();
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	@Override
	public int getPhase() {
		// after the WebSocket handlers stop taking frames; the pool closes after every
		// phase
		return SmartLifecycle.DEFAULT_PHASE - 100;
	}

}
