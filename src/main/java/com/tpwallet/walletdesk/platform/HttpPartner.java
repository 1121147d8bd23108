package com.tpwallet.walletdesk.platform;

import java.net.http.HttpClient;
import java.time.Duration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * The HTTP client for a partner's API (a bank, a translator, the merchants' dispute
 * service, a search cluster): its base URL, and a time-out on connecting and on reading,
 * so that a partner that hangs becomes an answer the caller handles.
 */
public final class HttpPartner {

	private HttpPartner() {
	}

	public static RestClient.Builder client(RestClient.Builder builder, String url, Duration timeout) {
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
				HttpClient.newBuilder().connectTimeout(timeout).build());
		requests.setReadTimeout(timeout);
		return builder.clone().requestFactory(requests).baseUrl(url.replaceAll("/+$", ""));
	}

}
