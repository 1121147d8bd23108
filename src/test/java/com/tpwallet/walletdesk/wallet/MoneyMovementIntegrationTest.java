package com.tpwallet.walletdesk.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tpwallet.walletdesk.Api.Response;
import com.tpwallet.walletdesk.HttpTestBase;
import com.tpwallet.walletdesk.wallet.WalletFixture.Customer;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MoneyMovementIntegrationTest extends HttpTestBase {

	WalletFixture wallet;

	@BeforeEach
	void fixture() {
		wallet = new WalletFixture(api, jdbc);
	}

	String statusOf(Customer c, String id) {
		return api.get("/api/v1/wallet/transactions/" + id, c.token())
			.body()
			.path("transaction")
			.path("status")
			.asString();
	}

	void assertLedgerBalanced() {
		Response check = api.get("/api/v1/admin/ledger/check", api.adminToken());
		assertThat(check.body().path("balanced").asBoolean()).as(check.body().toString()).isTrue();
	}

	@Test
	void topUpsFollowTheGatewayAndOnlySucceededChargesCredit() {
		Customer c = wallet.verified("Li Wei");
		Response ok = wallet.topUp(c, 10_000, "4242424242424242");
		assertThat(ok.status()).isEqualTo(201);
		assertThat(ok.text("status")).isEqualTo("pending");
		Response declined = wallet.topUp(c, 20_000, "4000000000000002");
		assertThat(declined.text("status")).isEqualTo("failed");
		assertThat(declined.text("failureReason")).isEqualTo("bank_declined");
		assertThat(wallet.topUp(c, 30_000, "4000000000000069").text("failureReason")).isEqualTo("card_expired");
		Response noFunds = wallet.topUp(c, 40_000, "4000000000009995");
		Response timeout = wallet.topUp(c, 50_000, "4000000000000119");
		assertThat(timeout.text("status")).isEqualTo("pending");

		await().atMost(Duration.ofSeconds(10)).until(() -> statusOf(c, noFunds.text("id")).equals("failed"));
		await().atMost(Duration.ofSeconds(10)).until(() -> wallet.available(c, "CNY") == 10_000);
		assertThat(statusOf(c, timeout.text("id"))).as("a timed-out charge waits for reconciliation")
			.isEqualTo("pending");

		clock.advance(Duration.ofMinutes(3));
		assertThat(api.post("/api/v1/admin/wallet/reconcile", null, api.adminToken()).body().path("resolved").asInt())
			.isPositive();
		Response detail = api.get("/api/v1/wallet/transactions/" + timeout.text("id"), c.token());
		assertThat(detail.body().path("transaction").path("status").asString()).isEqualTo("failed");
		assertThat(detail.body().path("transaction").path("failureReason").asString()).isEqualTo("gateway_timeout");
		assertThat(detail.body().path("timeline").toString()).contains("requested", "pending", "failed");
		assertThat(wallet.available(c, "CNY")).isEqualTo(10_000);
		assertLedgerBalanced();
	}

	@Test
	void badInputIsRefusedWithACodeAndChangesNothing() {
		Customer a = wallet.funded(5_000);
		Customer b = wallet.customer();
		record Case(Map<String, Object> body, String code) {
		}
		var cases = java.util.List.of(
				new Case(Map.of("to", b.phone(), "amount", -5, "currency", "CNY", "paymentPassword", WalletFixture.PIN),
						"amount_not_positive"),
				new Case(Map.of("to", b.phone(), "amount", 0, "currency", "CNY", "paymentPassword", WalletFixture.PIN),
						"amount_not_positive"),
				new Case(Map.of("to", b.phone(), "amount", 12.5, "currency", "CNY", "paymentPassword",
						WalletFixture.PIN), "amount_not_integer"),
				new Case(
						Map.of("to", b.phone(), "amount", 100, "currency", "XYZ", "paymentPassword", WalletFixture.PIN),
						"currency_unsupported"),
				new Case(Map.of("to", b.phone(), "amount", 100, "currency", "CNY"), "invalid_request"),
				new Case(Map.of("to", b.phone(), "amount", "lots", "currency", "CNY", "paymentPassword",
						WalletFixture.PIN), "malformed_request"));
		int before = rows(a);
		for (Case c : cases) {
			Response r = wallet.post(a, "/api/v1/wallet/transfers", c.body());
			assertThat(r.status()).as(c.code()).isEqualTo(c.code().endsWith("_request") ? 400 : 422);
			assertThat(r.code()).isEqualTo(c.code());
		}
		Response malformedCard = wallet.topUp(a, 100, "4242424242424241");
		assertThat(malformedCard.code()).isEqualTo("card_invalid");
		Response noKey = api.post("/api/v1/wallet/transfers",
				Map.of("to", b.phone(), "amount", 100, "currency", "CNY", "paymentPassword", WalletFixture.PIN),
				a.token());
		assertThat(noKey.code()).isEqualTo("idempotency_key_required");
		assertThat(wallet.available(a, "CNY")).isEqualTo(5_000);
		assertThat(wallet.available(b, "CNY")).isZero();
		assertThat(rows(a)).as("only the malformed card counts as an attempt").isEqualTo(before + 1);
	}

	int rows(Customer c) {
		return jdbc.sql("SELECT count(*) FROM wallet_transaction WHERE customer_id = ?")
			.param(c.id())
			.query(Integer.class)
			.single();
	}

	@Test
	void paymentsAreRefusedWithAReasonAndTheRefusedAttemptIsKept() {
		Customer c = wallet.funded(10_000);
		assertThat(wallet.pay(c, "m-coffee", 20_000, WalletFixture.PIN).code()).isEqualTo("insufficient_balance");
		assertThat(wallet.pay(c, "m-nowhere", 100, WalletFixture.PIN).code()).isEqualTo("merchant_unknown");
		assertThat(wallet.pay(c, "m-coffee", 100, "000000").code()).isEqualTo("payment_password_wrong");
		Response ok = wallet.pay(c, "m-coffee", 2_500, WalletFixture.PIN);
		assertThat(ok.status()).isEqualTo(201);
		assertThat(ok.text("status")).isEqualTo("succeeded");
		assertThat(wallet.available(c, "CNY")).isEqualTo(7_500);

		api.post("/api/v1/staff/customers/" + c.id() + "/wallet/freeze", Map.of("reason", "unusual login"),
				api.staffToken("SUPERVISOR"));
		assertThat(api.get("/api/v1/wallet", c.token()).body().path("frozen").asBoolean()).isTrue();
		assertThat(wallet.pay(c, "m-coffee", 100, WalletFixture.PIN).code()).isEqualTo("wallet_frozen");
		assertThat(api.post("/api/v1/staff/customers/" + c.id() + "/wallet/unfreeze", null, api.staffToken("AGENT"))
			.status()).as("agents cannot unfreeze").isEqualTo(403);
		api.post("/api/v1/staff/customers/" + c.id() + "/wallet/unfreeze", null, api.staffToken("SUPERVISOR"));
		assertThat(wallet.pay(c, "m-coffee", 100, WalletFixture.PIN).status()).isEqualTo(201);

		Response failed = api.get("/api/v1/wallet/transactions?status=failed&type=payment", c.token());
		assertThat(failed.body().path("items").findValuesAsString("failureReason")).containsExactlyInAnyOrder(
				"insufficient_balance", "merchant_unknown", "payment_password_wrong", "wallet_frozen");
		assertThat(failed.body().path("items").findValuesAsString("counterparty"))
			.as("refused payments name the merchant as paid ones do")
			.contains("Lucky Bean Coffee (m-coffee)", "m-nowhere");
		assertThat(jdbc.sql("SELECT action FROM audit_entry WHERE subject_id = ?")
			.param(c.id())
			.query(String.class)
			.list()).contains("wallet.frozen", "wallet.unfrozen");
		assertLedgerBalanced();
	}

	@Test
	void fiveWrongPaymentPasswordsBlockPayments() {
		Customer c = wallet.funded(1_000);
		for (int i = 0; i < 4; i++) {
			assertThat(wallet.pay(c, "m-metro", 100, "000000").code()).isEqualTo("payment_password_wrong");
		}
		assertThat(wallet.pay(c, "m-metro", 100, "000000").code()).isEqualTo("payment_password_blocked");
		assertThat(wallet.pay(c, "m-metro", 100, WalletFixture.PIN).code()).isEqualTo("payment_password_blocked");
	}

	@Test
	void aDailyLimitCapsWhatLeavesTheWallet() {
		Customer c = wallet.funded(6_000_000);
		assertThat(wallet.pay(c, "m-grocery", 4_000_000, WalletFixture.PIN).status()).isEqualTo(201);
		Response over = wallet.pay(c, "m-grocery", 1_500_000, WalletFixture.PIN);
		assertThat(over.code()).isEqualTo("limit_exceeded");
		assertThat(over.text("detail")).contains("50000");
		clock.advance(Duration.ofDays(1));
		Customer tomorrow = new Customer(c.phone(), api.login(c.phone(), com.tpwallet.walletdesk.Api.PASSWORD), c.id());
		assertThat(wallet.pay(tomorrow, "m-grocery", 1_500_000, WalletFixture.PIN).status()).isEqualTo(201);
	}

	@Test
	void transfersFindTheRecipientByPhoneOrEmailAndReplaysMoveMoneyOnce() {
		Customer a = wallet.funded(10_000);
		Customer b = wallet.customer();
		assertThat(wallet.transfer(a, "+8613000000001", 100).code()).isEqualTo("recipient_unknown");
		assertThat(wallet.transfer(a, a.phone(), 100).code()).isEqualTo("recipient_is_self");

		String key = UUID.randomUUID().toString();
		Map<String, Object> body = new HashMap<>(Map.of("to", b.phone(), "amount", 1_000, "currency", "CNY",
				"paymentPassword", WalletFixture.PIN, "note", "dinner"));
		Response first = api.post("/api/v1/wallet/transfers", body, a.token(), "Idempotency-Key", key);
		Response again = api.post("/api/v1/wallet/transfers", body, a.token(), "Idempotency-Key", key);
		assertThat(first.status()).isEqualTo(201);
		assertThat(again.status()).isEqualTo(201);
		assertThat(again.text("id")).isEqualTo(first.text("id"));
		body.put("amount", 2_000);
		assertThat(api.post("/api/v1/wallet/transfers", body, a.token(), "Idempotency-Key", key).status())
			.isEqualTo(409);
		assertThat(wallet.available(a, "CNY")).isEqualTo(9_000);
		assertThat(wallet.available(b, "CNY")).isEqualTo(1_000);
		assertThat(first.text("counterparty")).as("a recipient without a verified name reads as a masked phone number")
			.matches("\\+\\d{5}\\*{4}\\d{4}");

		String refusedKey = UUID.randomUUID().toString();
		Map<String, Object> tooMuch = Map.of("to", b.phone(), "amount", 1_000_000, "currency", "CNY", "paymentPassword",
				WalletFixture.PIN);
		assertThat(api.post("/api/v1/wallet/transfers", tooMuch, a.token(), "Idempotency-Key", refusedKey).code())
			.isEqualTo("insufficient_balance");
		wallet.topUp(a, 2_000_000, WalletFixture.CARD);
		await().atMost(Duration.ofSeconds(10)).until(() -> wallet.available(a, "CNY") > 1_000_000);
		assertThat(api.post("/api/v1/wallet/transfers", tooMuch, a.token(), "Idempotency-Key", refusedKey).code())
			.as("a replayed refusal stays a refusal")
			.isEqualTo("insufficient_balance");

		Response received = api.get("/api/v1/wallet/transactions?type=transfer_in", b.token());
		assertThat(received.body().path("items").get(0).path("note").asString()).isEqualTo("dinner");
		assertThat(received.body().path("items").get(0).path("counterparty").asString())
			.as("the sender's legal name is masked for the recipient")
			.startsWith("L*** W. +")
			.contains("****")
			.doesNotContain("Li Wei");
		assertLedgerBalanced();
	}

	@Test
	void aBatchedTransferHonoursTheFreezeAndTheDailyLimitAndRecordsTheRefusal() {
		Customer a = wallet.funded(6_000_000);
		Customer b = wallet.customer();
		String supervisor = api.staffToken("SUPERVISOR");
		api.post("/api/v1/staff/customers/" + a.id() + "/wallet/freeze", Map.of("reason", "risk review"), supervisor);
		assertThat(wallet.transfer(a, b.phone(), 100).code()).isEqualTo("wallet_frozen");
		api.post("/api/v1/staff/customers/" + a.id() + "/wallet/unfreeze", null, supervisor);
		assertThat(wallet.transfer(a, b.phone(), 4_900_000).status()).isEqualTo(201);
		Response over = wallet.transfer(a, b.phone(), 200_000);
		assertThat(over.code()).isEqualTo("limit_exceeded");
		assertThat(wallet.available(a, "CNY")).isEqualTo(1_100_000);
		assertThat(wallet.available(b, "CNY")).isEqualTo(4_900_000);
		assertThat(api.get("/api/v1/wallet/transactions?status=failed&type=transfer_out", a.token())
			.body()
			.path("items")
			.findValuesAsString("failureReason")).containsExactlyInAnyOrder("wallet_frozen", "limit_exceeded");
		assertLedgerBalanced();
	}

	@Test
	void eurAndUsdLiveInBalancesOfTheirOwn() {
		Customer c = wallet.verified("Emma Brown");
		wallet.post(c, "/api/v1/wallet/top-ups",
				Map.of("amount", 1_250, "currency", "EUR", "cardNumber", WalletFixture.CARD, "expiry", "12/30"));
		wallet.post(c, "/api/v1/wallet/top-ups",
				Map.of("amount", 990, "currency", "USD", "cardNumber", WalletFixture.CARD, "expiry", "12/30"));
		await().atMost(Duration.ofSeconds(10))
			.until(() -> wallet.available(c, "EUR") == 1_250 && wallet.available(c, "USD") == 990);
		assertThat(wallet.available(c, "CNY")).isZero();
		assertThat(wallet.pay(c, "m-books", 1_000, WalletFixture.PIN).code()).as("no CNY to pay with")
			.isEqualTo("insufficient_balance");
		Response eur = wallet.post(c, "/api/v1/wallet/payments", Map.of("merchant", "m-books", "amount", 1_000,
				"currency", "EUR", "paymentPassword", WalletFixture.PIN));
		assertThat(eur.status()).isEqualTo(201);
		assertThat(wallet.available(c, "EUR")).isEqualTo(250);
	}

	@Test
	void aSignedCallbackIsAppliedOnceAndAForgedOneIsRefused() {
		Customer c = wallet.verified("Li Wei");
		UUID topUp = UUID.fromString(wallet.topUp(c, 700, "4000000000000119").text("id"));
		String body = "{\"topUpId\":\"" + topUp + "\",\"status\":\"succeeded\",\"reason\":\"\"}";
		assertThat(api.call("POST", "/api/v1/wallet/gateway/callback", null, null).code())
			.isEqualTo("malformed_request");
		Response forged = callback(body, "00");
		assertThat(forged.code()).isEqualTo("callback_rejected");
		String signature = hmac(body);
		assertThat(callback(body, signature).status()).isEqualTo(204);
		assertThat(callback(body, signature).status()).isEqualTo(204);
		assertThat(wallet.available(c, "CNY")).isEqualTo(700);
	}

	Response callback(String body, String signature) {
		try {
			var result = mvc
				.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
					.post("/api/v1/wallet/gateway/callback")
					.contentType("application/json")
					.content(body)
					.header("X-Gateway-Signature", signature))
				.andReturn();
			String content = result.getResponse().getContentAsString();
			return new Response(result.getResponse().getStatus(),
					content.isEmpty() ? tools.jackson.databind.json.JsonMapper.builder().build().createObjectNode()
							: tools.jackson.databind.json.JsonMapper.builder().build().readTree(content),
					result);
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	static String hmac(String body) {
		return WalletFixture.gatewaySignature(body);
	}

	@Test
	void refundsAreNewPostingsAndNeverExceedThePayment() {
		Customer c = wallet.funded(10_000);
		String payment = wallet.pay(c, "m-books", 3_000, WalletFixture.PIN).text("id");
		String supervisor = api.staffToken("SUPERVISOR");
		assertThat(api
			.post("/api/v1/staff/transactions/" + payment + "/refund",
					Map.of("amount", 1_000, "reason", "damaged book"), api.staffToken("AGENT"), "Idempotency-Key", "r1")
			.status()).isEqualTo(403);
		Response refund = api.post("/api/v1/staff/transactions/" + payment + "/refund",
				Map.of("amount", 1_000, "reason", "damaged book"), supervisor, "Idempotency-Key", "r1-" + payment);
		assertThat(refund.status()).isEqualTo(201);
		assertThat(api
			.post("/api/v1/staff/transactions/" + payment + "/refund",
					Map.of("amount", 1_000, "reason", "damaged book"), supervisor, "Idempotency-Key", "r1-" + payment)
			.text("id")).as("a double click refunds once").isEqualTo(refund.text("id"));
		assertThat(refund.text("relatedId")).isEqualTo(payment);
		assertThat(api
			.post("/api/v1/staff/transactions/" + payment + "/refund", Map.of("amount", 2_500, "reason", "again"),
					supervisor, "Idempotency-Key", "r2-" + payment)
			.code()).isEqualTo("refund_amount_invalid");
		assertThat(wallet.available(c, "CNY")).isEqualTo(8_000);
		// the customer is told once, in the app and by SMS
		assertThat(jdbc.sql("SELECT count(*) FROM notification WHERE recipient IN (?, ?) AND body = ?")
			.params(c.phone(), c.id().toString(),
					"[tpWallet] A refund of CN¥10.00 has been added to your wallet. You can see it in your transactions.")
			.query(Long.class)
			.single()).isEqualTo(2);
		assertThat(statusOf(c, payment)).as("the payment itself is never edited").isEqualTo("succeeded");
		assertLedgerBalanced();
	}

	@Test
	void aRefundThatWouldWrapPastTwoToTheSixtyThreeIsRefusedAndMintsNothing() {
		Customer c = wallet.funded(10_000);
		String payment = wallet.pay(c, "m-books", 3_000, WalletFixture.PIN).text("id");
		String supervisor = api.staffToken("SUPERVISOR");
		assertThat(api
			.post("/api/v1/staff/transactions/" + payment + "/refund", Map.of("amount", 1_000, "reason", "part"),
					supervisor, "Idempotency-Key", "w1-" + payment)
			.status()).isEqualTo(201);
		Response minted = api.post("/api/v1/staff/transactions/" + payment + "/refund",
				Map.of("amount", Long.MAX_VALUE, "reason", "mint"), supervisor, "Idempotency-Key", "w2-" + payment);
		assertThat(minted.status()).isEqualTo(422);
		assertThat(minted.code()).isEqualTo("refund_amount_invalid");
		assertThat(wallet.available(c, "CNY")).isEqualTo(8_000);
		assertLedgerBalanced();
	}

	@Test
	void theDailyLimitCountsEveryCurrencyTogetherAtTheStatedRates() {
		Customer c = wallet.funded(4_500_000);
		Customer friend = wallet.customer();
		wallet.post(c, "/api/v1/wallet/top-ups",
				Map.of("amount", 5_000_000, "currency", "EUR", "cardNumber", WalletFixture.CARD, "expiry", "12/30"));
		await().atMost(Duration.ofSeconds(10)).until(() -> wallet.available(c, "EUR") == 5_000_000);
		assertThat(wallet.pay(c, "m-grocery", 4_000_000, WalletFixture.PIN).status()).isEqualTo(201);
		Response euros = wallet.post(c, "/api/v1/wallet/payments", Map.of("merchant", "m-grocery", "amount", 4_900_000,
				"currency", "EUR", "paymentPassword", WalletFixture.PIN));
		assertThat(euros.code()).as("40,000 CNY and then 49,000 EUR on one day").isEqualTo("limit_exceeded");
		assertThat(euros.text("detail")).contains("50000 CNY");
		assertThat(wallet
			.post(c, "/api/v1/wallet/payments", Map.of("merchant", "m-grocery", "amount", 100_000, "currency", "EUR",
					"paymentPassword", WalletFixture.PIN))
			.status()).as("1,000 EUR is 7,800 CNY: 47,800 in all").isEqualTo(201);
		Response eurTransfer = wallet.post(c, "/api/v1/wallet/transfers", Map.of("to", friend.phone(), "amount", 30_000,
				"currency", "EUR", "paymentPassword", WalletFixture.PIN));
		assertThat(eurTransfer.code())
			.as("a batched transfer judges the same total: 300 EUR more is 2,340 CNY; " + eurTransfer.body())
			.isEqualTo("limit_exceeded");
		assertThat(wallet.transfer(c, friend.phone(), 220_000).status()).as("exactly up to the limit").isEqualTo(201);
		assertThat(wallet.transfer(c, friend.phone(), 1).code()).isEqualTo("limit_exceeded");
		assertThat(wallet.available(c, "EUR")).isEqualTo(4_900_000);
		assertLedgerBalanced();
	}

}
