package com.tpwallet.walletdesk.wallet.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tpwallet.walletdesk.platform.Refusal;
import com.tpwallet.walletdesk.wallet.TransactionStatus;
import com.tpwallet.walletdesk.wallet.TransactionType;
import java.util.EnumSet;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class WalletRulesUnitTest {

	static String code(Runnable r) {
		try {
			r.run();
			return "accepted";
		}
		catch (Refusal refusal) {
			return refusal.code();
		}
	}

	@Test
	void cardNumbersPassTheLuhnCheckAndAreNeverPrintedInFull() {
		assertThat(BankCard.parse("4242 4242 4242 4242").number()).isEqualTo("4242424242424242");
		assertThat(code(() -> BankCard.parse("4242424242424241"))).isEqualTo("card_invalid");
		assertThat(code(() -> BankCard.parse("12ab"))).isEqualTo("card_invalid");
		assertThat(BankCard.parse("4242424242424242")).hasToString("card ****4242");
	}

	@Test
	void anExpiryInThePastIsRefused() {
		YearMonth now = YearMonth.of(2026, 11);
		assertThat(code(() -> BankCard.expiry("11/26", now))).isEqualTo("accepted");
		assertThat(code(() -> BankCard.expiry("10/26", now))).isEqualTo("card_expired");
		assertThat(code(() -> BankCard.expiry("13/30", now))).isEqualTo("card_expiry_invalid");
	}

	@Test
	void amountsAreWholeMinorUnitsAboveZero() {
		assertThat(AmountInput.money(new BigDecimal("1250"), "CNY").amount()).isEqualTo(1250);
		assertThat(AmountInput.money(new BigDecimal("1250.00"), "EUR").amount()).isEqualTo(1250);
		assertThat(code(() -> AmountInput.money(new BigDecimal("12.5"), "CNY"))).isEqualTo("amount_not_integer");
		assertThat(code(() -> AmountInput.money(new BigDecimal("-5"), "CNY"))).isEqualTo("amount_not_positive");
		assertThat(code(() -> AmountInput.money(new BigDecimal("1e30"), "CNY"))).isEqualTo("amount_too_large");
		assertThat(code(() -> AmountInput.money(new BigDecimal("100"), "JPY"))).isEqualTo("currency_unsupported");
	}

	@Test
	void holderNamesMatchRegardlessOfCaseAndSpacing() {
		assertThat(MoneyMovements.sameName("Li Wei", "  li   WEI ")).isTrue();
		assertThat(MoneyMovements.sameName("李伟", "李伟")).isTrue();
		assertThat(MoneyMovements.sameName("Li Wei", "Li Wen")).isFalse();
	}

	@Test
	void counterpartiesAreMaskedTheWayChineseWalletsDo() {
		assertThat(CounterpartyLabel.login("+8613812348000")).isEqualTo("+86138****8000");
		assertThat(CounterpartyLabel.login("camille@example.com")).isEqualTo("c***@example.com");
		assertThat(CounterpartyLabel.name("李伟")).isEqualTo("*伟");
		assertThat(CounterpartyLabel.name("欧阳娜娜")).isEqualTo("***娜");
		assertThat(CounterpartyLabel.name("Camille Martin")).isEqualTo("C*** M.");
		assertThat(CounterpartyLabel.name("Jean Paul de la Tour")).isEqualTo("J*** T.");
		assertThat(CounterpartyLabel.name("Madonna")).isEqualTo("M***");
		assertThat(CounterpartyLabel.name(" Émile  Zola ")).isEqualTo("É*** Z.");
	}

	@Test
	void csvCellsAreQuotedAndFormulasDefused() {
		assertThat(HistoryExport.cell("a,\"b\"")).isEqualTo("\"a,\"\"b\"\"\"");
		assertThat(HistoryExport.cell("=HYPERLINK(1)")).isEqualTo("\"'=HYPERLINK(1)\"");
		assertThat(HistoryExport.cell(null)).isEmpty();
	}

	@Test
	void lunarFestivalsAreEstimatedFromTheChineseCalendar() {
		assertThat(LunarHolidayEstimate.lunar(2026, 1, 1)).isEqualTo(LocalDate.of(2026, 2, 17));
		assertThat(LunarHolidayEstimate.lunar(2026, 5, 5)).isEqualTo(LocalDate.of(2026, 6, 19));
		assertThat(LunarHolidayEstimate.lunar(2026, 8, 15)).isEqualTo(LocalDate.of(2026, 9, 25));
		assertThat(LunarHolidayEstimate.lunar(2028, 1, 1)).isEqualTo(LocalDate.of(2028, 1, 26));
		assertThat(LunarHolidayEstimate.lunar(2029, 1, 1)).isEqualTo(LocalDate.of(2029, 2, 13));
		var estimate = LunarHolidayEstimate.forYear(2028);
		assertThat(estimate).allMatch(d -> d.provisional() && d.kind().equals("HOLIDAY"));
		assertThat(estimate).extracting(d -> d.date())
			.contains(LocalDate.of(2028, 1, 25), LocalDate.of(2028, 2, 1), LocalDate.of(2028, 10, 7))
			.doesNotContain(LocalDate.of(2028, 2, 2));
	}

	@Test
	void anEstimateIsOnlyAnEstimate() {
		// The 2027 new moon falls at 23:56 Beijing time on 6 February; ICU's astronomy
		// puts it after midnight.
		// The official New Year is 6 February: this is why estimated years are
		// provisional until an operator loads them.
		assertThat(LunarHolidayEstimate.lunar(2027, 1, 1)).isEqualTo(LocalDate.of(2027, 2, 7));
	}

	@Test
	void anUnbalancedPostingIsAProgrammingError() {
		Ledger ledger = new Ledger(null, java.time.Clock.systemUTC());
		assertThatThrownBy(() -> ledger.post(java.util.UUID.randomUUID(), PostingKind.PAYMENT, "CNY",
				java.util.List.of(new Ledger.Entry(1, -100), new Ledger.Entry(2, 90))))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void sumsOfAmountsNeverWrapAndALimitIsJudgedWithoutAddition() {
		assertThatThrownBy(() -> com.tpwallet.walletdesk.wallet.Money.sum(Long.MAX_VALUE, 1))
			.isInstanceOf(ArithmeticException.class);
		assertThat(com.tpwallet.walletdesk.wallet.Money.fitsUnder(1_000, 2_000, 3_000)).isTrue();
		assertThat(com.tpwallet.walletdesk.wallet.Money.fitsUnder(1_000, 2_001, 3_000)).isFalse();
		assertThat(com.tpwallet.walletdesk.wallet.Money.fitsUnder(1_000, Long.MAX_VALUE, 3_000))
			.as("1,000 + (2^63 - 1) wraps to a negative number below any limit")
			.isFalse();
		assertThat(com.tpwallet.walletdesk.wallet.Money.fitsUnder(0,
				com.tpwallet.walletdesk.wallet.Money.MAX_AMOUNT + 1, Long.MAX_VALUE))
			.as("no single amount above the product's maximum")
			.isFalse();
		assertThat(com.tpwallet.walletdesk.wallet.Money.fitsUnder(0, -1, 3_000)).isFalse();
	}

	@Test
	void aCsvCellNeverStartsWithWhatASpreadsheetWouldRunAsAFormula() {
		assertThat(HistoryExport.cell("=1+1\nsecond line")).isEqualTo("\"'=1+1\nsecond line\"");
		assertThat(HistoryExport.cell("\t=cmd|' /C calc'!A0")).startsWith("\"'\t");
		assertThat(HistoryExport.cell("\r\n@SUM(A1)")).startsWith("\"'\r");
		assertThat(HistoryExport.cell(" +1")).startsWith("\"' +1");
		assertThat(HistoryExport.cell("\uFF1D1+1")).startsWith("\"'");
		assertThat(HistoryExport.cell("-5")).isEqualTo("\"'-5\"");
		assertThat(HistoryExport.cell("dinner \"at 8\"")).isEqualTo("\"dinner \"\"at 8\"\"\"");
		assertThat(HistoryExport.cell("")).isEqualTo("\"\"");
		assertThat(HistoryExport.cell(null)).isEmpty();
	}

	@Test
	void fuzzedNotesNeverReachASpreadsheetAsAFormula() {
		java.util.Random random = new java.util.Random(20261127);
		String alphabet = "=+-@\t\r\n \"',;ab1\u00a0\u3000\uFF1D\uFF0B\u0000\u202e李";
		for (int i = 0; i < 20_000; i++) {
			StringBuilder note = new StringBuilder();
			for (int n = random.nextInt(8); n > 0; n--) {
				note.append(alphabet.charAt(random.nextInt(alphabet.length())));
			}
			String cell = HistoryExport.cell(note.toString());
			assertThat(cell).startsWith("\"").endsWith("\"");
			String unquoted = cell.substring(1, cell.length() - 1).replace("\"\"", "\"");
			assertThat(unquoted).as("nothing lost").isIn(note.toString(), "'" + note);
			if (!unquoted.isEmpty() && !unquoted.startsWith("'")) {
				int first = unquoted.codePointAt(0);
				assertThat("=+-@\t\r\n \u00a0\u3000\uFF1D\uFF0B\u0000".indexOf(first)).as(note.toString())
					.isEqualTo(-1);
			}
		}
	}

	@Test
	void theDailyLimitConvertsEveryCurrencyToCnyAtTheStatedRateRoundingUp() {
		DailySpendingLimit limit = DailySpendingLimit.of(5_000_000);
		assertThat(limit.inFen(100, "EUR")).isEqualTo(780);
		assertThat(limit.inFen(1, "EUR")).as("7.8 fen, rounded up").isEqualTo(8);
		assertThat(limit.inFen(java.util.Map.of("CNY", 4_000_000L, "EUR", 100_000L))).isEqualTo(4_780_000);
		assertThat(limit.allows(4_780_000, new com.tpwallet.walletdesk.wallet.Money(220_000, "CNY"))).isTrue();
		assertThat(limit.allows(4_780_000, new com.tpwallet.walletdesk.wallet.Money(220_001, "CNY"))).isFalse();
		assertThat(limit.allows(4_780_000, new com.tpwallet.walletdesk.wallet.Money(30_000, "EUR"))).isFalse();
		assertThat(limit.allows(6_000_000, new com.tpwallet.walletdesk.wallet.Money(1, "CNY")))
			.as("already over a lowered limit")
			.isFalse();
		assertThat(DailySpendingLimit.of(Long.MAX_VALUE / 4)
			.allows(Long.MAX_VALUE / 4 - 5, new com.tpwallet.walletdesk.wallet.Money(1_000_000_000, "EUR")))
			.as("never wraps")
			.isFalse();
	}

	@Test
	void moneyLeavesOnlyAnUnfrozenWalletThatCoversItWithinTheDaysLimitAndTheFirstReasonIsTold() {
		OutgoingMoneyPolicy policy = new OutgoingMoneyPolicy(DailySpendingLimit.of(5_000_000));
		com.tpwallet.walletdesk.wallet.Money hundred = new com.tpwallet.walletdesk.wallet.Money(10_000, "CNY");
		assertThat(policy.judge(new OutgoingMoneyPolicy.Wallet(false, 10_000, 4_990_000), hundred)).isEmpty();
		assertThat(policy.judge(new OutgoingMoneyPolicy.Wallet(false, 9_999, 0), hundred).orElseThrow().code())
			.isEqualTo("insufficient_balance");
		assertThat(policy.judge(new OutgoingMoneyPolicy.Wallet(false, 10_000, 4_990_001), hundred).orElseThrow().code())
			.isEqualTo("limit_exceeded");
		assertThat(policy.judge(new OutgoingMoneyPolicy.Wallet(true, 0, 5_000_000), hundred).orElseThrow().code())
			.as("frozen is told before an empty wallet or a spent limit")
			.isEqualTo("wallet_frozen");
		assertThat(policy.judge(new OutgoingMoneyPolicy.Wallet(false, 0, 5_000_000), hundred).orElseThrow().code())
			.as("an empty wallet before a spent limit")
			.isEqualTo("insufficient_balance");
	}

	@Test
	void aTopUpEndsOnceAndAWithdrawalGoesThroughTheBankBeforeItEnds() {
		assertThat(TransactionStatus.PENDING.next()).containsExactlyInAnyOrder(TransactionStatus.SUCCEEDED,
				TransactionStatus.FAILED);
		// a held withdrawal goes to the bank, or is stopped before it leaves (confirmed
		// fraud)
		assertThat(TransactionStatus.HELD.next()).containsExactlyInAnyOrder(TransactionStatus.SENT_TO_BANK,
				TransactionStatus.RETURNED);
		assertThat(TransactionStatus.SENT_TO_BANK.next()).containsExactlyInAnyOrder(TransactionStatus.SETTLED,
				TransactionStatus.RETURNED);
		for (TransactionStatus end : EnumSet.of(TransactionStatus.SUCCEEDED, TransactionStatus.FAILED,
				TransactionStatus.SETTLED, TransactionStatus.RETURNED)) {
			assertThat(end.next()).as(end.code()).isEmpty();
			assertThat(end.isInProgress()).as(end.code()).isFalse();
		}
		assertThat(EnumSet.allOf(TransactionStatus.class).stream().filter(TransactionStatus::isComplete))
			.containsExactlyInAnyOrder(TransactionStatus.SUCCEEDED, TransactionStatus.SETTLED);
	}

	@Test
	void typesAndStatusesReadBackFromTheirStoredCodesAndNothingElse() {
		for (TransactionType type : TransactionType.values()) {
			assertThat(TransactionType.of(type.code())).isEqualTo(type);
		}
		for (TransactionStatus status : TransactionStatus.values()) {
			assertThat(TransactionStatus.of(status.code())).isEqualTo(status);
		}
		assertThat(TransactionType.find("TOP_UP")).isEmpty();
		assertThat(TransactionStatus.find("requested")).isEmpty();
	}

}
