package com.tpwallet.walletdesk.wallet.internal;

import com.tpwallet.walletdesk.platform.Actor;
import com.tpwallet.walletdesk.wallet.Money;
import com.tpwallet.walletdesk.wallet.TransactionStatus;
import com.tpwallet.walletdesk.wallet.TransactionType;
import com.tpwallet.walletdesk.wallet.TransactionView;
import com.tpwallet.walletdesk.wallet.WalletEvents.WalletActionTaken;
import com.tpwallet.walletdesk.wallet.WalletEvents.WithdrawalFailed;
import com.tpwallet.walletdesk.wallet.internal.TransactionRecords.NewTransaction;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What confirmed fraud takes back, never by editing history: held withdrawals not yet
 * sent to the bank are stopped (the hold returns to the wallet), and each transfer whose
 * money is still in the recipient's wallet is reversed by a new balanced posting, a
 * {@code reversal_out} for the recipient and a {@code reversal_in} for the victim. Money
 * already spent or withdrawn by the recipient stays where it is.
 */
@Component
class FraudReversal {

	static final String REASON = "stopped_for_fraud";

	private final JdbcClient jdbc;

	private final Ledger ledger;

	private final TransactionRecords records;

	private final ApplicationEventPublisher events;

	FraudReversal(JdbcClient jdbc, Ledger ledger, TransactionRecords records, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.ledger = ledger;
		this.records = records;
		this.events = events;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	int reverse(UUID customerId, Instant since, Actor actor) {
		int reversed = 0;
		for (Sent sent : since(customerId, TransactionType.WITHDRAWAL, TransactionStatus.HELD, since)) {
			TransactionView w = sent.view();
			long held = ledger.customerAccount(customerId, AccountKind.CUSTOMER_HELD, w.currency());
			long available = ledger.customerAccount(customerId, AccountKind.CUSTOMER_AVAILABLE, w.currency());
			if (records.stopWithdrawal(w.id(), REASON)) {
				ledger.move(w.id(), PostingKind.WITHDRAWAL_RETURN, w.currency(), held, available, w.amount());
				events.publishEvent(
						new WithdrawalFailed(w.id(), customerId, REASON, new Money(w.amount(), w.currency())));
				reversed++;
			}
		}
		for (Sent t : since(customerId, TransactionType.TRANSFER_OUT, TransactionStatus.SUCCEEDED, since)) {
			if (t.recipient() != null && !alreadyReversed(t.view().id())
					&& takeBack(customerId, t.view(), t.recipient())) {
				reversed++;
			}
		}
		events.publishEvent(new WalletActionTaken(actor, "wallet.fraud_reversed", customerId,
				"reversed=" + reversed + " since=" + since));
		return reversed;
	}

	/**
	 * Reverses a transfer if the recipient still has the money; both accounts locked in
	 * id order.
	 */
	private boolean takeBack(UUID victim, TransactionView transfer, UUID recipient) {
		long from = ledger.customerAccount(recipient, AccountKind.CUSTOMER_AVAILABLE, transfer.currency());
		long to = ledger.customerAccount(victim, AccountKind.CUSTOMER_AVAILABLE, transfer.currency());
		long stillThere = jdbc.sql("SELECT id, balance FROM ledger_account WHERE id IN (?, ?) ORDER BY id FOR UPDATE")
			.params(from, to)
			.query((rs, n) -> rs.getLong("id") == from ? rs.getLong("balance") : 0L)
			.list()
			.stream()
			.mapToLong(Long::longValue)
			.sum();
		if (stillThere < transfer.amount()) {
			return false;
		}
		NewTransaction back = NewTransaction
			.of(victim, TransactionType.REVERSAL_IN, TransactionStatus.SUCCEEDED, transfer.amount(),
					transfer.currency())
			.counterparty(transfer.counterparty(), recipient)
			.related(transfer.id())
			.note(REASON);
		NewTransaction out = NewTransaction
			.of(recipient, TransactionType.REVERSAL_OUT, TransactionStatus.SUCCEEDED, transfer.amount(),
					transfer.currency())
			.related(transfer.id())
			.note(REASON);
		records.insert(List.of(back, out));
		ledger.move(back.id(), PostingKind.REVERSAL, transfer.currency(), from, to, transfer.amount());
		return true;
	}

	private boolean alreadyReversed(UUID transferId) {
		return jdbc.sql("SELECT count(*) FROM wallet_transaction WHERE related_id = ? AND type = 'reversal_in'")
			.param(transferId)
			.query(Integer.class)
			.single() > 0;
	}

	/** Money that left, and the customer it went to (for a transfer). */
	private record Sent(TransactionView view, @Nullable UUID recipient) {
	}

	private List<Sent> since(UUID customerId, TransactionType type, TransactionStatus status, Instant since) {
		return jdbc.sql("""
				SELECT * FROM wallet_transaction WHERE customer_id = ? AND type = ? AND status = ? AND created_at >= ?
				ORDER BY created_at""")
			.params(customerId, type.code(), status.code(), Timestamp.from(since))
			.query((rs, n) -> new Sent(TransactionRecords.map(rs, n), rs.getObject("counterparty_id", UUID.class)))
			.list();
	}

}
