package com.tpwallet.walletdesk.disputes.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code walletdesk.disputes.*}: how long after a movement it may be disputed, the
 * deadlines in business days, the reopening window, from which value (in CNY fen) a
 * dispute is credited provisionally and a refund needs a supervisor, and the merchants'
 * dispute service.
 */
@ConfigurationProperties("walletdesk.disputes")
record DisputeSettings(@DefaultValue("120") int windowDays, @DefaultValue("1") int acknowledgeBusinessDays,
		@DefaultValue("10") int decideBusinessDays, @DefaultValue("5") int merchantBusinessDays,
		@DefaultValue("14") int reopenDays, @DefaultValue("100000") long provisionalCreditFromFen,
		@DefaultValue("500000") long supervisorRefundFromFen, @DefaultValue Merchant merchant) {

	/**
	 * The acquirer's merchant-dispute service: where cases go, its API key, and the
	 * secret its answers are signed with.
	 */
	record Merchant(@DefaultValue("") String url, @DefaultValue("") String apiKey,
			@DefaultValue("") String callbackSecret) {
	}

}
