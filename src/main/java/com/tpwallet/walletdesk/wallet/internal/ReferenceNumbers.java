package com.tpwallet.walletdesk.wallet.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Numbers for transaction references, unique across instances: each instance takes a
 * block of {@value #BLOCK} from a database sequence and hands them out in order. A
 * restart forgets the rest of its block; references have gaps, never repeats.
 */
@Component
class ReferenceNumbers {

	static final int BLOCK = 1000;

	private final JdbcClient jdbc;

	private long next;

	private long end;

	ReferenceNumbers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	synchronized long next() {
		if (next == end) {
			long block = jdbc.sql("SELECT nextval('wallet_transaction_reference_block')").query(Long.class).single();
			next = block * BLOCK;
			end = next + BLOCK;
		}
		return next++;
	}

}
