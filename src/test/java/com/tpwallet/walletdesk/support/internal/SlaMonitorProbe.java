package com.tpwallet.walletdesk.support.internal;

import org.springframework.stereotype.Component;

/**
 * Lets tests outside the package run the SLA monitor now instead of waiting for its
 * schedule.
 */
@Component
public class SlaMonitorProbe {

	private final SlaMonitor monitor;

	SlaMonitorProbe(SlaMonitor monitor) {
		this.monitor = monitor;
	}

	public int run() {
		return monitor.run();
	}

}
