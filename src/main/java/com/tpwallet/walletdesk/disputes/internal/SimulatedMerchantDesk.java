package com.tpwallet.walletdesk.disputes.internal;

import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A stand-in for the merchants, only in the demo, dev and test profiles. It answers once
 * the question is committed: a merchant whose name contains {@code silent} never answers
 * (the deadline then decides); a duplicate charge, a wrong amount or a missing refund is
 * accepted; anything else is contested with a statement.
 */
@Component
@Profile({ "demo", "dev", "test" })
class SimulatedMerchantDesk implements MerchantDesk {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SimulatedMerchantDesk.class);

	/**
	 * The desk asks this merchant, and this merchant answers the desk: looked up when an
	 * answer is given. (A {@code @Lazy} proxy breaks the ahead-of-time processed start:
	 * spring-framework#30985.)
	 */
	private final ObjectProvider<DisputeDesk> desk;

	SimulatedMerchantDesk(ObjectProvider<DisputeDesk> desk) {
		this.desk = desk;
	}

	@Override
	public void ask(MerchantCase dispute) {
		if (dispute.merchant().toLowerCase(Locale.ROOT).contains("silent")) {
			return;
		}
		boolean accepts = switch (dispute.reason()) {
			case "charged_twice", "wrong_amount", "refund_not_received" -> true;
			default -> false;
		};
		Runnable answer = () -> {
			try {
				desk.getObject()
					.merchantAnswered(dispute.disputeId(),
							accepts ? Dispute.MerchantAnswer.ACCEPTED : Dispute.MerchantAnswer.CONTESTED,
							accepts ? "We agree and accept the refund."
									: "The order was delivered to the customer's address.");
			}
			catch (RuntimeException e) {
				// a merchant's answer that cannot be taken must not fail the request that
				// asked
				log.warn("The simulated merchant's answer to dispute {} was not taken: {}", dispute.disputeId(),
						e.toString());
			}
		};
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					answer.run();
				}
			});
		}
		else {
			answer.run();
		}
	}

}
