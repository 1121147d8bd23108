package com.tpwallet.walletdesk.wallet.internal;

import com.tpwallet.walletdesk.wallet.TransactionStatus;
import com.tpwallet.walletdesk.wallet.TransactionType;
import com.tpwallet.walletdesk.identity.CustomerProfile;
import com.tpwallet.walletdesk.identity.IdentityApi;
import com.tpwallet.walletdesk.identity.PaymentPasswordCheck;
import com.tpwallet.walletdesk.platform.Refusal;
import com.tpwallet.walletdesk.wallet.BusinessCalendar;
import com.tpwallet.walletdesk.wallet.Money;
import com.tpwallet.walletdesk.wallet.OutgoingScreening;
import com.tpwallet.walletdesk.wallet.TransactionView;
import com.tpwallet.walletdesk.wallet.WalletEvents.PaymentFailed;
import com.tpwallet.walletdesk.wallet.WalletEvents.TopUpFailed;
import com.tpwallet.walletdesk.wallet.WalletEvents.TransactionPosted;
import com.tpwallet.walletdesk.wallet.internal.TransactionRecords.NewTransaction;
import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Top-ups, payments, transfers and withdrawals: the rules a movement must pass, the
 * balanced posting, and the customer-facing record. Runs inside the transaction that
 * claimed the idempotency key; a refused attempt is recorded by {@link #recordRefusal} in
 * a transaction of its own.
 */
@Service
class MoneyMovements {

	private final Ledger ledger;

	private final TransactionRecords records;

	private final IdentityApi identity;

	private final BusinessCalendar calendar;

	private final PaymentGateway gateway;

	private final CardVault vault;

	private final ApplicationEventPublisher events;

	private final JdbcClient jdbc;

	private final Clock clock;

	/**
	 * What one customer may send out a day, in CNY fen, all currencies together
	 * (50,000.00 CNY by default; ADR 0009).
	 */
	static final String DAILY_LIMIT = "${walletdesk.wallet.daily-limit:5000000}";

	private final DailySpendingLimit limit;

	private final OutgoingMoneyPolicy policy;

	private final ScreeningGate screening;

	MoneyMovements(Ledger ledger, TransactionRecords records, IdentityApi identity, BusinessCalendar calendar,
			PaymentGateway gateway, CardVault vault, ApplicationEventPublisher events, JdbcClient jdbc, Clock clock,
			DailySpendingLimit limit, OutgoingMoneyPolicy policy, ScreeningGate screening) {
		this.policy = policy;
		this.screening = screening;
		this.ledger = ledger;
		this.records = records;
		this.identity = identity;
		this.calendar = calendar;
		this.gateway = gateway;
		this.vault = vault;
		this.events = events;
		this.jdbc = jdbc;
		this.clock = clock;
		this.limit = limit;
	}

	// ---- checks made before any transaction
	// -------------------------------------------------

	void checkPaymentPassword(UUID customerId, String pin) {
		PaymentPasswordCheck check = identity.verifyPaymentPassword(customerId, pin);
		if (check != PaymentPasswordCheck.ACCEPTED) {
			throw Refusal.unprocessable(check.refusalCode());
		}
	}

	// ---- movements
	// ----------------------------------------------------------------------------

	/**
	 * A top-up's first step, committed before the acquirer is asked
	 * ({@link IdempotentRequests#runAskingPartner}): the pending record.
	 */
	TransactionView beginTopUp(UUID customerId, Money money, BankCard card, String expiry) {
		// Money coming in is welcome in a frozen wallet too: a freeze stops only what
		// leaves.
		BankCard.expiry(expiry, YearMonth.now(clock.withZone(BusinessCalendar.ZONE)));
		return records.insert(NewTransaction
			.of(customerId, TransactionType.TOP_UP, TransactionStatus.PENDING, money.amount(), money.currency())
			.card(card.last4(), null)
			.counterparty("card ****" + card.last4(), null));
	}

	/** The acquirer's answer to the charge; empty when it gave none in time. */
	Optional<PaymentGateway.ChargeAnswer> charge(TransactionView topUp, BankCard card) {
		try {
			return Optional.of(gateway.charge(topUp.id(), new Money(topUp.amount(), topUp.currency()), card));
		}
		catch (PaymentGateway.GatewayTimeout timeout) {
			return Optional.empty();
		}
	}

	/**
	 * The acquirer's answer written. Its signed callback may have settled the top-up
	 * already: only a top-up still pending is declined.
	 */
	TransactionView settleTopUp(TransactionView topUp, Optional<PaymentGateway.ChargeAnswer> answer) {
		if (answer.isEmpty()) {
			// Left pending: reconciliation asks the gateway what became of
			// it. The row lock orders this step after a callback that settled
			// the top-up meanwhile, whose step then stays the last one.
			records.lock(topUp.id())
				.filter(current -> current.status() == TransactionStatus.PENDING)
				.ifPresent(pending -> records.event(pending.id(), TransactionStatus.PENDING, "gateway_timeout"));
		}
		else if (!answer.get().accepted()) {
			String why = String.valueOf(answer.get().declineReason());
			if (records.fail(topUp.id(), why)) {
				events.publishEvent(new TopUpFailed(topUp.id(), topUp.customerId(), why,
						new Money(topUp.amount(), topUp.currency())));
			}
		}
		return records.find(topUp.id()).orElseThrow();
	}

	TransactionView pay(UUID customerId, String merchantId, Money money, boolean stepUpPassed) {
		String merchant = merchantName(merchantId).orElseThrow(() -> Refusal.unprocessable("merchant_unknown"));
		long from = ledger.customerAccount(customerId, AccountKind.CUSTOMER_AVAILABLE, money.currency());
		NewTransaction payment = NewTransaction
			.of(customerId, TransactionType.PAYMENT, TransactionStatus.SUCCEEDED, money.amount(), money.currency())
			.counterparty(merchantLabel(merchant, merchantId), null);
		spend(payment, PostingKind.PAYMENT, money, from,
				ledger.systemAccount(AccountKind.MERCHANT_SETTLEMENT, money.currency()), "merchant:" + merchantId,
				stepUpPassed);
		TransactionView view = records.insert(payment);
		events.publishEvent(new TransactionPosted(view.id(), customerId, TransactionType.PAYMENT, money, null));
		return view;
	}

	TransactionView withdraw(UUID customerId, Money money, BankCard card, String holderName, boolean stepUpPassed) {
		CustomerProfile customer = identity.customer(customerId).orElseThrow();
		if (customer.verifiedName() == null) {
			throw Refusal.unprocessable("identity_not_verified");
		}
		if (!sameName(customer.verifiedName(), holderName)) {
			throw Refusal.unprocessable("holder_name_mismatch");
		}
		long from = ledger.customerAccount(customerId, AccountKind.CUSTOMER_AVAILABLE, money.currency());
		long held = ledger.customerAccount(customerId, AccountKind.CUSTOMER_HELD, money.currency());
		LocalDate today = LocalDate.now(clock.withZone(BusinessCalendar.ZONE));
		NewTransaction withdrawal = NewTransaction
			.of(customerId, TransactionType.WITHDRAWAL, TransactionStatus.HELD, money.amount(), money.currency())
			.card(card.last4(), holderName)
			.counterparty("card ****" + card.last4(), null)
			.schedule(calendar.businessDaysAfter(today, 1), calendar.businessDaysAfter(today, 2));
		spend(withdrawal, PostingKind.WITHDRAWAL_HOLD, money, from, held, "card:" + card.last4(), stepUpPassed);
		TransactionView view = records.insert(withdrawal);
		jdbc.sql("UPDATE wallet_transaction SET card_sealed = ? WHERE id = ?")
			.params(vault.seal(card), view.id())
			.update();
		return view;
	}

	private Optional<String> merchantName(String merchantId) {
		return jdbc.sql("SELECT name FROM merchant WHERE id = ?").param(merchantId).query(String.class).optional();
	}

	/**
	 * How a payment's counterparty reads in the history, refused ones included: the name
	 * and the id, or the id as given.
	 */
	String merchantLabel(String merchantId) {
		return merchantName(merchantId).map(name -> merchantLabel(name, merchantId)).orElse(merchantId);
	}

	private static String merchantLabel(String name, String merchantId) {
		return name + " (" + merchantId + ")";
	}

	/**
	 * Records a refused attempt, so that the customer, an agent and the troubleshooters
	 * can see why.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	void recordRefusal(UUID customerId, TransactionType type, long amount, String currency,
			@Nullable String counterparty, String reason) {
		if (amount <= 0 || amount > Money.MAX_AMOUNT || !Money.CURRENCIES.contains(currency)) {
			return; // bad input is not an attempt worth showing
		}
		UUID id = records
			.insert(NewTransaction.of(customerId, type, TransactionStatus.FAILED, amount, currency)
				.counterparty(counterparty, null)
				.failed(reason))
			.id();
		if (type == TransactionType.PAYMENT) {
			events.publishEvent(new PaymentFailed(id, customerId, reason, new Money(amount, currency)));
		}
	}

	// ---- rules
	// ------------------------------------------------------------------------------------

	/**
	 * Money leaving a customer: the accounts are locked first (Ledger#lockForSpending),
	 * the state read under the locks is judged by the one rule for outgoing money, then
	 * screened by the risk monitor, then the posting and the day's total are written.
	 */
	private void spend(NewTransaction movement, PostingKind kind, Money money, long from, long to, String payee,
			boolean stepUpPassed) {
		UUID customerId = movement.customerId();
		LocalDate today = LocalDate.now(clock.withZone(BusinessCalendar.ZONE));
		Ledger.Spending spending = ledger.lockForSpending(customerId, from, to, today);
		Optional<SpendingRefusal> refusal = policy.judge(new OutgoingMoneyPolicy.Wallet(spending.frozen(),
				spending.available(), limit.inFen(spending.spentToday())), money);
		if (refusal.isPresent()) {
			throw policy.refusal(refusal.get());
		}
		ScreeningGate.Gate gate = screening.open(List.of(new OutgoingScreening.Party(customerId, payee)));
		Optional<Refusal> screened = gate.judge(movement.id(), customerId, movement.type(), money, payee,
				spending.available(), stepUpPassed);
		gate.close();
		if (screened.isPresent()) {
			throw screened.get();
		}
		ledger.move(movement.id(), kind, money.currency(), from, to, money.amount());
		jdbc.sql(
				"UPDATE ledger_account SET spent_that_day = " + Ledger.SPENT_ON_DAY + " + ?, spent_on = ? WHERE id = ?")
			.params(today, money.amount(), today, from)
			.update();
	}

	static boolean sameName(String verified, String given) {
		return normalise(verified).equals(normalise(given));
	}

	private static String normalise(String name) {
		String folded = Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
		return folded.replaceAll("[\\s·.\\-]+", " ").trim();
	}

}
