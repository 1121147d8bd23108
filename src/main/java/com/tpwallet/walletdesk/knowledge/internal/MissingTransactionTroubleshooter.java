package com.tpwallet.walletdesk.knowledge.internal;

import com.tpwallet.walletdesk.wallet.TransactionView;
import com.tpwallet.walletdesk.wallet.WalletApi;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;

/**
 * Transaction not found: with an amount, the transactions of that amount in the last 90
 * days, failed and pending ones included (which the customer often did not look for);
 * without one, the latest attempts that did not go through.
 */
@Component
class MissingTransactionTroubleshooter implements Troubleshooter {

	private final WalletApi wallet;

	MissingTransactionTroubleshooter(WalletApi wallet) {
		this.wallet = wallet;
	}

	@Override
	public String id() {
		return "transaction-not-found";
	}

	@Override
	public String topic() {
		return "payments";
	}

	@Override
	public List<Finding> diagnose(Situation s) {
		Wording w = s.words();
		Predicate<TransactionView> wanted = s.amount() != null
				? t -> t.amount() == s.amount() && (s.currency() == null || t.currency().equals(s.currency()))
				: t -> !t.status().isComplete();
		List<Finding> found = wallet.recentTransactions(s.customer().id(), 500)
			.stream()
			.filter(t -> t.createdAt().isAfter(s.now().minus(Duration.ofDays(90))))
			.filter(wanted)
			.limit(3)
			.map(t -> Finding
				.of("transaction_found", true,
						w.text("finding.transaction_found", w.type(t.type()), Wording.money(t.amount(), t.currency()),
								w.dateTime(t.createdAt()), w.status(t.status()), t.reference()),
						"transaction-history")
				.about(t.id()))
			.toList();
		if (!found.isEmpty()) {
			return found;
		}
		String message = s.amount() != null
				? w.text("finding.nothing_transaction_amount",
						Wording.money(s.amount(), s.currency() == null ? "CNY" : s.currency()))
				: w.text("finding.nothing_transaction");
		return List.of(Finding.of("nothing_found", false, message, "transaction-history", "transaction-dispute"));
	}

}
