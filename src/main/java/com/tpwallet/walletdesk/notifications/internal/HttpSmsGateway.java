package com.tpwallet.walletdesk.notifications.internal;

import com.tpwallet.walletdesk.notifications.Notice.Channel;
import com.tpwallet.walletdesk.platform.HttpPartner;
import java.time.Duration;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * Sends SMS through an HTTP gateway: {@code POST <url>} with JSON {@code {to, text,
 * sender}} and the API key as a bearer token; any non-2xx answer, or none within the
 * time-out, is a failure (and is retried).
 */
@Component
class HttpSmsGateway implements DeliveryAdapter {

	private final RestClient http;

	private final String sender;

	private final boolean configured;

	HttpSmsGateway(RestClient.Builder builder, @Value("${walletdesk.sms.http.url:}") String url,
			@Value("${walletdesk.sms.http.api-key:}") String apiKey,
			@Value("${walletdesk.sms.http.sender:tpWallet}") String sender,
			@Value("${walletdesk.sms.http.timeout:PT10S}") Duration timeout) {
		this.http = HttpPartner.client(builder, url, timeout)
			.defaultHeader("Authorization", "Bearer " + apiKey)
			.build();
		this.sender = sender;
		this.configured = !url.isBlank() && !apiKey.isBlank();
	}

	@Override
	public void requireConfiguration() {
		if (!configured) {
			throw new IllegalStateException(
					"Set WALLETDESK_SMS_HTTP_URL and WALLETDESK_SMS_HTTP_API_KEY: the SMS gateway");
		}
	}

	@Override
	public Channel channel() {
		return Channel.SMS;
	}

	@Override
	public String name() {
		return "http";
	}

	@Override
	public void deliver(OutboundMessage message) {
		http.post()
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("to", message.recipient(), "text", message.body(), "sender", sender))
			.retrieve()
			.toBodilessEntity();
	}

}
