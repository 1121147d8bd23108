package com.tpwallet.walletdesk.wallet.internal;

import com.tpwallet.walletdesk.wallet.Money;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * The payout bank over its HTTP API (ADR 0008): {@code POST /payouts} with the
 * withdrawal's id as reference and {@code Idempotency-Key}. {@code paid} or
 * {@code rejected} with a reason; anything else (an error, a time-out) throws, and the
 * settlement run leaves the withdrawal held for its next run.
 */
@Component
@Profile("!demo & !dev & !test")
class HttpPayoutBank implements PayoutBank {

	private final RestClient http;

	HttpPayoutBank(RestClient.Builder builder, @Value("${walletdesk.payout-bank.url:}") String url,
			@Value("${walletdesk.payout-bank.api-key:}") String apiKey,
			@Value("${walletdesk.payout-bank.timeout:30s}") Duration timeout) {
		this.http = AcquirerConnection.connect(builder, "payout bank", "walletdesk.payout-bank", url, apiKey, timeout);
	}

	@Override
	public PayoutAnswer payout(UUID withdrawalId, Money money, BankCard card, String holderName) {
		JsonNode answer = http.post()
			.uri("/payouts")
			.header("Idempotency-Key", withdrawalId.toString())
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("reference", withdrawalId.toString(), "amount", money.amount(), "currency", money.currency(),
					"cardNumber", card.number(), "holderName", holderName))
			.retrieve()
			.body(JsonNode.class);
		String status = answer == null ? "" : answer.path("status").asString("");
		return switch (status) {
			case "paid" -> new PayoutAnswer(true, null);
			case "rejected" -> {
				String reason = answer.path("reason").asString("");
				yield new PayoutAnswer(false, reason.matches("[a-z_]{1,40}") ? reason : "bank_rejected");
			}
			default -> throw new IllegalStateException("The payout bank answered no known status for " + withdrawalId);
		};
	}

}
