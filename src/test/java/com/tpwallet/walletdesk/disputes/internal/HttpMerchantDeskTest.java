package com.tpwallet.walletdesk.disputes.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The merchants' dispute service adapter against a local server that speaks its contract.
 */
class HttpMerchantDeskTest {

	record Seen(String method, String path, String authorization, String idempotencyKey, String body) {
	}

	HttpServer server;

	final List<Seen> seen = new CopyOnWriteArrayList<>();

	volatile int status = 202;

	@BeforeEach
	void start() throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/", exchange -> {
			seen.add(new Seen(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
					exchange.getRequestHeaders().getFirst("Authorization"),
					exchange.getRequestHeaders().getFirst("Idempotency-Key"),
					new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
			exchange.sendResponseHeaders(status, -1);
			exchange.close();
		});
		server.start();
	}

	@AfterEach
	void stop() {
		server.stop(0);
	}

	DisputeSettings settings(String url, String key, String secret) {
		return new DisputeSettings(120, 1, 10, 5, 14, 100_000, 500_000, new DisputeSettings.Merchant(url, key, secret));
	}

	MerchantDesk.MerchantCase dispute() {
		return new MerchantDesk.MerchantCase(UUID.randomUUID(), "Lucky Bean Coffee (m-coffee)", "P2026112400001",
				12_000, "CNY", "charged_twice", "Charged twice", LocalDate.parse("2026-12-01"));
	}

	@Test
	void aCaseIsPostedWithTheKeyAndTheDisputeAsIdempotencyKey() {
		String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
		MerchantDesk.MerchantCase dispute = dispute();
		new HttpMerchantDesk(RestClient.builder(), settings(url, "merchant-key", "secret")).ask(dispute);

		assertThat(seen).hasSize(1);
		Seen request = seen.get(0);
		assertThat(request.method()).isEqualTo("POST");
		assertThat(request.path()).isEqualTo("/disputes");
		assertThat(request.authorization()).isEqualTo("Bearer merchant-key");
		assertThat(request.idempotencyKey()).isEqualTo(dispute.disputeId().toString());
		JsonNode body = JsonMapper.builder().build().readTree(request.body());
		assertThat(body.path("paymentReference").asString()).isEqualTo("P2026112400001");
		assertThat(body.path("amount").asLong()).isEqualTo(12_000);
		assertThat(body.path("respondBy").asString()).isEqualTo("2026-12-01");
	}

	@Test
	void aServiceThatRefusesTheCaseHasNotTakenIt() {
		status = 503;
		String url = "http://127.0.0.1:" + server.getAddress().getPort();
		HttpMerchantDesk desk = new HttpMerchantDesk(RestClient.builder(), settings(url, "merchant-key", "secret"));
		assertThatThrownBy(() -> desk.ask(dispute())).isInstanceOf(MerchantDesk.Unreachable.class);
	}

	@Test
	void withoutItsUrlKeyAndSecretTheAdapterRefusesToStart() {
		assertThatThrownBy(() -> new HttpMerchantDesk(RestClient.builder(), settings("", "k", "s")))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("walletdesk.disputes.merchant.url");
		assertThatThrownBy(() -> new HttpMerchantDesk(RestClient.builder(), settings("http://x", "k", "")))
			.isInstanceOf(IllegalStateException.class);
	}

}
