package com.tpwallet.walletdesk.disputes.internal;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The merchant's side of a dispute about a payment: the merchant (through the acquirer's
 * dispute service) is asked to respond by a date. Its answer comes back later through
 * {@link DisputeDesk#merchantAnswered}; silence past the date decides for the customer.
 */
interface MerchantDesk {

	/**
	 * @throws Unreachable when the service did not take the case (it is sent again later)
	 */
	void ask(MerchantCase dispute);

	/** The service could not be reached, failed, or refused the case for now. */
	final class Unreachable extends RuntimeException {

		Unreachable(String message, Throwable cause) {
			super(message, cause);
		}

	}

	/** What the merchant is shown: never the customer's identity, only the payment. */
	record MerchantCase(UUID disputeId, String merchant, String paymentReference, long amount, String currency,
			String reason, String description, LocalDate respondBy) {
	}

}
