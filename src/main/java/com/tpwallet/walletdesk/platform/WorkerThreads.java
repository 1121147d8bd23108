package com.tpwallet.walletdesk.platform;

import java.util.ArrayList;
import java.util.List;

/**
 * The platform threads a component runs its loops on while the application runs: started
 * with the component, and joined when it stops, each given a few seconds to finish what
 * it holds (its loop ends once the component says it stopped).
 */
public final class WorkerThreads {

	private static final long JOIN_MILLIS = 5_000;

	private final List<Thread> threads = new ArrayList<>();

	/** Starts {@code loop} on a daemon thread of that name. */
	public synchronized Thread start(String name, Runnable loop) {
		Thread t = Thread.ofPlatform().name(name).daemon().start(loop);
		threads.add(t);
		return t;
	}

	/** Waits for every loop to end. */
	public synchronized void join() {
		for (Thread t : threads) {
			try {
				t.join(JOIN_MILLIS);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
		threads.clear();
	}

}
