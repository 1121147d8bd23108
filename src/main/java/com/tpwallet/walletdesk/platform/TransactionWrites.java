package com.tpwallet.walletdesk.platform;

import org.springframework.jdbc.core.ResultSetExtractor;

/**
 * Writes that travel with the transaction's next statement instead of making a round trip
 * of their own. A module that writes at the end of another module's transaction (the risk
 * monitor's decisions in a transfer batch) hands its statement here; the module that
 * writes last sends it in the same round trip as its own ({@link #runWith}), and whatever
 * is still waiting when the transaction commits is sent just before the commit. On two
 * cores, each round trip in a batch writer's chain of statements costs more in waiting
 * for the other process than in work (ADR 0015).
 */
public interface TransactionWrites {

	/**
	 * Hands a write to the current transaction. Outside a transaction it runs at once.
	 * Nothing in the transaction may read what it writes before it is sent.
	 */
	void add(String sql, Object... args);

	/**
	 * Runs a statement that returns rows, in one round trip with the writes handed in
	 * before it (which run first, in their order), and returns what {@code result} makes
	 * of its rows.
	 */
	<T> T runWith(String sql, Object[] args, ResultSetExtractor<T> result);

}
