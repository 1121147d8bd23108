package com.tpwallet.walletdesk.disputes.internal;

import com.tpwallet.walletdesk.platform.HttpPartner;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.annotation.Profile;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * The acquirer's merchant-dispute service over HTTP: {@code POST /disputes} with the case
 * and {@code Idempotency-Key} (the dispute's id), Bearer API key. The merchant answers
 * later at {@code POST /api/v1/merchant-disputes/callback}, signed with the shared
 * secret. Outside the demo, dev and test profiles the service refuses to start without
 * the URL, the key and the secret.
 */
@Component
@Profile("!demo & !dev & !test")
class HttpMerchantDesk implements MerchantDesk {

	private final RestClient http;

	HttpMerchantDesk(RestClient.Builder builder, DisputeSettings settings) {
		DisputeSettings.Merchant merchant = settings.merchant();
		if (merchant.url().isBlank() || merchant.apiKey().isBlank() || merchant.callbackSecret().isBlank()) {
			throw new IllegalStateException("Set walletdesk.disputes.merchant.url, .api-key and .callback-secret "
					+ "(WALLETDESK_DISPUTES_MERCHANT_URL, _API_KEY, _CALLBACK_SECRET): the merchants' dispute service "
					+ "to use outside the demo, dev and test profiles");
		}
		this.http = HttpPartner.client(builder, merchant.url(), Duration.ofSeconds(30))
			.defaultHeader("Authorization", "Bearer " + merchant.apiKey())
			.build();
	}

	@Override
	public void ask(MerchantCase dispute) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("disputeId", dispute.disputeId().toString());
		body.put("merchant", dispute.merchant());
		body.put("paymentReference", dispute.paymentReference());
		body.put("amount", dispute.amount());
		body.put("currency", dispute.currency());
		body.put("reason", dispute.reason());
		body.put("description", dispute.description());
		body.put("respondBy", dispute.respondBy().toString());
		try {
			http.post()
				.uri("/disputes")
				.header("Idempotency-Key", dispute.disputeId().toString())
				.contentType(MediaType.APPLICATION_JSON)
				.body(body)
				.retrieve()
				.toBodilessEntity();
		}
		catch (RestClientException unreachable) {
			// sent again later (MerchantDeliveries), with the same Idempotency-Key
			throw new Unreachable("The merchants' dispute service did not take the case", unreachable);
		}
	}

}
