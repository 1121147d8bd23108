package com.tpwallet.walletdesk.knowledge.internal;

import com.tpwallet.walletdesk.wallet.TransactionType;
import com.tpwallet.walletdesk.identity.CustomerProfile;
import com.tpwallet.walletdesk.wallet.TransactionView;
import com.tpwallet.walletdesk.identity.SecurityStanding;
import com.tpwallet.walletdesk.wallet.WalletApi;
import org.springframework.beans.factory.ObjectProvider;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Payment failed: the latest refused payment and why, plus what blocks payments now
 * (freeze, blocked PIN).
 */
@Component
class PaymentTroubleshooter implements Troubleshooter {

	private final WalletApi wallet;

	private final ObjectProvider<SecurityStanding> standings;

	PaymentTroubleshooter(WalletApi wallet, ObjectProvider<SecurityStanding> standings) {
		this.standings = standings;
		this.wallet = wallet;
	}

	@Override
	public String id() {
		return "payment-failed";
	}

	@Override
	public String topic() {
		return "payments";
	}

	@Override
	public List<Finding> diagnose(Situation s) {
		CustomerProfile customer = s.customer();
		Wording w = s.words();
		List<Finding> findings = new ArrayList<>();
		Optional<TransactionView> failed = wallet.failedAttempts(customer.id(), 50)
			.stream()
			.filter(t -> t.type() == TransactionType.PAYMENT
					&& t.createdAt().isAfter(s.now().minus(Duration.ofDays(30))))
			.findFirst();
		failed.ifPresent(payment -> findings.add(explain(payment, s).about(payment.id())));
		// a freeze by the risk monitor says why, in the words of the security centre
		wallet.freezeOf(customer.id())
			.ifPresent(freeze -> findings.add(Finding.of("account_frozen", true,
					standings.orderedStream()
						.flatMap(standing -> standing.warnings(customer.id(), w.locale()).stream())
						.map(SecurityStanding.Warning::text)
						.findFirst()
						.orElseGet(() -> w.text("finding.account_frozen", w.date(freeze.frozenAt()))),
					"account-frozen")));
		if (customer.paymentPasswordBlockedUntil() != null && customer.paymentPasswordBlockedUntil().isAfter(s.now())) {
			findings.add(Finding.of("payment_password_blocked", true,
					w.text("finding.payment_password_blocked", w.dateTime(customer.paymentPasswordBlockedUntil())),
					"change-payment-password"));
		}
		if (!customer.paymentPasswordSet()) {
			findings.add(Finding.of("payment_password_not_set", true, w.text("finding.payment_password_not_set"),
					"change-payment-password"));
		}
		if (findings.isEmpty()) {
			findings.add(Finding.of("nothing_found", false, w.text("finding.nothing_payment"), "payment-failed"));
		}
		return findings;
	}

	private Finding explain(TransactionView payment, Situation s) {
		Wording w = s.words();
		String amount = Wording.money(payment.amount(), payment.currency());
		String merchant = payment.counterparty() == null ? "—" : payment.counterparty();
		String day = w.date(payment.createdAt());
		String reason = payment.failureReason() == null ? "unknown" : payment.failureReason();
		return switch (reason) {
			case "insufficient_balance" -> {
				long available = wallet.availableAt(payment.customerId(), payment.currency(), payment.createdAt());
				long shortBy = Math.max(1, payment.amount() - available);
				yield Finding.of(
						"payment_insufficient_balance", true, w.text("finding.payment_insufficient_balance", amount,
								merchant, day, Wording.money(shortBy, payment.currency())),
						"topup-failed", "payment-failed");
			}
			case "wallet_frozen" -> Finding.of("payment_wallet_frozen", true,
					w.text("finding.payment_wallet_frozen", amount, merchant, day), "account-frozen");
			case "limit_exceeded" -> Finding.of("payment_limit_exceeded", true,
					w.text("finding.payment_limit_exceeded", amount, merchant, day), "payment-failed");
			case "payment_password_wrong", "payment_password_blocked" -> Finding.of("payment_password_wrong", true,
					w.text("finding.payment_password_wrong", amount, merchant, day), "change-payment-password");
			default -> Finding.of("payment_refused", true,
					w.text("finding.payment_refused", amount, merchant, day, w.reason(reason)), "payment-failed");
		};
	}

}
