package com.tpwallet.walletdesk.wallet.internal;

import com.tpwallet.walletdesk.platform.Refusal;
import com.tpwallet.walletdesk.platform.WorkerThreads;
import com.tpwallet.walletdesk.wallet.Money;
import com.tpwallet.walletdesk.wallet.internal.TransferBatches.KeyClaimedMeanwhile;
import com.tpwallet.walletdesk.wallet.internal.TransferBatches.Prepared;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Transfers are settled in batches, by a pipeline of two threads. The preparer takes
 * whatever requests are waiting and makes the reads that need no lock
 * ({@link TransferBatches#prepare}); the settler takes all that is prepared and settles
 * it in one database transaction with a fixed number of statements
 * ({@link TransferBatches#settle}). So the next batch is read while the current one holds
 * its locks and commits. Each transfer is still judged on its own, in arrival order; a
 * refused one is recorded with its reason and does not hold the others back. The
 * idempotency key is stored in the same transaction as the money moves.
 */
@Component
class TransferWriter implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(TransferWriter.class);
	static final int MAX_BATCH = 256;

	static final String BATCH_SIZES = "walletdesk.transfers.batch";

	record Command(UUID sender, String to, Money money, @Nullable String note, String key, String hash,
			boolean stepUpPassed, CompletableFuture<IdempotentRequests.Answer> result) {
	}

	private final BlockingQueue<Command> queue = new LinkedBlockingQueue<>(20_000);

	/**
	 * What the preparer has read and the settler has not taken yet: the preparer keeps
	 * adding to it while the settler works, so everything that arrived during one
	 * settlement is settled in the next.
	 */
	private volatile @Nullable Prepared ready;

	private final WorkerThreads threads = new WorkerThreads();

	private volatile @Nullable Thread preparer;

	private volatile boolean running;

	private final TransferBatches batches;

	private final TransactionTemplate transactions;

	private final IdempotentRequests idempotent;

	private final int settlers;

	/**
	 * Requests per settled batch: what a batch costs whatever its size (its round trips,
	 * its commit) is shared among them, so the fewer, the more each request costs.
	 */
	private final DistributionSummary batchSizes;

	TransferWriter(TransferBatches batches, TransactionTemplate transactions, IdempotentRequests idempotent,
			MeterRegistry meters, @Value("${walletdesk.wallet.transfer-writers:1}") int settlers) {
		this.batches = batches;
		this.transactions = transactions;
		this.idempotent = idempotent;
		this.settlers = settlers;
		this.batchSizes = DistributionSummary.builder(BATCH_SIZES)
			.description("Transfer requests settled per batch")
			.baseUnit("requests")
			.register(meters);
	}

	/**
	 * Queues a transfer whose payment password was already checked; waits for the batch
	 * that settles it.
	 */
	IdempotentRequests.Answer submit(UUID sender, String to, Money money, @Nullable String note, String key,
			String hash, boolean stepUpPassed) {
		Command command = new Command(sender, to, money, note, key, hash, stepUpPassed, new CompletableFuture<>());
		if (!queue.offer(command)) {
			throw new Refusal(Refusal.Kind.UNAVAILABLE, "wallet_busy");
		}
		try {
			return command.result().get(30, TimeUnit.SECONDS);
		}
		catch (ExecutionException e) {
			if (e.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new IllegalStateException(e.getCause());
		}
		catch (TimeoutException e) {
			throw new IllegalStateException("A transfer was not settled within 30 s", e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private void prepareLoop() {
		while (running || !queue.isEmpty()) {
			try {
				Command first = queue.poll(100, TimeUnit.MILLISECONDS);
				if (first == null) {
					continue;
				}
				List<Command> batch = new ArrayList<>(List.of(first));
				queue.drainTo(batch, MAX_BATCH - 1);
				try {
					// One transaction, so one pooled connection for all its reads: on a
					// busy desk each statement on its own would queue for the pool
					// again, and every transfer waits for this one thread.
					handOver(transactions.execute(tx -> batches.prepare(batch)));
				}
				catch (RuntimeException e) {
					fail(batch, e);
				}
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	/**
	 * Adds a prepared batch to what the settler takes next; waits while that is already
	 * as big as a batch may be.
	 */
	private synchronized void handOver(Prepared batch) throws InterruptedException {
		while (ready != null && ready.batch().size() >= MAX_BATCH) {
			wait(100);
		}
		ready = ready == null ? batch : ready.merge(batch);
		notifyAll();
	}

	private synchronized @Nullable Prepared takeReady() throws InterruptedException {
		if (ready == null) {
			wait(100);
		}
		Prepared taken = ready;
		ready = null;
		notifyAll();
		return taken;
	}

	private boolean preparing() {
		Thread t = preparer;
		return t != null && t.isAlive();
	}

	private void settleLoop() {
		while (running || preparing() || ready != null) {
			try {
				Prepared next = takeReady();
				if (next != null) {
					batchSizes.record(next.batch().size());
					settle(next);
				}
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private void settle(Prepared batch) {
		for (int attempt = 1;; attempt++) {
			try {
				Prepared attempted = batch;
				Map<Command, TransferBatches.Outcome> outcomes = transactions.execute(tx -> batches.settle(attempted));
				outcomes.forEach((command, outcome) -> {
					switch (outcome) {
						case TransferBatches.Refused(Refusal refusal) ->
							command.result().completeExceptionally(refusal);
						case TransferBatches.Settled(IdempotentRequests.Answer answer) ->
							command.result().complete(answer);
					}
				});
				replayTheRest(batch.batch());
				return;
			}
			catch (PessimisticLockingFailureException | KeyClaimedMeanwhile e) {
				if (attempt == 3) {
					fail(batch.batch(), e);
					return;
				}
				if (e instanceof KeyClaimedMeanwhile) {
					batch = batches.recheck(batch);
				}
			}
			catch (RuntimeException e) {
				fail(batch.batch(), e);
				return;
			}
		}
	}

	private static void fail(List<Command> batch, RuntimeException e) {
		log.error("A transfer batch failed", e);
		batch.forEach(c -> c.result().completeExceptionally(e));
	}

	/**
	 * Requests whose key was used before (a replay, or a duplicate in this batch) get the
	 * stored answer.
	 */
	private void replayTheRest(List<Command> batch) {
		for (Command c : batch) {
			if (!c.result().isDone()) {
				try {
					c.result().complete(idempotent.replayStored(c.sender(), c.key(), c.hash()));
				}
				catch (RuntimeException e) {
					c.result().completeExceptionally(e);
				}
			}
		}
	}

	@Override
	public void start() {
		running = true;
		preparer = threads.start("transfer-preparer", this::prepareLoop);
		for (int i = 0; i < settlers; i++) {
			threads.start("transfer-settler-" + i, this::settleLoop);
		}
	}

	@Override
	public void stop() {
		running = false;
		threads.join();
	}

	@Override
	public boolean isRunning() {
		return running;
	}

}
