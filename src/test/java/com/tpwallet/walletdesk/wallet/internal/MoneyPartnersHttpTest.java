package com.tpwallet.walletdesk.wallet.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.tpwallet.walletdesk.wallet.Money;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Profile;
import org.springframework.web.client.RestClient;

/**
 * The real acquirer and payout-bank adapters against a local server that speaks their
 * contract (ADR 0008).
 */
class MoneyPartnersHttpTest {

	record Seen(String method, String path, String authorization, String idempotencyKey, String body) {
	}

	HttpServer server;

	final List<Seen> seen = new CopyOnWriteArrayList<>();

	volatile int status = 200;

	volatile String answer = "{}";

	volatile long delayMillis;

	@BeforeEach
	void start() throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/", this::handle);
		server.start();
	}

	@AfterEach
	void stop() {
		server.stop(0);
	}

	private void handle(HttpExchange exchange) throws IOException {
		seen.add(new Seen(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
				exchange.getRequestHeaders().getFirst("Authorization"),
				exchange.getRequestHeaders().getFirst("Idempotency-Key"),
				new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
		try {
			Thread.sleep(delayMillis);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		byte[] body = answer.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, body.length);
		exchange.getResponseBody().write(body);
		exchange.close();
	}

	String url() {
		return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1/";
	}

	HttpPaymentGateway gateway() {
		return new HttpPaymentGateway(RestClient.builder(), url(), "sk_live_1", Duration.ofMillis(500));
	}

	final UUID topUp = UUID.randomUUID();

	final BankCard card = new BankCard("4242424242424242");

	@Test
	void aChargeIsSentOnceByReferenceWithTheKeyAndAnAcceptedOneWaitsForTheCallback() {
		answer = "{\"status\":\"pending\"}";
		assertThat(gateway().charge(topUp, new Money(1_250, "CNY"), card))
			.isEqualTo(new PaymentGateway.ChargeAnswer(true, null));
		Seen request = seen.get(0);
		assertThat(request.method()).isEqualTo("POST");
		assertThat(request.path()).isEqualTo("/v1/charges");
		assertThat(request.authorization()).isEqualTo("Bearer sk_live_1");
		assertThat(request.idempotencyKey()).isEqualTo(topUp.toString());
		assertThat(request.body()).contains("\"reference\":\"" + topUp + "\"", "\"amount\":1250",
				"\"currency\":\"CNY\"", "\"number\":\"4242424242424242\"");
	}

	@Test
	void aDeclineCarriesTheAcquirersReasonAndAnUnreadableReasonIsABankDecline() {
		answer = "{\"status\":\"failed\",\"declineCode\":\"card_expired\"}";
		assertThat(gateway().charge(topUp, new Money(100, "CNY"), card))
			.isEqualTo(new PaymentGateway.ChargeAnswer(false, "card_expired"));
		answer = "{\"status\":\"failed\",\"declineCode\":\"<script>\"}";
		assertThat(gateway().charge(topUp, new Money(100, "CNY"), card))
			.isEqualTo(new PaymentGateway.ChargeAnswer(false, "bank_declined"));
	}

	@Test
	void anAcquirerThatDoesNotAnswerInTimeLeavesTheChargeToReconciliation() {
		delayMillis = 1_500;
		assertThatThrownBy(() -> gateway().charge(topUp, new Money(100, "CNY"), card))
			.isInstanceOf(PaymentGateway.GatewayTimeout.class);
	}

	@Test
	void anAcquirerThatFailsLeavesTheChargeToReconciliationToo() {
		status = 502;
		answer = "{\"error\":\"bad_gateway\"}";
		assertThatThrownBy(() -> gateway().charge(topUp, new Money(100, "CNY"), card))
			.isInstanceOf(PaymentGateway.GatewayTimeout.class);
	}

	@Test
	void reconciliationReadsTheChargeAndAChargeNeverReceivedDidNotHappen() {
		answer = "{\"status\":\"succeeded\"}";
		assertThat(gateway().status(topUp)).isEqualTo(new PaymentGateway.ChargeStatus("succeeded", null));
		assertThat(seen.get(0).path()).isEqualTo("/v1/charges/" + topUp);
		status = 404;
		answer = "{\"error\":\"not_found\"}";
		assertThat(gateway().status(topUp)).isEqualTo(new PaymentGateway.ChargeStatus("failed", "gateway_timeout"));
	}

	@Test
	void aPayoutIsPaidOrRejectedWithTheBanksReason() {
		HttpPayoutBank bank = new HttpPayoutBank(RestClient.builder(), url(), "bank-key", Duration.ofSeconds(1));
		answer = "{\"status\":\"paid\"}";
		UUID withdrawal = UUID.randomUUID();
		assertThat(bank.payout(withdrawal, new Money(5_000, "CNY"), card, "Li Wei"))
			.isEqualTo(new PayoutBank.PayoutAnswer(true, null));
		assertThat(seen.get(0).path()).isEqualTo("/v1/payouts");
		assertThat(seen.get(0).idempotencyKey()).isEqualTo(withdrawal.toString());
		assertThat(seen.get(0).body()).contains("\"holderName\":\"Li Wei\"", "\"amount\":5000");
		answer = "{\"status\":\"rejected\",\"reason\":\"bank_card_unknown\"}";
		assertThat(bank.payout(withdrawal, new Money(5_000, "CNY"), card, "Li Wei"))
			.isEqualTo(new PayoutBank.PayoutAnswer(false, "bank_card_unknown"));
	}

	@Test
	void withoutTheirConfigurationTheRealPartnersRefuseToStart() {
		assertThatThrownBy(() -> new HttpPaymentGateway(RestClient.builder(), "", "", Duration.ofSeconds(1)))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("walletdesk.gateway.url");
		assertThatThrownBy(() -> new HttpPayoutBank(RestClient.builder(), url(), " ", Duration.ofSeconds(1)))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("walletdesk.payout-bank.api-key");
	}

	@Test
	void theSimulatorsExistOnlyInTheDemoDevAndTestProfilesAndTheRealPartnersEverywhereElse() {
		for (Class<?> simulator : List.of(SimulatedGateway.class, SimulatedPayoutBank.class)) {
			assertThat(simulator.getAnnotation(Profile.class).value()).containsExactlyInAnyOrder("demo", "dev", "test");
		}
		for (Class<?> real : List.of(HttpPaymentGateway.class, HttpPayoutBank.class)) {
			assertThat(real.getAnnotation(Profile.class).value()).containsExactly("!demo & !dev & !test");
		}
	}

}
