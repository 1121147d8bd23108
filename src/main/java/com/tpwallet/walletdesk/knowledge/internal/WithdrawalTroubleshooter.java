package com.tpwallet.walletdesk.knowledge.internal;

import com.tpwallet.walletdesk.wallet.TransactionStatus;
import com.tpwallet.walletdesk.wallet.TransactionType;
import com.tpwallet.walletdesk.wallet.BusinessCalendar;
import com.tpwallet.walletdesk.wallet.TransactionView;
import com.tpwallet.walletdesk.wallet.WalletApi;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Withdrawal not arrived: each withdrawal on its way with its promised day, naming the
 * holiday that delays it; one past its day is for an agent; a returned one says why.
 */
@Component
class WithdrawalTroubleshooter implements Troubleshooter {

	private final WalletApi wallet;

	private final BusinessCalendar calendar;

	WithdrawalTroubleshooter(WalletApi wallet, BusinessCalendar calendar) {
		this.wallet = wallet;
		this.calendar = calendar;
	}

	@Override
	public String id() {
		return "withdrawal-not-arrived";
	}

	@Override
	public String topic() {
		return "withdrawals";
	}

	@Override
	public List<Finding> diagnose(Situation s) {
		Wording w = s.words();
		LocalDate today = LocalDate.ofInstant(s.now(), BusinessCalendar.ZONE);
		List<Finding> findings = new ArrayList<>();
		for (TransactionView t : wallet.pendingWithdrawals(s.customer().id()).stream().limit(5).toList()) {
			findings.add(onItsWay(t, today, w).about(t.id()));
		}
		wallet.failedAttempts(s.customer().id(), 50)
			.stream()
			.filter(t -> t.type() == TransactionType.WITHDRAWAL && t.status() == TransactionStatus.RETURNED
					&& t.updatedAt().isAfter(s.now().minus(Duration.ofDays(30))))
			.limit(3)
			.forEach(t -> findings.add(Finding
				.of("withdrawal_returned", true,
						w.text("finding.withdrawal_returned", t.reference(), Wording.money(t.amount(), t.currency()),
								w.date(t.createdAt()), w.reason(t.failureReason())),
						"withdrawal-delayed")
				.about(t.id())));
		if (findings.isEmpty()) {
			findings
				.add(Finding.of("nothing_found", false, w.text("finding.nothing_withdrawal"), "withdrawal-delayed"));
		}
		return findings;
	}

	private Finding onItsWay(TransactionView t, LocalDate today, Wording w) {
		LocalDate submitted = LocalDate.ofInstant(t.createdAt(), BusinessCalendar.ZONE);
		LocalDate due = t.expectedArrival() != null ? t.expectedArrival() : calendar.businessDaysAfter(submitted, 2);
		String amount = Wording.money(t.amount(), t.currency());
		if (today.isAfter(due)) {
			return Finding.of("withdrawal_overdue", false,
					w.text("finding.withdrawal_overdue", t.reference(), amount, w.date(submitted), w.date(due)),
					"withdrawal-delayed");
		}
		Optional<BusinessCalendar.Day> holiday = submitted.datesUntil(due)
			.flatMap(d -> calendar.special(d).stream())
			.filter(d -> d.kind().equals("HOLIDAY"))
			.findFirst();
		return holiday
			.map(h -> Finding.of("withdrawal_holiday", true,
					w.text("finding.withdrawal_holiday", t.reference(), amount, w.date(submitted), w.date(due),
							w.holiday(h.name())),
					"withdrawal-delayed"))
			.orElseGet(() -> Finding.of("withdrawal_on_its_way", true,
					w.text("finding.withdrawal_on_its_way", t.reference(), amount, w.date(submitted), w.date(due)),
					"withdrawal-delayed"));
	}

}
