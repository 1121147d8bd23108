package com.tpwallet.walletdesk.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import com.tpwallet.walletdesk.Api.Response;
import com.tpwallet.walletdesk.HttpTestBase;
import com.tpwallet.walletdesk.wallet.WalletEvents.PaymentFailed;
import com.tpwallet.walletdesk.wallet.WalletEvents.TopUpFailed;
import com.tpwallet.walletdesk.wallet.WalletEvents.TransactionPosted;
import com.tpwallet.walletdesk.wallet.WalletEvents.WithdrawalFailed;
import com.tpwallet.walletdesk.wallet.WalletEvents.WithdrawalSettled;
import com.tpwallet.walletdesk.wallet.WalletFixture.Customer;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.modulith.test.AssertablePublishedEvents;
import org.springframework.modulith.test.PublishedEventsExtension;

/**
 * Each event the wallet publishes, published when it should be and carrying what
 * listeners (risk, disputes, notices) will need; in the style of Spring Modulith's
 * published-events assertions.
 */
@ExtendWith(PublishedEventsExtension.class)
class WalletEventsIntegrationTest extends HttpTestBase {

	WalletFixture wallet() {
		return new WalletFixture(api, jdbc);
	}

	@Test
	void aPaymentPostsATransactionAndARefusedOneIsAFailedPaymentWithItsReason(AssertablePublishedEvents events) {
		Customer c = wallet().funded(5_000);
		String paid = wallet().pay(c, "m-coffee", 1_500, WalletFixture.PIN).text("id");
		assertThat(events).contains(TransactionPosted.class)
			.matching(e -> e.transactionId().equals(UUID.fromString(paid)) && e.customerId().equals(c.id())
					&& e.type() == TransactionType.PAYMENT && e.money().equals(new Money(1_500, "CNY")));
		Response refused = wallet().pay(c, "m-coffee", 9_000, WalletFixture.PIN);
		assertThat(refused.code()).isEqualTo("insufficient_balance");
		assertThat(events).contains(PaymentFailed.class)
			.matching(e -> e.customerId().equals(c.id()) && e.reason().equals("insufficient_balance")
					&& e.money().equals(new Money(9_000, "CNY")));
	}

	@Test
	void aDeclinedTopUpIsATopUpFailedWithTheBanksReason(AssertablePublishedEvents events) {
		Customer c = wallet().verified("Li Wei");
		String declined = wallet().topUp(c, 2_000, "4000000000000002").text("id");
		assertThat(events).contains(TopUpFailed.class)
			.matching(e -> e.transactionId().equals(UUID.fromString(declined)) && e.reason().equals("bank_declined")
					&& e.money().equals(new Money(2_000, "CNY")));
	}

	@Test
	void aSettlementRunSettlesAPaidWithdrawalAndReportsOneTheBankRejects(AssertablePublishedEvents events) {
		Customer c = wallet().funded(10_000);
		Response paid = wallet().withdraw(c, 2_000, WalletFixture.cardEndingIn("3445"), "Li Wei");
		Response rejected = wallet().withdraw(c, 3_000, WalletFixture.cardEndingIn("0000"), "Li Wei");
		api.post("/api/v1/admin/wallet/settlement-runs", Map.of("date", rejected.text("expectedArrival")),
				api.adminToken());
		assertThat(events).contains(WithdrawalSettled.class)
			.matching(e -> e.transactionId().equals(UUID.fromString(paid.text("id"))) && e.customerId().equals(c.id())
					&& e.money().equals(new Money(2_000, "CNY")));
		assertThat(events).contains(WithdrawalFailed.class)
			.matching(e -> e.transactionId().equals(UUID.fromString(rejected.text("id")))
					&& e.reason().equals("bank_card_unknown") && e.money().equals(new Money(3_000, "CNY")));
	}

	@Test
	void aTransferPostsBothSidesAndARefundPostsTheMoneyBack(AssertablePublishedEvents events) {
		Customer sender = wallet().funded(5_000);
		Customer recipient = wallet().customer();
		Response sent = wallet().transfer(sender, recipient.phone(), 1_200);
		assertThat(sent.status()).isEqualTo(201);
		assertThat(events).contains(TransactionPosted.class)
			.matching(e -> e.transactionId().equals(UUID.fromString(sent.text("id")))
					&& e.customerId().equals(sender.id()) && e.type() == TransactionType.TRANSFER_OUT
					&& e.money().equals(new Money(1_200, "CNY")));
		assertThat(events).contains(TransactionPosted.class)
			.matching(e -> e.customerId().equals(recipient.id()) && e.type() == TransactionType.TRANSFER_IN
					&& e.money().equals(new Money(1_200, "CNY")));
		String paid = wallet().pay(sender, "m-coffee", 1_000, WalletFixture.PIN).text("id");
		Response refund = api.post("/api/v1/staff/transactions/" + paid + "/refund",
				Map.of("amount", 400, "reason", "double charge"), api.staffToken("SUPERVISOR"), "Idempotency-Key",
				"refund-" + paid);
		assertThat(refund.status()).isEqualTo(201);
		assertThat(events).contains(TransactionPosted.class)
			.matching(e -> e.transactionId().equals(UUID.fromString(refund.text("id")))
					&& e.customerId().equals(sender.id()) && e.type() == TransactionType.REFUND
					&& e.money().equals(new Money(400, "CNY")));
	}

}
