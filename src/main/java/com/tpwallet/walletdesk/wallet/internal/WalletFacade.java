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
		return giveBack(payment, amount, reason, AccountKind.MERCHANT_SETTLEMENT, actor);
	}

	@Override
	@Transactional
	public TransactionView refundDisputed(UUID transactionId, long amount, String reason, Actor actor) {
		TransactionView original = records.lock(transactionId)
			.orElseThrow(() -> Refusal.notFound("transaction_not_found"));
		if (!DISPUTABLE.contains(original.type())) {
			throw Refusal.unprocessable("refund_not_refundable");
		}
		// A merchant pays back its own payment; what no merchant received (a transfer
		// that
		// went astray, a top-up charged twice) the operator bears.
		boolean merchantPays = original.type() == TransactionType.PAYMENT
				&& original.status() == TransactionStatus.SUCCEEDED;
		return giveBack(original, amount, reason,
				merchantPays ? AccountKind.MERCHANT_SETTLEMENT : AccountKind.DISPUTE_LOSSES, actor);
	}

	/**
	 * A refund: a new balancing posting related to the original, which is never edited;
	 * all refunds of one movement together never exceed it.
	 */
	private TransactionView giveBack(TransactionView original, long amount, String reason, AccountKind payer,
			Actor actor) {
		long refunded = alreadyRefunded(original.id());
		if (amount <= 0 || !Money.fitsUnder(refunded, amount, original.amount())) {
			throw Refusal.unprocessable("refund_amount_invalid", String.valueOf(original.amount() - refunded));
		}
		UUID id = credit(original, TransactionType.REFUND, amount, reason);
		ledger.move(id, PostingKind.REFUND, original.currency(), ledger.systemAccount(payer, original.currency()),
				ledger.customerAccount(original.customerId(), AccountKind.CUSTOMER_AVAILABLE, original.currency()),
				amount);
		events.publishEvent(new TransactionPosted(id, original.customerId(), TransactionType.REFUND,
				new Money(amount, original.currency()), null));
		events.publishEvent(new WalletActionTaken(actor, "wallet.refunded", original.customerId(),
				original.type().code() + "=" + original.reference() + " amount=" + amount + " " + original.currency()));
		return records.find(id).orElseThrow();
	}

	private long alreadyRefunded(UUID transactionId) {
		return jdbc
			.sql("SELECT coalesce(sum(amount), 0) FROM wallet_transaction WHERE related_id = ? AND type = 'refund'")
			.param(transactionId)
			.query(Long.class)
			.single();
	}

	private UUID credit(TransactionView original, TransactionType type, long amount, String note) {
		return records
			.insert(NewTransaction
				.of(original.customerId(), type, TransactionStatus.SUCCEEDED, amount, original.currency())
				.counterparty(original.counterparty(), null)
				.related(original.id())
				.note(note))
			.id();
	}

	/** What a customer may dispute: money that left them, or a top-up. */
	static final java.util.Set<TransactionType> DISPUTABLE = java.util.EnumSet.of(TransactionType.PAYMENT,
			TransactionType.TRANSFER_OUT, TransactionType.TOP_UP, TransactionType.WITHDRAWAL);

	@Override
	@Transactional
	public TransactionView provisionalCredit(UUID transactionId, long amount, String reason, Actor actor) {
		TransactionView original = records.lock(transactionId)
			.orElseThrow(() -> Refusal.notFound("transaction_not_found"));
		if (amount <= 0 || amount > original.amount()) {
			throw Refusal.unprocessable("refund_amount_invalid", String.valueOf(original.amount()));
		}
		UUID id = credit(original, TransactionType.PROVISIONAL_CREDIT, amount, reason);
		ledger.move(id, PostingKind.PROVISIONAL_CREDIT, original.currency(),
				ledger.systemAccount(AccountKind.DISPUTE_PROVISIONAL, original.currency()),
				ledger.customerAccount(original.customerId(), AccountKind.CUSTOMER_AVAILABLE, original.currency()),
				amount);
		events.publishEvent(new WalletActionTaken(actor, "wallet.provisional_credit", original.customerId(),
				original.type().code() + "=" + original.reference() + " amount=" + amount + " " + original.currency()));
		return records.find(id).orElseThrow();
	}

	@Override
	@Transactional
	public long takeBackProvisionalCredit(UUID creditId, String reason, Actor actor) {
		TransactionView credit = records.lock(creditId)
			.filter(t -> t.type() == TransactionType.PROVISIONAL_CREDIT)
			.orElseThrow(() -> Refusal.notFound("transaction_not_found"));
		long customerAccount = ledger.customerAccount(credit.customerId(), AccountKind.CUSTOMER_AVAILABLE,
				credit.currency());
		long provisional = ledger.systemAccount(AccountKind.DISPUTE_PROVISIONAL, credit.currency());
		long available = ledger
			.lockForSpending(credit.customerId(), customerAccount, provisional, java.time.LocalDate.now(clock))
			.available();
		long takenBack = jdbc
			.sql("SELECT coalesce(sum(amount), 0) FROM wallet_transaction WHERE related_id = ? AND type = ?")
			.params(creditId, TransactionType.PROVISIONAL_REVERSAL.code())
			.query(Long.class)
			.single();
		// never below nothing: what the customer has spent meanwhile stays owed, and the
		// dispute says so
		long amount = Math.min(credit.amount() - takenBack, available);
		if (amount <= 0) {
			return 0;
		}
		UUID id = credit(credit, TransactionType.PROVISIONAL_REVERSAL, amount, reason);
		ledger.move(id, PostingKind.PROVISIONAL_REVERSAL, credit.currency(), customerAccount, provisional, amount);
		events.publishEvent(new WalletActionTaken(actor, "wallet.provisional_credit_taken_back", credit.customerId(),
				"credit=" + credit.reference() + " amount=" + amount + " " + credit.currency()));
		return amount;
	}

}
