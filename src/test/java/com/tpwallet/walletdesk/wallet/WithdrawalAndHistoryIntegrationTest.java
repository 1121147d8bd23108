package com.tpwallet.walletdesk.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import com.tpwallet.walletdesk.Api.Response;
import com.tpwallet.walletdesk.HttpTestBase;
import com.tpwallet.walletdesk.wallet.WalletFixture.Customer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WithdrawalAndHistoryIntegrationTest extends HttpTestBase {

	@org.springframework.beans.factory.annotation.Autowired
	BusinessCalendar calendar;

	WalletFixture wallet;

	@BeforeEach
	void fixture() {
		wallet = new WalletFixture(api, jdbc);
	}

	Response settle(String date) {
		return api.post("/api/v1/admin/wallet/settlement-runs", Map.of("date", date), api.adminToken());
	}

	/** The customer's in-app notices, as the inbox shows them. */
	List<String> notices(Customer c) {
		List<String> texts = new ArrayList<>();
		api.get("/api/v1/inbox?limit=50", c.token())
			.body()
			.path("items")
			.forEach(m -> texts.add(m.path("text").asString()));
		return texts;
	}

	@Test
	void aWithdrawalBeforeNationalDayArrivesAfterTheHoliday() {
		// Wednesday 30 September, 10:00 in Beijing
		clock.setTo(Instant.parse("2026-09-30T02:00:00Z"));
		Customer c = wallet.funded(50_000);
		Response w = wallet.withdraw(c, 20_000, WalletFixture.cardEndingIn("3445"), "Li Wei");
		assertThat(w.status()).as(w.body().toString()).isEqualTo(201);
		assertThat(w.text("status")).isEqualTo("held");
		assertThat(w.text("expectedArrival")).isEqualTo("2026-10-09");
		assertThat(w.text("cardLast4")).isEqualTo("3445");
		assertThat(w.body().toString()).doesNotContain(WalletFixture.cardEndingIn("3445"));
		assertThat(wallet.available(c, "CNY")).isEqualTo(30_000);
		assertThat(wallet.held(c, "CNY")).isEqualTo(20_000);

		assertThat(settle("2026-10-05").body().path("businessDay").asBoolean()).as("a holiday").isFalse();
		assertThat(settle("2026-09-30").body().path("settled").asInt()).as("not due before its payout day").isZero();
		settle("2026-10-08");
		Response detail = api.get("/api/v1/wallet/transactions/" + w.text("id"), c.token());
		assertThat(detail.body().path("transaction").path("status").asString()).isEqualTo("settled");
		assertThat(detail.body().path("timeline").findValuesAsString("status")).containsExactly("requested", "held",
				"sent_to_bank", "settled");
		assertThat(wallet.held(c, "CNY")).isZero();
		// the customer is told without watching, once: in the app and by SMS
		String paid = "Your withdrawal of CN¥200.00 has been paid out by the bank. It reaches your bank account by "
				+ "October 9, 2026.";
		org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(10))
			.until(() -> notices(c).contains("[tpWallet] " + paid));
		assertThat(jdbc.sql("SELECT count(*) FROM notification WHERE recipient = ? AND body LIKE ?")
			.params(c.phone(), "%paid out by the bank%")
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(jdbc.sql("SELECT card_sealed IS NULL FROM wallet_transaction WHERE id = ?::uuid")
			.param(w.text("id"))
			.query(Boolean.class)
			.single()).as("the card number is dropped after payout").isTrue();
	}

	@Test
	void theWithdrawalMacroNamesTheCustomersPendingWithdrawalAndItsArrivalDate() {
		Customer c = wallet.funded(10_000);
		Response w = wallet.withdraw(c, 2_000, WalletFixture.cardEndingIn("3445"), "Li Wei");
		String ticket = api.post("/api/v1/tickets",
				Map.of("subject", "Where is my withdrawal?", "message", "Not arrived yet", "language", "en"), c.token())
			.text("id");
		Response applied = api.post("/api/v1/staff/tickets/" + ticket + "/macros/withdrawal-timing", null,
				api.staffToken("SUPERVISOR"));
		assertThat(applied.body().path("entries").toString()).contains(w.text("reference"))
			.contains(w.text("expectedArrival"))
			.contains("Li Wei");
	}

	@Test
	void aMakeUpSaturdayIsABusinessDay() {
		// Friday 9 October, 17:00 in Beijing
		clock.setTo(Instant.parse("2026-10-09T09:00:00Z"));
		Customer c = wallet.funded(10_000);
		Response w = wallet.withdraw(c, 1_000, WalletFixture.cardEndingIn("1881"), "li  wei");
		assertThat(w.text("expectedArrival")).as("Sat 10 Oct is worked (调休), then Mon 12 Oct").isEqualTo("2026-10-12");
		assertThat(settle("2026-10-10").body().path("businessDay").asBoolean()).isTrue();
	}

	@Test
	void withdrawalsNeedTheVerifiedNameAndAPayoutTheBankRejectsComesBack() {
		Customer unverified = wallet.customer();
		assertThat(wallet.withdraw(unverified, 100, WalletFixture.cardEndingIn("3445"), "x").code())
			.isEqualTo("identity_not_verified");
		Customer c = wallet.funded(10_000);
		assertThat(wallet.withdraw(c, 100, WalletFixture.cardEndingIn("3445"), "Wang Fang").code())
			.isEqualTo("holder_name_mismatch");
		assertThat(wallet.withdraw(c, 100, "6222020200112233440", "Li Wei").code()).isEqualTo("card_invalid");
		Response w = wallet.withdraw(c, 4_000, WalletFixture.cardEndingIn("0000"), "Li Wei");
		assertThat(w.status()).isEqualTo(201);
		settle(w.text("expectedArrival"));
		Response detail = api.get("/api/v1/wallet/transactions/" + w.text("id"), c.token());
		assertThat(detail.body().path("transaction").path("status").asString()).isEqualTo("returned");
		assertThat(detail.body().path("transaction").path("failureReason").asString()).isEqualTo("bank_card_unknown");
		assertThat(wallet.available(c, "CNY")).isEqualTo(10_000);
		assertThat(wallet.held(c, "CNY")).isZero();
		org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(10))
			.until(() -> notices(c).stream()
				.anyMatch(n -> n.contains("The bank sent back your withdrawal of CN¥40.00")
						&& n.contains("the bank does not know this card number") && n.contains("back in your wallet")));
		assertThat(api.get("/api/v1/admin/ledger/check", api.adminToken()).body().path("balanced").asBoolean())
			.isTrue();
	}

	@Test
	void historyFiltersPagesNewestFirstAndExportsCsv() {
		Customer a = wallet.funded(100_000);
		Customer b = wallet.customer();
		for (int i = 1; i <= 5; i++) {
			wallet.transfer(a, b.phone(), i * 100L);
		}
		wallet.pay(a, "m-coffee", 999, WalletFixture.PIN);
		wallet.pay(a, "m-coffee", 999_999, WalletFixture.PIN);

		List<String> seen = new ArrayList<>();
		String cursor = null;
		do {
			Response page = api.get("/api/v1/wallet/transactions?limit=3" + (cursor == null ? "" : "&cursor=" + cursor),
					a.token());
			page.body().path("items").forEach(t -> seen.add(t.path("id").asString()));
			cursor = page.body().path("nextCursor").isNull() || page.body().path("nextCursor").isMissingNode() ? null
					: page.body().path("nextCursor").asString();
		}
		while (cursor != null);
		assertThat(seen).hasSize(8).doesNotHaveDuplicates();

		Response transfers = api.get("/api/v1/wallet/transactions?type=transfer_out&minAmount=200&maxAmount=400",
				a.token());
		assertThat(transfers.body().path("items").findValuesAsString("amount")).containsExactly("400", "300", "200");
		Response failed = api.get("/api/v1/wallet/transactions?status=failed", a.token());
		assertThat(failed.body().path("items").get(0).path("failureReason").asString())
			.isEqualTo("insufficient_balance");
		assertThat(api.get("/api/v1/wallet/transactions?counterparty=m-coffee", a.token()).body().path("items"))
			.hasSize(2);
		String reference = transfers.body().path("items").get(0).path("reference").asString();
		assertThat(api.get("/api/v1/wallet/transactions?reference=" + reference, a.token()).body().path("items"))
			.hasSize(1);
		assertThat(api.get("/api/v1/wallet/transactions?status=lost", a.token()).code()).isEqualTo("filter_invalid");
		assertThat(api.get("/api/v1/wallet/transactions?cursor=bm9wZQ", a.token()).code()).isEqualTo("invalid_cursor");
		assertThat(api.get("/api/v1/wallet/transactions?from=2020-01-01T00:00:00Z&to=2021-01-01T00:00:00Z", a.token())
			.body()
			.path("items")).isEmpty();

		var csv = api.call("GET", "/api/v1/wallet/transactions/export.csv", null, a.token(), "Accept", "text/csv",
				"Accept-Language", "zh-CN");
		String text = new String(csv.raw().getResponse().getContentAsByteArray(),
				java.nio.charset.StandardCharsets.UTF_8);
		assertThat(text.lines().findFirst().orElseThrow()).startsWith("流水号");
		assertThat(text.lines().count()).isEqualTo(9);
		assertThat(text).contains("\"insufficient_balance\"");

		String othersTransaction = seen.get(0);
		assertThat(api.get("/api/v1/wallet/transactions/" + othersTransaction, b.token()).status()).isEqualTo(404);
		assertThat(api.get("/api/v1/admin/ledger/check", a.token()).status()).isEqualTo(403);
	}

	@Test
	void theCalendarKnowsOfficialYearsEstimatesLaterOnesAndTakesAnOperatorsLoad() {
		String agent = api.staffToken("AGENT");
		Response y2026 = api.get("/api/v1/staff/calendar/2026", agent);
		assertThat(y2026.body().findValuesAsString("date")).contains("2026-02-14", "2026-10-07");
		assertThat(y2026.body().findValuesAsString("provisional")).containsOnly("false");
		Response y2027 = api.get("/api/v1/staff/calendar/2027", agent);
		assertThat(y2027.body().findValuesAsString("provisional")).containsOnly("true");
		assertThat(y2027.body().findValuesAsString("date")).contains("2027-01-01", "2027-05-01", "2027-10-01");

		var load = Map.of("source", "State Council notice for 2027 (test)", "days",
				List.of(Map.of("date", "2027-01-01", "kind", "HOLIDAY", "name", "New Year's Day"),
						Map.of("date", "2027-02-20", "kind", "WORKDAY", "name", "Spring Festival make-up day")));
		assertThat(api.call("PUT", "/api/v1/admin/calendar/2027", load, agent).status()).isEqualTo(403);
		java.time.LocalDate makeUpSaturday = java.time.LocalDate.parse("2027-02-20");
		assertThat(calendar.isBusinessDay(makeUpSaturday)).as("a Saturday in the estimate").isFalse();
		Response loaded = api.call("PUT", "/api/v1/admin/calendar/2027", load, api.adminToken());
		assertThat(calendar.isBusinessDay(makeUpSaturday)).as("the load counts at once").isTrue();
		assertThat(loaded.body()).hasSize(2);
		assertThat(loaded.body().findValuesAsString("provisional")).containsOnly("false");
		var wrongYear = Map.of("source", "x", "days",
				List.of(Map.of("date", "2028-01-01", "kind", "HOLIDAY", "name", "x")));
		assertThat(api.call("PUT", "/api/v1/admin/calendar/2027", wrongYear, api.adminToken()).code())
			.isEqualTo("calendar_day_outside_year");
		assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'calendar.loaded'")
			.query(Integer.class)
			.single()).isPositive();
	}

}
