package com.tpwallet.walletdesk.risk.internal;

import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The monitor's short memory kept short: the per-minute counts and the senders' times are
 * read for the last day only ({@link RiskStore#HISTORY_READ}), and without this they
 * would grow with every active minute and every new pair of customers, for ever. The
 * decisions themselves (the evidence and the training data) and the long-run profiles are
 * kept. Deleting the same rows twice is harmless, so instances need not agree on who runs
 * it.
 */
@Component
class RiskRetention {

	private static final Logger log = LoggerFactory.getLogger(RiskRetention.class);

	/**
	 * How long the counts are kept: the day the features read, and an hour more, for
	 * instances whose clocks differ.
	 */
	static final Duration KEPT_FOR = Duration.ofDays(1).plusHours(1);

	private final RiskStore store;

	private final Clock clock;

	RiskRetention(RiskStore store, Clock clock) {
		this.store = store;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${walletdesk.risk.forget-every:PT1H}",
			initialDelayString = "${walletdesk.risk.forget-first-after:PT10M}")
	void forgetWhatNoLongerCounts() {
		int deleted = store.forgetBefore(clock.instant().minus(KEPT_FOR));
		if (deleted > 0) {
			log.info("Risk monitor: {} counts and senders' times older than {} deleted", deleted, KEPT_FOR);
		}
	}

}
