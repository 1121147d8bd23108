package com.tpwallet.walletdesk.disputes.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.tpwallet.walletdesk.Api;
import com.tpwallet.walletdesk.Api.Response;
import com.tpwallet.walletdesk.HttpTestBase;
import com.tpwallet.walletdesk.wallet.WalletFixture;
import com.tpwallet.walletdesk.wallet.WalletFixture.Customer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.JsonNode;

/**
 * Disputes through the API: opening one (and every refusal), evidence, each move of the
 * desk and the merchant, refunds and provisional credits through the ledger, deadlines in
 * business days across a holiday, escalation, reopening, and the freeze an unauthorised
 * transaction asks for.
 */
class DisputesIntegrationTest extends HttpTestBase {

	static final byte[] PNG = Base64.getDecoder()
		.decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

	/** Tuesday 24 November 2026, 10:00 in Beijing. */
	static final Instant TUESDAY_MORNING = Instant.parse("2026-11-24T02:00:00Z");

	@Autowired
	DisputeWatch watch;

	WalletFixture wallet;

	String supervisor;

	@BeforeEach
	void fixture() {
		clock.setTo(TUESDAY_MORNING);
		wallet = new WalletFixture(api, jdbc);
		supervisor = api.staffToken("SUPERVISOR");
		jdbc.sql("""
				INSERT INTO merchant (id, name) SELECT m, initcap(replace(substr(m, 3), '-', ' '))
				FROM unnest(?::text[]) AS m ON CONFLICT DO NOTHING""")
			.param(new String[] { "m-shoes", "m-silent-gadgets", "m-silent-store", "m-electronics", "m-groceries",
					"m-jewellery", "m-report-shop", "m-travel", "m-unknown" })
			.update();
	}

	UUID pay(Customer c, String merchant, long amount) {
		Response paid = wallet.pay(c, merchant, amount, WalletFixture.PIN);
		assertThat(paid.status()).as(paid.body().toString()).isEqualTo(201);
		return UUID.fromString(paid.text("id"));
	}

	/** Sessions end when the clock jumps days ahead: sign in again. */
	Customer again(Customer c) {
		supervisor = api.staffToken("SUPERVISOR");
		return new Customer(c.phone(), api.login(c.phone(), Api.PASSWORD), c.id());
	}

	Response open(Customer c, UUID transaction, String reason) {
		return api.post("/api/v1/disputes", Map.of("transactionId", transaction, "reason", reason, "description",
				"I was charged but something is wrong."), c.token());
	}

	String opened(Customer c, UUID transaction, String reason) {
		Response r = open(c, transaction, reason);
		assertThat(r.status()).as(r.body().toString()).isEqualTo(201);
		return r.text("id");
	}

	MockHttpServletResponse upload(Customer c, String dispute, String name, byte[] bytes) throws Exception {
		return mvc
			.perform(MockMvcRequestBuilders.multipart("/api/v1/disputes/" + dispute + "/evidence")
				.file(new MockMultipartFile("file", name, "image/png", bytes))
				.header("Authorization", "Bearer " + c.token()))
			.andReturn()
			.getResponse();
	}

	Response decide(String token, String dispute, Map<String, Object> decision) {
		return api.post("/api/v1/staff/disputes/" + dispute + "/decision", new HashMap<>(decision), token);
	}

	JsonNode staffView(String dispute) {
		Response r = api.get("/api/v1/staff/disputes/" + dispute, supervisor);
		assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
		return r.body();
	}

