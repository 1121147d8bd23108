package com.tpwallet.walletdesk.knowledge.internal;

import com.tpwallet.walletdesk.identity.CustomerProfile;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A guided check of one kind of trouble: it reads the customer's real state through the
 * other modules' APIs and says what is wrong and what to do. A finding that does not
 * explain the trouble (nothing found, or something only a person can sort out) leads to a
 * ticket carrying what was found.
 */
interface Troubleshooter {

	/** Stable id in URLs: cannot-log-in, payment-failed, … */
	String id();

	/** The ticket topic when the troubleshooter hands over to an agent. */
	String topic();

	/**
	 * Whether it can only look at a signed-in customer (all but the sign-in
	 * troubleshooter).
	 */
	default boolean needsSignIn() {
		return true;
	}

	List<Finding> diagnose(Situation situation);

	/** Who is asking and what they told us; {@code amount} in minor units. */
	record Situation(CustomerProfile customer, Instant now, Wording words, @Nullable Long amount,
			@Nullable String currency) {
	}

	/**
	 * One thing found. {@code explains}: the customer now knows what happened and what to
	 * do; if no finding explains the trouble, the troubleshooter offers a ticket.
	 */
	record Finding(String code, boolean explains, String message, List<String> articles, @Nullable UUID transactionId) {

		static Finding of(String code, boolean explains, String message, String... articles) {
			return new Finding(code, explains, message, List.of(articles), null);
		}

		Finding about(UUID transaction) {
			return new Finding(code, explains, message, articles, transaction);
		}
	}

}
