package com.tpwallet.walletdesk.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tpwallet.walletdesk.Api;
import com.tpwallet.walletdesk.Api.Response;
import com.tpwallet.walletdesk.HttpTestBase;
import com.tpwallet.walletdesk.wallet.WalletFixture;
import com.tpwallet.walletdesk.wallet.WalletFixture.Customer;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every troubleshooter path against real account state made through the public API. */
class TroubleshooterIntegrationTest extends HttpTestBase {

	WalletFixture wallet;

	@BeforeEach
	void fixture() {
		wallet = new WalletFixture(api, jdbc);
	}

	Response diagnose(String troubleshooter, Map<String, Object> facts, String token, String language) {
		return api.call("POST", "/api/v1/troubleshooters/" + troubleshooter + "/diagnosis", facts, token,
				"Accept-Language", language);
	}

	static String messages(Response diagnosis) {
		return String.join("\n", diagnosis.body().path("findings").findValuesAsString("message"));
	}

	@Test
	void aFailedPaymentIsExplainedWithHowMuchTheBalanceWasShort() {
		Customer c = wallet.funded(1_000);
		assertThat(wallet.pay(c, "m-books", 2_200, WalletFixture.PIN).code()).isEqualTo("insufficient_balance");
		Response en = diagnose("payment-failed", Map.of(), c.token(), "en");
		assertThat(en.body().path("explained").asBoolean()).isTrue();
		assertThat(en.body().path("findings").get(0).path("code").asString()).isEqualTo("payment_insufficient_balance");
		assertThat(messages(en)).contains("22.00 CNY").contains("12.00 CNY short").contains("m-books");
		assertThat(en.body().path("findings").get(0).path("articles").findValuesAsString("slug"))
			.contains("topup-failed");
		Response zh = diagnose("payment-failed", Map.of(), c.token(), "zh-CN");
		assertThat(messages(zh)).contains("余额还差 12.00 CNY");
		assertThat(zh.body().path("title").asString()).isEqualTo("支付失败");
	}

	@Test
	void aFrozenWalletIsNamedAsTheReasonPaymentsFail() {
		Customer c = wallet.funded(5_000);
		api.post("/api/v1/staff/customers/" + c.id() + "/wallet/freeze", Map.of("reason", "unusual transaction"),
				api.staffToken("SUPERVISOR"));
		wallet.pay(c, "m-coffee", 1_000, WalletFixture.PIN);
		Response de = diagnose("payment-failed", Map.of(), c.token(), "de");
		assertThat(de.body().path("findings").findValuesAsString("code")).contains("payment_wallet_frozen",
				"account_frozen");
		assertThat(messages(de)).contains("eingefroren").contains("Kundenservice");
	}

	@Test
	void aDeclinedTopUpSaysWhichCardAndWhy() {
		Customer c = wallet.verified("Li Wei");
		wallet.topUp(c, 8_800, "4000000000000002");
		await().atMost(Duration.ofSeconds(10))
			.until(() -> diagnose("topup-failed", Map.of(), c.token(), "fr").body()
				.path("findings")
				.get(0)
				.path("code")
				.asString()
				.equals("topup_failed"));
		Response fr = diagnose("topup-failed", Map.of(), c.token(), "fr");
		assertThat(messages(fr)).contains("88.00 CNY").contains("****0002").contains("votre banque a refusé");
	}

	@Test
	void aWithdrawalDuringTheNationalDayHolidayIsExplainedThenTicketedWhenOverdue() {
		// Wednesday 30 September, 10:00 in Beijing
		clock.setTo(Instant.parse("2026-09-30T02:00:00Z"));
		Customer c = wallet.funded(50_000);
		Response w = wallet.withdraw(c, 20_000, WalletFixture.cardEndingIn("3445"), "Li Wei");
		Response en = diagnose("withdrawal-not-arrived", Map.of(), c.token(), "en");
		assertThat(en.body().path("findings").get(0).path("code").asString()).isEqualTo("withdrawal_holiday");
		assertThat(messages(en)).contains(w.text("reference"))
			.contains("submitted on September 30, 2026")
			.contains("because of the National Day")
			.contains("arrive by October 9, 2026");
		assertThat(messages(diagnose("withdrawal-not-arrived", Map.of(), c.token(), "zh-CN"))).contains("国庆节")
			.contains("2026年10月9日");

		clock.setTo(Instant.parse("2026-10-13T02:00:00Z")); // never settled: overdue
		// the first session has expired meanwhile
		String token = api.login(c.phone(), Api.PASSWORD);
		Response late = diagnose("withdrawal-not-arrived", Map.of(), token, "en");
		assertThat(late.body().path("explained").asBoolean()).isFalse();
		assertThat(late.body().path("ticketOffered").asBoolean()).as(late.body().toString()).isTrue();
		Response ticket = api.post("/api/v1/troubleshooters/withdrawal-not-arrived/tickets",
				Map.of("description", "My bank says nothing came"), token);
		assertThat(ticket.status()).isEqualTo(201);
		Response mine = api.get("/api/v1/tickets/" + ticket.text("ticketId"), token);
		assertThat(mine.body().toString()).contains("My bank says nothing came")
			.contains(w.text("reference"))
			.contains("should have arrived");
	}

