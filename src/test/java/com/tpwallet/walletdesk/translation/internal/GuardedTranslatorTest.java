package com.tpwallet.walletdesk.translation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What must come through a translation unchanged. */
class GuardedTranslatorTest {

	@Test
	void amountsDatesTicketNumbersReferencesAndCardEndingsMustSurvive() {
		String original = "工单 #1234：P2026112400017 的 120.00 元将于 2026-12-01 退到尾号 ****4242 的卡。";
		String faithful = "Ticket #1234: the 120.00 CNY of P2026112400017 goes back to card ****4242 on 2026-12-01.";
		assertThat(GuardedTranslator.lost(original, faithful)).isEmpty();
		assertThat(GuardedTranslator.lost(original, faithful.replace("120.00", "12.00"))).containsExactly("120.00");
		assertThat(GuardedTranslator.lost(original, faithful.replace("#1234", "#1243"))).contains("#1234");
		assertThat(GuardedTranslator.lost(original, faithful.replace("2026-12-01", "December 1")))
			.containsExactly("2026-12-01");
	}

	@Test
	void aNumberSaidTwiceMustComeThroughTwice() {
		assertThat(GuardedTranslator.lost("5 + 5", "5 plus cinq")).containsExactly("5");
		assertThat(GuardedTranslator.lost("kein Betrag", "no amount")).isEmpty();
	}

}