	@Test
	void aCustomerDisputesAPaymentWithAScreenshotAndAFullRefundComesBackThroughTheLedger() throws Exception {
		Customer alice = wallet.funded(50_000);
		Customer bob = wallet.funded(1_000);
		UUID payment = pay(alice, "m-coffee", 12_000);
		long before = wallet.available(alice, "CNY");

		Response opened = open(alice, payment, "charged_twice");
		assertThat(opened.status()).isEqualTo(201);
		assertThat(opened.text("status")).isEqualTo("submitted");
		// opened on Tuesday 24 November: ten business days later is Tuesday 8 December
		assertThat(opened.text("dueDate")).isEqualTo("2026-12-08");
		String id = opened.text("id");

		assertThat(upload(alice, id, "receipt.png", PNG).getStatus()).isEqualTo(201);
		MockHttpServletResponse forged = upload(alice, id, "receipt.png",
				"MZ\u0090 not an image".getBytes(StandardCharsets.ISO_8859_1));
		assertThat(forged.getStatus()).isEqualTo(422);
		assertThat(forged.getContentAsString()).contains("attachment_type_refused");
		MockHttpServletResponse text = upload(alice, id, "notes.txt", "just words".getBytes(StandardCharsets.UTF_8));
		assertThat(text.getStatus()).isEqualTo(422);
		assertThat(text.getContentAsString()).contains("dispute_evidence_type_refused");

		assertThat(open(alice, payment, "charged_twice").status()).isEqualTo(409);
		assertThat(open(alice, payment, "charged_twice").code()).isEqualTo("dispute_exists");
		assertThat(open(bob, payment, "other").code()).isEqualTo("transaction_not_found");
		assertThat(api.get("/api/v1/disputes/" + id, bob.token()).status()).isEqualTo(404);
		Response wizardry = open(alice, UUID.randomUUID(), "wizardry");
		assertThat(wizardry.status()).isEqualTo(400);
		assertThat(wizardry.code()).isEqualTo("dispute_reason_invalid");

		JsonNode mine = api.get("/api/v1/disputes/" + id, alice.token()).body();
		assertThat(mine.path("evidence")).hasSize(1);
		assertThat(mine.path("evidence").get(0).path("fileName").asString()).isEqualTo("receipt.png");
		assertThat(mine.path("reason").path("text").asString()).isEqualTo("I was charged twice");

		// the ticket sits in the disputes queue
		JsonNode staff = staffView(id);
		String queue = jdbc.sql("SELECT queue_id FROM ticket WHERE id = ?::uuid")
			.param(staff.path("ticketId").asString())
			.query(String.class)
			.single();
		assertThat(queue).isEqualTo("disputes-en");

		assertThat(decide(alice.token(), id, Map.of("outcome", "refund", "reason", "x")).status()).isEqualTo(403);
		Response tooMuch = decide(supervisor, id,
				Map.of("outcome", "partial_refund", "amount", 999_999, "reason", "more than was paid"));
		assertThat(tooMuch.status()).isEqualTo(422);
		assertThat(tooMuch.code()).isEqualTo("dispute_refund_above_paid");

		Response decided = decide(supervisor, id, Map.of("outcome", "refund", "reason", "duplicate charge confirmed"));
		assertThat(decided.status()).as(decided.body().toString()).isEqualTo(200);
		assertThat(decided.text("status")).isEqualTo("decided");
		assertThat(wallet.available(alice, "CNY")).isEqualTo(before + 12_000);
		JsonNode history = api.get("/api/v1/wallet/transactions", alice.token()).body().path("items");
		assertThat(history.get(0).path("type").asString()).isEqualTo("refund");
		assertThat(history.get(0).path("relatedId").asString()).isEqualTo(payment.toString());
		assertThat(api.get("/api/v1/wallet/transactions/" + payment, alice.token())
			.body()
			.path("transaction")
			.path("status")
			.asString()).isEqualTo("succeeded");

		Response again = decide(supervisor, id, Map.of("outcome", "refund", "reason", "again"));
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.code()).isEqualTo("dispute_already_decided");
		assertThat(api.get("/api/v1/admin/ledger/check", api.adminToken()).body().path("balanced").asBoolean())
			.isTrue();
		assertThat(api.get("/api/v1/inbox", alice.token()).body().toString()).contains("Dispute #")
			.contains("120.00 CNY");
	}

	@Test
	void eachMoveOfTheDeskIsGuardedAndShowsOnTheTimelineAndTicket() throws Exception {
		Customer c = wallet.funded(50_000);
		String id = opened(c, pay(c, "m-books", 3_000), "goods_not_received");

		Response ack = api.post("/api/v1/staff/disputes/" + id + "/acknowledge", Map.of(), supervisor);
		assertThat(ack.text("status")).isEqualTo("under_review");
		assertThat(api.post("/api/v1/staff/disputes/" + id + "/acknowledge", Map.of(), supervisor).code())
			.isEqualTo("dispute_not_submitted");

		Response asked = api.post("/api/v1/staff/disputes/" + id + "/questions",
				Map.of("question", "When was the delivery promised?"), supervisor);
		assertThat(asked.text("status")).isEqualTo("waiting_customer");
		assertThat(api.get("/api/v1/disputes/" + id, c.token()).text("question"))
			.isEqualTo("When was the delivery promised?");
		// while the customer is asked, the merchant cannot be
		assertThat(api.post("/api/v1/staff/disputes/" + id + "/merchant-request", Map.of(), supervisor).code())
			.isEqualTo("dispute_waiting");

		assertThat(upload(c, id, "order.png", PNG).getStatus()).isEqualTo(201);
		assertThat(staffView(id).path("status").asString()).isEqualTo("under_review");

		// a contested dispute comes back to staff with the merchant's statement
		Response toMerchant = api.post("/api/v1/staff/disputes/" + id + "/merchant-request", Map.of(), supervisor);
		assertThat(toMerchant.status()).isEqualTo(200);
		JsonNode back = staffView(id);
		assertThat(back.path("status").asString()).isEqualTo("under_review");
		assertThat(back.path("merchantAnswer").asString()).isEqualTo("The merchant contests");
		assertThat(back.path("merchantStatement").asString()).contains("delivered");

		Response rejected = decide(supervisor, id,
				Map.of("outcome", "rejected", "reason", "The carrier confirms delivery."));
		assertThat(rejected.text("outcome")).isEqualTo("rejected");
		assertThat(api.get("/api/v1/disputes/" + id, c.token()).body().path("canReopen").asBoolean()).isTrue();

		// reopening needs new evidence, and happens once
		Response withoutEvidence = api.post("/api/v1/disputes/" + id + "/reopen", Map.of("message", "Look again"),
				c.token());
		assertThat(withoutEvidence.code()).isEqualTo("dispute_reopen_needs_evidence");
		clock.advance(Duration.ofMinutes(1));
		assertThat(upload(c, id, "tracking.png", PNG).getStatus()).isEqualTo(201);
		Response reopened = api.post("/api/v1/disputes/" + id + "/reopen", Map.of("message", "Look again"), c.token());
		assertThat(reopened.text("status")).isEqualTo("under_review");
		decide(supervisor, id, Map.of("outcome", "partial_refund", "amount", 1_000, "reason", "Half the order"));
		clock.advance(Duration.ofMinutes(1));
		assertThat(upload(c, id, "more.png", PNG).getStatus()).isEqualTo(201);
		assertThat(api.post("/api/v1/disputes/" + id + "/reopen", Map.of("message", "Again"), c.token()).code())
			.isEqualTo("dispute_reopened_before");

		JsonNode timeline = staffView(id).path("timeline");
		assertThat(timeline.findValuesAsString("kind")).containsExactly("opened", "acknowledged", "customer_asked",
				"evidence_added", "customer_answered", "merchant_asked", "merchant_answered", "decided",
				"evidence_added", "reopened", "decided", "evidence_added");
		String ticket = staffView(id).path("ticketId").asString();
		assertThat(jdbc.sql("SELECT count(*) FROM ticket_entry WHERE ticket_id = ?::uuid AND body LIKE 'dispute:%'")
			.param(ticket)
			.query(Integer.class)
			.single()).isEqualTo(9);
		assertThat(wallet.available(c, "CNY")).isEqualTo(50_000 - 3_000 + 1_000);
	}

	@Test
	void aMerchantThatAcceptsRefundsAtOnceAndOneThatStaysSilentLosesByItsDeadline() {
		Customer c = wallet.funded(50_000);
		String accepted = opened(c, pay(c, "m-shoes", 5_000), "charged_twice");
		api.post("/api/v1/staff/disputes/" + accepted + "/merchant-request", Map.of(), supervisor);
		JsonNode done = staffView(accepted);
		assertThat(done.path("status").asString()).isEqualTo("decided");
		assertThat(done.path("outcome").asString()).isEqualTo("refund");
		assertThat(done.path("refunded").asLong()).isEqualTo(5_000);

		String silent = opened(c, pay(c, "m-silent-gadgets", 7_000), "goods_not_received");
		Response asked = api.post("/api/v1/staff/disputes/" + silent + "/merchant-request", Map.of(), supervisor);
		assertThat(asked.text("status")).isEqualTo("waiting_merchant");
		// five business days from Tuesday 24 November: Tuesday 1 December
		assertThat(asked.text("merchantDue")).isEqualTo("2026-12-01");
		clock.setTo(Instant.parse("2026-12-01T15:00:00Z")); // 23:00 on its last day
		c = again(c);
		watch.run();
		assertThat(staffView(silent).path("status").asString()).isEqualTo("waiting_merchant");
		clock.setTo(Instant.parse("2026-12-01T16:30:00Z")); // 00:30 the day after
		watch.run();
		JsonNode decided = staffView(silent);
		assertThat(decided.path("status").asString()).isEqualTo("decided");
		assertThat(decided.path("refunded").asLong()).isEqualTo(7_000);
		assertThat(wallet.available(c, "CNY")).isEqualTo(50_000);
	}

	@Test
	void theDeadlineSkipsTheNationalDayHolidayAndCountsItsMakeUpSaturday() {
		// Wednesday 30 September 2026, 10:00 in Beijing, the eve of the Golden Week
		clock.setTo(Instant.parse("2026-09-30T02:00:00Z"));
		Customer c = wallet.funded(50_000);
		String id = opened(c, pay(c, "m-travel", 4_000), "wrong_amount");
		JsonNode d = staffView(id);
		// 1 to 7 October are holidays; Saturday 10 October is worked
		assertThat(d.path("acknowledgeDue").asString()).isEqualTo("2026-10-08");
		assertThat(d.path("dueDate").asString()).isEqualTo("2026-10-20");
		assertThat(d.path("businessDaysLeft").asInt()).isEqualTo(10);
	}

	@Test
	void aDisputeNotTakenUpInTimeEscalatesToSupervisorsOnce() {
		Customer c = wallet.funded(50_000);
		String id = opened(c, pay(c, "m-coffee", 2_000), "wrong_amount");
		// acknowledgement was due Wednesday 25 November
		clock.setTo(Instant.parse("2026-11-25T15:00:00Z"));
		c = again(c);
		watch.run();
		assertThat(staffView(id).path("escalatedAt").isMissingNode()).isTrue();
		clock.setTo(Instant.parse("2026-11-25T17:00:00Z"));
		watch.run();
		JsonNode late = staffView(id);
		assertThat(late.path("escalatedAt").asString()).startsWith("2026-11-25T17:00");
		assertThat(late.path("overdue").asBoolean()).isTrue();
		watch.run();
		assertThat(staffView(id).path("timeline").findValuesAsString("kind")).containsOnlyOnce("escalated");
		assertThat(api.get("/api/v1/inbox", supervisor).body().toString()).contains("past its deadline");
		// the customer does not see the desk's escalation
		assertThat(api.get("/api/v1/disputes/" + id, c.token()).body().path("timeline").findValuesAsString("kind"))
			.doesNotContain("escalated");
	}

	@Test
	void aLargeDisputeIsCreditedProvisionallyAndTheCreditIsTakenBackWhenRejected() {
		Customer c = wallet.funded(500_000);
		UUID payment = pay(c, "m-electronics", 150_000);
		long before = wallet.available(c, "CNY");
		String id = opened(c, payment, "goods_not_received");
		assertThat(wallet.available(c, "CNY")).isEqualTo(before + 150_000);
		assertThat(
				api.get("/api/v1/wallet/transactions", c.token()).body().path("items").get(0).path("type").asString())
			.isEqualTo("provisional_credit");

		decide(supervisor, id, Map.of("outcome", "rejected", "reason", "Delivered and signed for."));
		assertThat(wallet.available(c, "CNY")).isEqualTo(before);
		JsonNode d = staffView(id);
		assertThat(d.path("provisionalOutstanding").asLong()).isZero();
		assertThat(api.get("/api/v1/inbox", c.token()).body().toString()).contains("provisional credit is taken back");
		assertThat(api.get("/api/v1/admin/ledger/check", api.adminToken()).body().path("balanced").asBoolean())
			.isTrue();
	}

	@Test
	void aProvisionalCreditAlreadySpentIsTakenBackAsFarAsThereIsMoneyAndTheRestStaysOwed() {
		Customer c = wallet.funded(150_000);
		String id = opened(c, pay(c, "m-electronics", 150_000), "goods_not_received");
		assertThat(wallet.available(c, "CNY")).isEqualTo(150_000);
		pay(c, "m-groceries", 100_000);

		decide(supervisor, id, Map.of("outcome", "partial_refund", "amount", 20_000, "reason", "One item missing"));
		// the refund (200 CNY) posts first, then as much of the credit as there is
		assertThat(wallet.available(c, "CNY")).isZero();
		assertThat(staffView(id).path("provisionalOutstanding").asLong()).isEqualTo(150_000 - 70_000);
		assertThat(api.get("/api/v1/admin/ledger/check", api.adminToken()).body().path("balanced").asBoolean())
			.isTrue();
	}

	@Test
	void anUnauthorisedTransactionFreezesMoneyOutAtOnceWhileMoneyStillComesIn() {
		Customer c = wallet.funded(50_000);
		UUID payment = pay(c, "m-unknown", 9_000);
		opened(c, payment, "not_authorised");
		org.awaitility.Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.until(() -> api.get("/api/v1/wallet", c.token()).body().path("frozen").asBoolean());
		assertThat(wallet.pay(c, "m-coffee", 100, WalletFixture.PIN).code()).isEqualTo("wallet_frozen");
		assertThat(wallet.topUp(c, 1_000, WalletFixture.CARD).status()).isEqualTo(201);
		org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> {
			JsonNode alerts = api.get("/api/v1/staff/risk/alerts?customerId=" + c.id(), supervisor).body();
			return alerts.path("items").size() == 1
					&& alerts.toString().contains("disputed a transaction as not made or allowed");
		});
	}

	@Test
	void theRefusalsOfOpeningEachSayWhy() {
		Customer c = wallet.funded(50_000);
		UUID payment = pay(c, "m-coffee", 1_000);
		// a payment is not a transfer that did not arrive
		assertThat(open(c, payment, "not_received").code()).isEqualTo("dispute_reason_not_applicable");
		// money received is not disputed here
		Customer friend = wallet.funded(1_000);
		Response sent = wallet.transfer(c, friend.phone(), 500);
		UUID received = UUID.fromString(api.get("/api/v1/wallet/transactions", friend.token())
			.body()
			.path("items")
			.get(0)
			.path("id")
			.asString());
		assertThat(sent.status()).isEqualTo(201);
		assertThat(open(friend, received, "other").code()).isEqualTo("dispute_not_disputable");
		clock.advance(Duration.ofDays(121));
		c = again(c);
		Response late = open(c, payment, "wrong_amount");
		assertThat(late.status()).isEqualTo(422);
		assertThat(late.code()).isEqualTo("dispute_window_passed");
	}

	@Test
	void anAgentMayNotRefundALargeAmountAlone() {
		Customer c = wallet.funded(1_000_000);
		String id = opened(c, pay(c, "m-jewellery", 600_000), "wrong_amount");
		String agent = api.staffToken("AGENT");
		Response refused = decide(agent, id, Map.of("outcome", "refund", "reason", "wrong amount confirmed"));
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.code()).isEqualTo("dispute_refund_needs_supervisor");
		assertThat(staffView(id).path("status").asString()).isEqualTo("submitted");
		Response partial = decide(agent, id,
				Map.of("outcome", "partial_refund", "amount", 10_000, "reason", "the difference"));
		assertThat(partial.status()).isEqualTo(200);
	}

	@Test
	void theMerchantsSignedAnswerIsTakenAndAnUnsignedOneChangesNothing() throws Exception {
		Customer c = wallet.funded(50_000);
		String id = opened(c, pay(c, "m-silent-store", 2_500), "goods_not_received");
		api.post("/api/v1/staff/disputes/" + id + "/merchant-request", Map.of(), supervisor);
		String body = "{\"disputeId\":\"" + id + "\",\"answer\":\"contested\",\"statement\":\"Shipped on time\"}";
		var unsigned = mvc
			.perform(MockMvcRequestBuilders.post("/api/v1/merchant-disputes/callback")
				.contentType("application/json")
				.content(body)
				.header("X-Merchant-Signature", "00"))
			.andReturn()
			.getResponse();
		assertThat(unsigned.getStatus()).isEqualTo(400);
		assertThat(staffView(id).path("status").asString()).isEqualTo("waiting_merchant");
		var signed = mvc
			.perform(MockMvcRequestBuilders.post("/api/v1/merchant-disputes/callback")
				.contentType("application/json")
				.content(body)
				.header("X-Merchant-Signature", sign(body)))
			.andReturn()
			.getResponse();
		assertThat(signed.getStatus()).isEqualTo(204);
		assertThat(staffView(id).path("merchantStatement").asString()).isEqualTo("Shipped on time");
	}

	static String sign(String body) throws Exception {
		var mac = javax.crypto.Mac.getInstance("HmacSHA256");
		mac.init(new javax.crypto.spec.SecretKeySpec("test-merchant-secret".getBytes(StandardCharsets.UTF_8),
				"HmacSHA256"));
		return java.util.HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
	}

	@Test
	void supervisorsReadTheReportAndAgentsMayNot() {
		Customer c = wallet.funded(50_000);
		String id = opened(c, pay(c, "m-report-shop", 3_000), "wrong_amount");
		decide(supervisor, id, Map.of("outcome", "refund", "reason", "ok"));
		opened(c, pay(c, "m-report-shop", 1_000), "other");
		assertThat(api.get("/api/v1/staff/disputes/report", api.staffToken("AGENT")).status()).isEqualTo(403);
		JsonNode report = api.get("/api/v1/staff/disputes/report", supervisor).body();
		assertThat(report.path("merchants").toString()).contains("m-report-shop");
		assertThat(report.path("decisionTimes").path("onTime").asInt()).isPositive();
		assertThat(report.path("refunds").get(0).path("refunded").asLong()).isGreaterThanOrEqualTo(3_000);
		assertThat(report.path("openByReasonAndAge").toString()).contains("Something else");
	}

	@Test
	void anAgentOpensADisputeForACustomerWhoAskedInChat() {
		Customer c = wallet.funded(50_000);
		UUID payment = pay(c, "m-coffee", 2_200);
		String agent = api.staffToken("AGENT");
		Response opened = api.post("/api/v1/staff/customers/" + c.id() + "/disputes", Map.of("transactionId", payment,
				"reason", "wrong_amount", "description", "Customer says the price was 12 CNY", "channel", "chat"),
				agent);
		assertThat(opened.status()).as(opened.body().toString()).isEqualTo(201);
		String ticket = opened.text("ticketId");
		assertThat(jdbc.sql("SELECT channel FROM ticket WHERE id = ?::uuid").param(ticket).query(String.class).single())
			.isEqualTo("chat");
		// the customer sees it as their own
		assertThat(api.get("/api/v1/disputes/" + opened.text("id"), c.token()).status()).isEqualTo(200);
		// someone else's movement is not found for the customer named
		Customer other = wallet.funded(1_000);
		assertThat(api
			.post("/api/v1/staff/customers/" + other.id() + "/disputes",
					Map.of("transactionId", payment, "reason", "other", "description", "x", "channel", "phone"), agent)
			.code()).isEqualTo("transaction_not_found");
	}

	@Test
	void theFormIsFilledInFromTheTransaction() {
		Customer c = wallet.funded(50_000);
		UUID payment = pay(c, "m-coffee", 1_234);
		JsonNode form = api.get("/api/v1/disputes/form?transactionId=" + payment, c.token()).body();
		assertThat(form.path("amount").asLong()).isEqualTo(1_234);
		assertThat(form.path("counterparty").asString()).isEqualTo("Lucky Bean Coffee (m-coffee)");
		assertThat(form.path("method").asString()).isEqualTo("Wallet balance");
		assertThat(form.path("reasons").findValuesAsString("code")).contains("goods_not_received", "charged_twice")
			.doesNotContain("not_received");
		assertThat(form.path("existingDisputeId").isMissingNode()).isTrue();
	}

}
