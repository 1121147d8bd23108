package com.tpwallet.walletdesk.disputes.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.when;

import com.tpwallet.walletdesk.disputes.DisputeEvents.DisputeMoved;
import com.tpwallet.walletdesk.disputes.DisputeEvents.UnauthorisedReported;
import com.tpwallet.walletdesk.identity.CustomerProfile;
import com.tpwallet.walletdesk.identity.NoticeChannel;
import com.tpwallet.walletdesk.identity.IdentityApi;
import com.tpwallet.walletdesk.notifications.Notifications;
import com.tpwallet.walletdesk.platform.Actor;
import com.tpwallet.walletdesk.platform.Caller;
import com.tpwallet.walletdesk.platform.TokenAuthenticator;
import com.tpwallet.walletdesk.support.SupportApi;
import com.tpwallet.walletdesk.wallet.BusinessCalendar;
import com.tpwallet.walletdesk.wallet.TransactionStatus;
import com.tpwallet.walletdesk.wallet.TransactionType;
import com.tpwallet.walletdesk.wallet.TransactionView;
import com.tpwallet.walletdesk.wallet.WalletApi;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The disputes module alone, its neighbours stood in for: opening a dispute publishes
 * what the audit log and risk listen to, and a transaction reported as not authorised
 * asks risk to freeze.
 */
@ApplicationModuleTest
@ActiveProfiles("test")
class DisputesModuleTest {

	@MockitoBean
	TokenAuthenticator tokens;

	@MockitoBean
	WalletApi wallet;

	@MockitoBean
	BusinessCalendar calendar;

	@MockitoBean
	SupportApi support;

	@MockitoBean
	IdentityApi identity;

	@MockitoBean
	Notifications notifications;

	@Autowired
	DisputeDesk desk;

	UUID customer;

	UUID payment;

	@BeforeEach
	void neighbours() {
		customer = UUID.randomUUID();
		payment = UUID.randomUUID();
		Instant now = Instant.now();
		when(wallet.transaction(payment)).thenReturn(Optional
			.of(new TransactionView(payment, "P1", customer, TransactionType.PAYMENT, TransactionStatus.SUCCEEDED,
					9_000, "CNY", "Shop (m-shop)", null, null, null, null, null, now, now)));
		when(wallet.valueInFen(any())).thenReturn(9_000L);
		when(identity.customer(customer)).thenReturn(Optional.of(new CustomerProfile(customer, "+8613800000000", null,
				"en", null, false, false, true, null, now, now, NoticeChannel.SMS)));
		when(support.openTicket(any(), any())).thenReturn(new SupportApi.OpenedTicket(UUID.randomUUID(), 1));
		when(calendar.businessDaysAfter(any(), anyInt()))
			.thenAnswer(call -> call.<LocalDate>getArgument(0).plusDays(call.<Integer>getArgument(1)));
	}

	Dispute open(String reason) {
		return desk.open(new Caller(customer, Caller.Kind.CUSTOMER, Caller.Role.CUSTOMER, "en", "Li"),
				new DisputeDesk.Opening(payment, reason, "Not me", null), Actor.system());
	}

	@Test
	void aTransactionReportedAsNotAuthorisedAsksRiskToFreeze(Scenario scenario) {
		scenario.stimulate(() -> open("not_authorised"))
			.andWaitForEventOfType(UnauthorisedReported.class)
			.matching(reported -> reported.transactionId().equals(payment))
			.toArriveAndVerify(reported -> assertThat(reported.customerId()).isEqualTo(customer));
	}

	@Test
	void openingADisputeIsAnAuditedMove(Scenario scenario) {
		scenario.stimulate(() -> open("charged_twice"))
			.andWaitForEventOfType(DisputeMoved.class)
			.matching(moved -> moved.customerId().equals(customer))
			.toArriveAndVerify(moved -> {
				assertThat(moved.action()).isEqualTo("dispute.opened");
				assertThat(moved.status()).isEqualTo("submitted");
				assertThat(moved.details()).isEqualTo("charged_twice");
			});
	}

}
