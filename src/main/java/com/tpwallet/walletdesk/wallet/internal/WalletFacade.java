package com.tpwallet.walletdesk.wallet.internal;

import com.tpwallet.walletdesk.wallet.TransactionStatus;
import com.tpwallet.walletdesk.wallet.TransactionType;
import com.tpwallet.walletdesk.platform.Actor;
import com.tpwallet.walletdesk.platform.Refusal;
import com.tpwallet.walletdesk.wallet.Balance;
import com.tpwallet.walletdesk.wallet.Money;
import com.tpwallet.walletdesk.wallet.TransactionView;
import com.tpwallet.walletdesk.wallet.WalletApi;
import com.tpwallet.walletdesk.wallet.WalletEvents.TransactionPosted;
import com.tpwallet.walletdesk.wallet.WalletEvents.WalletActionTaken;
import com.tpwallet.walletdesk.wallet.internal.TransactionRecords.NewTransaction;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class WalletFacade implements WalletApi {

	private final JdbcClient jdbc;

	private final Ledger ledger;

	private final TransactionRecords records;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Freezes freezes;

	private final FraudReversal reversal;

	private final DailySpendingLimit limit;

	WalletFacade(JdbcClient jdbc, Ledger ledger, TransactionRecords records, ApplicationEventPublisher events,
			Clock clock, Freezes freezes, DailySpendingLimit limit, FraudReversal reversal) {
		this.reversal = reversal;
		this.freezes = freezes;
		this.limit = limit;
		this.jdbc = jdbc;
		this.ledger = ledger;
		this.records = records;
		this.events = events;
		this.clock = clock;
	}

	@Override
	@Transactional(readOnly = true)
	public List<Balance> balances(UUID customerId) {
		List<Balance> balances = jdbc.sql("""
				SELECT currency,
				       sum(balance) FILTER (WHERE kind = 'CUSTOMER_AVAILABLE') AS available,
				       sum(balance) FILTER (WHERE kind = 'CUSTOMER_HELD') AS held
				FROM ledger_account WHERE customer_id = ? GROUP BY currency ORDER BY currency""")
			.param(customerId)
			.query((rs, n) -> new Balance(rs.getString("currency"), rs.getLong("available"), rs.getLong("held")))
			.list();
		return balances.isEmpty() ? List.of(new Balance("CNY", 0, 0)) : balances;
	}

	@Override
	public boolean isFrozen(UUID customerId) {
		return jdbc.sql("SELECT count(*) FROM wallet_freeze WHERE customer_id = ?")
			.param(customerId)
			.query(Integer.class)
			.single() > 0;
	}

	@Override
	public Optional<Freeze> freezeOf(UUID customerId) {
		return jdbc.sql("SELECT reason, frozen_at FROM wallet_freeze WHERE customer_id = ?")
			.param(customerId)
			.query((rs, n) -> new Freeze(rs.getString(1), rs.getTimestamp(2).toInstant()))
			.optional();
	}

	@Override
	@Transactional(readOnly = true)
	public long availableAt(UUID customerId, String currency, Instant at) {
		return jdbc.sql("""
				SELECT coalesce(sum(e.amount), 0) FROM ledger_account a
				JOIN posting_entry e ON e.account_id = a.id JOIN posting p ON p.id = e.posting_id
				WHERE a.customer_id = ? AND a.kind = 'CUSTOMER_AVAILABLE' AND a.currency = ? AND p.created_at <= ?""")
			.params(customerId, currency, Timestamp.from(at))
			.query(Long.class)
			.single();
	}

	@Override
	public List<TransactionView> recentTransactions(UUID customerId, int limit) {
		return select("customer_id = ?", customerId, limit);
	}

	@Override
	public List<TransactionView> failedAttempts(UUID customerId, int limit) {
		return select("customer_id = ? AND status IN ('failed', 'returned')", customerId, limit);
	}

	@Override
	public List<TransactionView> pendingWithdrawals(UUID customerId) {
		return select("customer_id = ? AND type = 'withdrawal' AND status IN ('held', 'sent_to_bank')", customerId,
				100);
	}

	private List<TransactionView> select(String where, UUID customerId, int limit) {
		return jdbc
			.sql("SELECT * FROM wallet_transaction WHERE " + where + " ORDER BY created_at DESC, id DESC LIMIT ?")
			.params(customerId, limit)
			.query(TransactionRecords::map)
			.list();
	}

	@Override
	public Optional<TransactionView> transaction(UUID transactionId) {
		return records.find(transactionId);
	}

	@Override
	@Transactional
	public void freeze(UUID customerId, String reason, Actor actor) {
		freezes.freeze(customerId, reason, actor);
	}

	@Override
	@Transactional
	public int reverseAfterFraud(UUID customerId, java.time.Instant since, Actor actor) {
		return reversal.reverse(customerId, since, actor);
	}

	@Override
	public long valueInFen(Money money) {
		return limit.inFen(money.amount(), money.currency());
	}

	@Override
	@Transactional
	public void unfreeze(UUID customerId, Actor actor) {
		if (jdbc.sql("DELETE FROM wallet_freeze WHERE customer_id = ?").param(customerId).update() == 1) {
			events.publishEvent(new WalletActionTaken(actor, "wallet.unfrozen", customerId, ""));
		}
	}

	@Override
	@Transactional
	public TransactionView refund(UUID paymentId, long amount, String reason, Actor actor) {
		TransactionView payment = records.lock(paymentId).orElseThrow(() -> Refusal.notFound("transaction_not_found"));
		if (payment.type() != TransactionType.PAYMENT || payment.status() != TransactionStatus.SUCCEEDED) {
			throw Refusal.unprocessable("refund_not_refundable");
		}
		long refunded = jdbc
			.sql("SELECT coalesce(sum(amount), 0) FROM wallet_transaction WHERE related_id = ? AND type = 'refund'")
			.param(paymentId)
			.query(Long.class)
			.single();
		if (amount <= 0 || !Money.fitsUnder(refunded, amount, payment.amount())) {
			throw Refusal.unprocessable("refund_amount_invalid", String.valueOf(payment.amount() - refunded));
		}
		UUID id = records
			.insert(NewTransaction.of(payment.customerId(), TransactionType.REFUND, TransactionStatus.SUCCEEDED, amount,
					payment.currency())
				.counterparty(payment.counterparty(), null)
				.related(paymentId)
				.note(reason))
			.id();
		ledger.move(id, PostingKind.REFUND, payment.currency(),
				ledger.systemAccount(AccountKind.MERCHANT_SETTLEMENT, payment.currency()),
				ledger.customerAccount(payment.customerId(), AccountKind.CUSTOMER_AVAILABLE, payment.currency()),
				amount);
		events.publishEvent(new TransactionPosted(id, payment.customerId(), TransactionType.REFUND,
				new Money(amount, payment.currency()), null));
		events.publishEvent(new WalletActionTaken(actor, "wallet.refunded", payment.customerId(),
				"payment=" + payment.reference() + " amount=" + amount + " " + payment.currency()));
		return records.find(id).orElseThrow();
	}

}