	String latestCodeTo(String phone) {
		String body = jdbc.sql(
				"SELECT body FROM notification WHERE recipient = ? AND body ~ '[0-9]{6}' ORDER BY created_at DESC LIMIT 1")
			.param(phone)
			.query(String.class)
			.single();
		java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\b(\\d{6})\\b").matcher(body);
		assertThat(m.find()).isTrue();
		return m.group(1);
	}

	@Test
	void signInTroubleIsDiagnosedSignedOutOnlyAfterTheCodeSentToTheRegisteredPhone() {
		String phone = api.registerCustomer("en");
		for (int i = 0; i < 2; i++) {
			api.post("/api/v1/auth/login", Map.of("login", phone, "password", "Wrong!pass-1"), null);
		}
		Response asked = diagnose("cannot-log-in", Map.of("login", phone), null, "en");
		assertThat(asked.body().path("findings").get(0).path("code").asString()).isEqualTo("code_sent");
		assertThat(messages(asked)).doesNotContain("wrong password");
		Response unknown = diagnose("cannot-log-in", Map.of("login", Api.newPhone()), null, "en");
		assertThat(unknown.body()).as("an unknown number is not told apart from an account").isEqualTo(asked.body());
		assertThat(diagnose("cannot-log-in", Map.of("login", Api.newPhone(), "code", "123456"), null, "en").code())
			.isEqualTo("troubleshooter_code_invalid");
		String code = latestCodeTo(phone);
		assertThat(diagnose("cannot-log-in",
				Map.of("login", phone, "code", code.equals("000000") ? "111111" : "000000"), null, "en")
			.code()).as("a wrong code for a real account reads the same").isEqualTo("troubleshooter_code_invalid");

		Response wrong = diagnose("cannot-log-in", Map.of("login", phone, "code", code), null, "en");
		assertThat(wrong.body().path("findings").get(0).path("code").asString()).isEqualTo("wrong_password");
		assertThat(messages(wrong)).startsWith("2 sign-in attempts with a wrong password").contains("After 3 more");
		assertThat(wrong.body().path("ticketOffered").asBoolean()).as("only a signed-in customer can open one")
			.isFalse();
		for (int i = 0; i < 3; i++) {
			api.post("/api/v1/auth/login", Map.of("login", phone, "password", "Wrong!pass-1"), null);
		}
		Response locked = diagnose("cannot-log-in", Map.of("login", phone, "code", code), null, "de");
		assertThat(locked.body().path("findings").get(0).path("code").asString()).isEqualTo("account_locked");
		assertThat(messages(locked)).contains("gesperrt");
		assertThat(diagnose("cannot-log-in", Map.of(), null, "en").code()).isEqualTo("troubleshooter_login_required");
	}

	@Test
	void aTransactionThatFailedIsFoundByItsAmountAndAnUnknownOneBecomesATicket() {
		Customer c = wallet.funded(1_000);
		wallet.pay(c, "m-metro", 3_300, WalletFixture.PIN);
		Response found = diagnose("transaction-not-found", Map.of("amount", 3_300), c.token(), "en");
		assertThat(found.body().path("findings").get(0).path("code").asString()).isEqualTo("transaction_found");
		assertThat(messages(found)).contains("Payment of 33.00 CNY").contains("Failed");

		Response none = diagnose("transaction-not-found", Map.of("amount", 777), c.token(), "en");
		assertThat(none.body().path("explained").asBoolean()).isFalse();
		Response ticket = api.post("/api/v1/troubleshooters/transaction-not-found/tickets", Map.of("amount", 777),
				c.token());
		assertThat(ticket.status()).isEqualTo(201);
		assertThat(api.get("/api/v1/tickets/" + ticket.text("ticketId"), c.token()).body().toString())
			.contains("7.77 CNY");
	}

	@Test
	void onlyTheCustomerThemselvesCanRunTheAccountTroubleshooters() {
		assertThat(
				api.get("/api/v1/troubleshooters", null, "Accept-Language", "zh-CN").body().findValuesAsString("title"))
			.contains("无法登录", "提现未到账");
		assertThat(diagnose("payment-failed", Map.of(), null, "en").status()).isEqualTo(401);
		assertThat(diagnose("payment-failed", Map.of(), api.staffToken("AGENT"), "en").code())
			.isEqualTo("customers_only");
		assertThat(diagnose("no-such-thing", Map.of(), wallet.customer().token(), "en").code())
			.isEqualTo("troubleshooter_not_found");
		Map<String, Object> negative = new HashMap<>(Map.of("amount", -5));
		assertThat(diagnose("transaction-not-found", negative, wallet.customer().token(), "en").status())
			.isEqualTo(400);
	}

}
