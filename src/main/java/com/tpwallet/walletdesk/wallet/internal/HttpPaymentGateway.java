package com.tpwallet.walletdesk.wallet.internal;

import com.tpwallet.walletdesk.wallet.Money;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * The card acquirer over its HTTP API (the contract is ADR 0008): {@code POST /charges}
 * with the top-up's id as both reference and {@code Idempotency-Key}, so that a retried
 * charge is charged once; {@code GET /charges/{reference}} for reconciliation. The
 * outcome of an accepted charge arrives later by the signed callback. A connection that
 * fails or does not answer in time is a {@link GatewayTimeout}: the top-up stays pending
 * until reconciliation asks.
 */
@Component
@Profile("!demo & !dev & !test")
class HttpPaymentGateway implements PaymentGateway {

	private final RestClient http;

	HttpPaymentGateway(RestClient.Builder builder, @Value("${walletdesk.gateway.url:}") String url,
			@Value("${walletdesk.gateway.api-key:}") String apiKey,
			@Value("${walletdesk.gateway.timeout:10s}") Duration timeout) {
		this.http = AcquirerConnection.connect(builder, "card acquirer", "walletdesk.gateway", url, apiKey, timeout);
	}

	@Override
	public ChargeAnswer charge(UUID topUpId, Money money, BankCard card) {
		JsonNode answer;
		try {
			answer = http.post()
				.uri("/charges")
				.header("Idempotency-Key", topUpId.toString())
				.contentType(MediaType.APPLICATION_JSON)
				.body(Map.of("reference", topUpId.toString(), "amount", money.amount(), "currency", money.currency(),
						"card", Map.of("number", card.number())))
				.retrieve()
				.body(JsonNode.class);
		}
		catch (ResourceAccessException e) {
			throw new GatewayTimeout("the acquirer did not answer: " + e.getClass().getSimpleName());
		}
		catch (HttpClientErrorException e) {
			// A 4xx is the acquirer refusing the charge as asked (e.g. a card it does not
			// take).
			return new ChargeAnswer(false, "gateway_refused");
		}
		catch (HttpServerErrorException e) {
			// A 5xx says nothing of whether the card was charged: as a time-out, left to
			// reconciliation.
			throw new GatewayTimeout("the acquirer failed: " + e.getStatusCode().value());
		}
		String status = answer == null ? "" : answer.path("status").asString("");
		return switch (status) {
			case "pending", "succeeded" -> new ChargeAnswer(true, null);
			case "failed" -> new ChargeAnswer(false, reason(answer));
			default -> throw new GatewayTimeout("the acquirer answered no known status");
		};
	}

	@Override
	public ChargeStatus status(UUID topUpId) {
		try {
			JsonNode answer = http.get().uri("/charges/{reference}", topUpId).retrieve().body(JsonNode.class);
			String status = answer == null ? "pending" : answer.path("status").asString("pending");
			return new ChargeStatus(status, status.equals("failed") ? reason(answer) : null);
		}
		catch (HttpClientErrorException e) {
			if (e.getStatusCode() == HttpStatus.NOT_FOUND) {
				// A charge the acquirer never received did not happen.
				return new ChargeStatus("failed", "gateway_timeout");
			}
			throw e;
		}
	}

	private static String reason(JsonNode answer) {
		String code = answer.path("declineCode").asString("");
		return code.matches("[a-z_]{1,40}") ? code : "bank_declined";
	}

}
