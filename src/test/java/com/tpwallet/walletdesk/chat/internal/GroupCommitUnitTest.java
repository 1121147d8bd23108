package com.tpwallet.walletdesk.chat.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

class GroupCommitUnitTest {

	final CountingTransactions transactions = new CountingTransactions();

	final GroupCommit commits = new GroupCommit(new TransactionTemplate(transactions), 1);

	final ExecutorService callers = Executors.newFixedThreadPool(8);

	/** Steps run by the writer, in the order it ran them. */
	final List<String> ran = Collections.synchronizedList(new ArrayList<>());

	@AfterEach
	void stop() {
		callers.shutdownNow();
		commits.stop();
	}

	@Test
	void stepsWaitingTogetherShareOneCommitAndEachCallerGetsItsOwnResult() throws Exception {
		commits.start();
		CountDownLatch release = new CountDownLatch(1);
		Future<String> blocker = callers.submit(() -> commits.run(UUID.randomUUID(), () -> {
			await(release);
			return "first";
		}));
		waitUntil(() -> transactions.begun.get() == 1);
		List<Future<String>> waiting = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			String name = "step " + i;
			waiting.add(callers.submit(() -> commits.run(UUID.randomUUID(), () -> {
				ran.add(name);
				return name;
			})));
		}
		waitUntil(() -> commits.waiting() == 5);
		release.countDown();

		assertThat(blocker.get(5, TimeUnit.SECONDS)).isEqualTo("first");
		for (int i = 0; i < 5; i++) {
			assertThat(waiting.get(i).get(5, TimeUnit.SECONDS)).isEqualTo("step " + i);
		}
		assertThat(transactions.committed.get()).isEqualTo(2);
		assertThat(transactions.rolledBack.get()).isZero();
	}

	@Test
	void aStepThatFailsFailsAloneAndTheRestOfItsGroupIsStored() throws Exception {
		commits.start();
		CountDownLatch release = new CountDownLatch(1);
		Future<String> blocker = callers.submit(() -> commits.run(UUID.randomUUID(), () -> {
			await(release);
			return "first";
		}));
		waitUntil(() -> transactions.begun.get() == 1);
		Future<String> good = callers.submit(() -> commits.run(UUID.randomUUID(), () -> "good"));
		Future<String> bad = callers.submit(() -> commits.run(UUID.randomUUID(), () -> {
			throw new ChatRefused();
		}));
		waitUntil(() -> commits.waiting() == 2);
		release.countDown();

		assertThat(blocker.get(5, TimeUnit.SECONDS)).isEqualTo("first");
		assertThat(good.get(5, TimeUnit.SECONDS)).isEqualTo("good");
		assertThatThrownBy(() -> bad.get(5, TimeUnit.SECONDS)).cause().isInstanceOf(ChatRefused.class);
		// the first alone; the group of two rolled back; each of the two again alone
		assertThat(transactions.committed.get()).isEqualTo(2);
		assertThat(transactions.rolledBack.get()).isEqualTo(2);
	}

	@Test
	void stepsOfAGroupRunInTheOrderOfTheirChatsAndOneChatsStepsInTheOrderTheyCame() throws Exception {
		commits.start();
		CountDownLatch release = new CountDownLatch(1);
		callers.submit(() -> commits.run(UUID.randomUUID(), () -> {
			await(release);
			return "first";
		}));
		waitUntil(() -> transactions.begun.get() == 1);
		UUID later = UUID.fromString("00000000-0000-0000-0000-000000000002");
		UUID earlier = UUID.fromString("00000000-0000-0000-0000-000000000001");
		List<Future<String>> futures = new ArrayList<>();
		for (String[] step : new String[][] { { "later a", later.toString() }, { "earlier", earlier.toString() },
				{ "later b", later.toString() } }) {
			futures.add(callers.submit(() -> commits.run(UUID.fromString(step[1]), () -> {
				ran.add(step[0]);
				return step[0];
			})));
			int queued = futures.size();
			waitUntil(() -> commits.waiting() == queued);
		}
		release.countDown();
		for (Future<String> f : futures) {
			f.get(5, TimeUnit.SECONDS);
		}

		assertThat(ran).containsExactly("earlier", "later a", "later b");
	}

	@Test
	void withoutItsWritersAStepRunsInTheCallersOwnTransaction() {
		assertThat(commits.run(UUID.randomUUID(), () -> Thread.currentThread().getName()))
			.isEqualTo(Thread.currentThread().getName());
		assertThat(transactions.committed.get()).isEqualTo(1);
	}

	private static void await(CountDownLatch latch) {
		try {
			assertThat(latch.await(5, TimeUnit.SECONDS)).isTrue();
		}
		catch (InterruptedException e) {
			throw new IllegalStateException(e);
		}
	}

	private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as("waited 5 s").isLessThan(deadline);
			Thread.sleep(5);
		}
	}

	private static final class ChatRefused extends RuntimeException {

	}

	private static final class CountingTransactions extends AbstractPlatformTransactionManager {

		final AtomicInteger begun = new AtomicInteger();

		final AtomicInteger committed = new AtomicInteger();

		final AtomicInteger rolledBack = new AtomicInteger();

		@Override
		protected Object doGetTransaction() {
			return new Object();
		}

		@Override
		protected void doBegin(Object transaction, TransactionDefinition definition) {
			begun.incrementAndGet();
		}

		@Override
		protected void doCommit(DefaultTransactionStatus status) {
			committed.incrementAndGet();
		}

		@Override
		protected void doRollback(DefaultTransactionStatus status) {
			rolledBack.incrementAndGet();
		}

	}

}
