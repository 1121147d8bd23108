package com.tpwallet.walletdesk.platform.internal;

import java.time.Duration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Resubmits event publications that did not complete (a notification whose SMS gateway
 * was down, a listener that ran while the database was away), so that the service
 * recovers by itself rather than at its next restart. Runs on one instance at a time: the
 * first to take a PostgreSQL advisory lock for the run.
 */
@Component
class EventPublicationRetry {

	/**
	 * Long enough that a listener still running for the first time is not started a
	 * second time beside it.
	 */
	static final Duration OLDER_THAN = Duration.ofMinutes(2);

	private static final long LOCK = 0x77645f6576656e74L; // "wd_event"

	private final IncompleteEventPublications incomplete;

	private final TransactionTemplate transactions;

	private final JdbcClient jdbc;

	EventPublicationRetry(IncompleteEventPublications incomplete, TransactionTemplate transactions, JdbcClient jdbc) {
		this.incomplete = incomplete;
		this.transactions = transactions;
		this.jdbc = jdbc;
	}

	@Scheduled(fixedDelayString = "${walletdesk.events.retry-every:PT1M}", initialDelayString = "PT1M")
	void resubmit() {
		transactions.executeWithoutResult(tx -> {
			if (Boolean.TRUE
				.equals(jdbc.sql("SELECT pg_try_advisory_xact_lock(?)").param(LOCK).query(Boolean.class).single())) {
				incomplete.resubmitIncompletePublicationsOlderThan(OLDER_THAN);
			}
		});
	}

}
