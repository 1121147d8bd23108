package com.tpwallet.walletdesk.knowledge.internal;

import com.tpwallet.walletdesk.wallet.TransactionStatus;
import com.tpwallet.walletdesk.wallet.TransactionType;
import com.tpwallet.walletdesk.wallet.TransactionView;
import com.tpwallet.walletdesk.wallet.WalletApi;
import java.time.Duration;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Top-up failed: the latest failed or unconfirmed top-up, with the bank's or the card's
 * reason.
 */
@Component
class TopUpTroubleshooter implements Troubleshooter {

	/**
	 * The gateway normally confirms within minutes; an hour without an answer is for a
	 * person to look at.
	 */
	private static final Duration LONG_PENDING = Duration.ofHours(1);

	private final WalletApi wallet;

	TopUpTroubleshooter(WalletApi wallet) {
		this.wallet = wallet;
	}

	@Override
	public String id() {
		return "topup-failed";
	}

	@Override
	public String topic() {
		return "payments";
	}

	@Override
	public List<Finding> diagnose(Situation s) {
		Wording w = s.words();
		return wallet.recentTransactions(s.customer().id(), 100)
			.stream()
			.filter(t -> t.type() == TransactionType.TOP_UP
					&& t.createdAt().isAfter(s.now().minus(Duration.ofDays(30))))
			.filter(t -> t.status() == TransactionStatus.FAILED || t.status() == TransactionStatus.PENDING)
			.findFirst()
			.map(t -> List.of(explain(t, s).about(t.id())))
			.orElseGet(
					() -> List.of(Finding.of("nothing_found", false, w.text("finding.nothing_topup"), "topup-failed")));
	}

	private static Finding explain(TransactionView topUp, Situation s) {
		Wording w = s.words();
		String amount = Wording.money(topUp.amount(), topUp.currency());
		String card = topUp.cardLast4() == null ? "—" : topUp.cardLast4();
		String day = w.date(topUp.createdAt());
		if (topUp.status() == TransactionStatus.PENDING) {
			boolean stuck = topUp.createdAt().isBefore(s.now().minus(LONG_PENDING));
			return Finding.of(stuck ? "topup_pending_long" : "topup_pending", !stuck,
					w.text(stuck ? "finding.topup_pending_long" : "finding.topup_pending", amount, card, day),
					"topup-failed");
		}
		return Finding.of("topup_failed", true,
				w.text("finding.topup_failed", amount, card, day, w.reason(topUp.failureReason())), "topup-failed");
	}

}
