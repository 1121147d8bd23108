package com.tpwallet.walletdesk.wallet.internal;

import com.tpwallet.walletdesk.wallet.Money;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stand-in acquirer that behaves like a real one, keyed on the usual test cards:
 * {@code 4242424242424242} succeeds (confirmed by callback), {@code 4000000000000002} is
 * declined, {@code 4000000000009995} is accepted and then fails for insufficient funds at
 * the bank (callback), {@code 4000000000000069} is declined as expired,
 * {@code 4000000000000119} times out and is only resolved by reconciliation (the charge
 * never reached the bank). Any other valid card succeeds. Callbacks are signed and
 * delivered as an HTTP gateway would (after a short delay, retried if refused). Only in
 * the demo, dev and test profiles: anywhere else it would accept any valid card number as
 * money.
 */
@Component
@Profile({ "demo", "dev", "test" })
class SimulatedGateway implements PaymentGateway {

	private static final Logger log = LoggerFactory.getLogger(SimulatedGateway.class);
	static final Duration CALLBACK_DELAY = Duration.ofMillis(150);

	/**
	 * The gateway's own memory of charges; on a real gateway this lives on their side.
	 */
	private final Map<UUID, ChargeStatus> charges = new ConcurrentHashMap<>();

	private final TaskScheduler scheduler;

	private final ObjectProvider<GatewayCallbacks> callbacks;

	private final GatewaySignature signature;

	private final JsonMapper json;

	SimulatedGateway(TaskScheduler scheduler, ObjectProvider<GatewayCallbacks> callbacks, GatewaySignature signature,
			JsonMapper json) {
		this.scheduler = scheduler;
		this.callbacks = callbacks;
		this.signature = signature;
		this.json = json;
	}

	@Override
	public ChargeAnswer charge(UUID topUpId, Money money, BankCard card) {
		switch (card.number()) {
			case "4000000000000002" -> {
				charges.put(topUpId, new ChargeStatus("failed", "bank_declined"));
				return new ChargeAnswer(false, "bank_declined");
			}
			case "4000000000000069" -> {
				charges.put(topUpId, new ChargeStatus("failed", "card_expired"));
				return new ChargeAnswer(false, "card_expired");
			}
			case "4000000000000119" -> {
				charges.put(topUpId, new ChargeStatus("failed", "gateway_timeout"));
				throw new GatewayTimeout("no answer from the acquirer");
			}
			case "4000000000009995" -> settleLater(topUpId, new ChargeStatus("failed", "bank_insufficient_funds"));
			default -> settleLater(topUpId, new ChargeStatus("succeeded", null));
		}
		return new ChargeAnswer(true, null);
	}

	@Override
	public ChargeStatus status(UUID topUpId) {
		// A charge the gateway never heard of did not happen.
		return charges.getOrDefault(topUpId, new ChargeStatus("failed", "gateway_timeout"));
	}

	private void settleLater(UUID topUpId, ChargeStatus outcome) {
		charges.put(topUpId, new ChargeStatus("pending", null));
		scheduler.schedule(() -> deliver(topUpId, outcome, 1), Instant.now().plus(CALLBACK_DELAY));
	}

	private void deliver(UUID topUpId, ChargeStatus outcome, int attempt) {
		charges.put(topUpId, outcome);
		String body = json.writeValueAsString(Map.of("topUpId", topUpId.toString(), "status", outcome.status(),
				"reason", outcome.reason() == null ? "" : outcome.reason()));
		boolean taken;
		try {
			taken = callbacks.getObject().receive(body, signature.sign(body));
		}
		catch (RuntimeException e) {
			log.warn("Callback for top-up {} failed: {}", topUpId, e.getMessage());
			taken = false;
		}
		if (!taken && attempt < 5) {
			// Like a real gateway: retry with backoff until the merchant acknowledges.
			scheduler.schedule(() -> deliver(topUpId, outcome, attempt + 1),
					Instant.now().plus(CALLBACK_DELAY.multipliedBy(1L << attempt)));
		}
	}

}
