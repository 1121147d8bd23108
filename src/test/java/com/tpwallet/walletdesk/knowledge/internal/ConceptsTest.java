package com.tpwallet.walletdesk.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConceptsTest {

	final Concepts shipped = Concepts.shared();

	final Concepts lexicon = new Concepts(List.of("withdraw\ten\tcash out|payout", "withdraw\tzh-CN\t提现",
			"top-up\ten\tput on wallet", "arrive\ten\t=land", "screen\tde\t*bildschirm", "frozen\tfr\tgele",
			"alert\ten\twarning", "fail\ten\tdeclin"));

	@Test
	void theSameConceptIsFoundInEachLanguagesOwnWords() {
		assertThat(shipped.features("how do i cash out to my bank", "en")).contains("k=withdraw");
		assertThat(shipped.features("mon retrait n'est pas arrivé", "fr")).contains("k=withdraw");
		assertThat(shipped.features("Auszahlung fehlt", "de")).contains("k=withdraw");
		assertThat(shipped.features("提现没到账", "zh-CN")).contains("k=withdraw");
	}

	@Test
	void aPhraseMatchesItsWordsInOrderWithFewWordsBetween() {
		assertThat(lexicon.features("I put 200 euros on the wallet", "en")).contains("k=top-up");
		assertThat(lexicon.features("the wallet put it on hold", "en")).doesNotContain("k=top-up");
		assertThat(lexicon.features("put it aside and then maybe later on my new wallet", "en"))
			.doesNotContain("k=top-up");
	}

	@Test
	void aWordMatchesTheWordsItBeginsUnlessMarkedExactOrInside() {
		assertThat(lexicon.features("my payouts", "en")).contains("k=withdraw");
		assertThat(lexicon.features("when will it land", "en")).contains("k=arrive");
		assertThat(lexicon.features("paid my landlord", "en")).doesNotContain("k=arrive");
		assertThat(lexicon.features("der Überweisungsbildschirm ist leer", "de")).contains("k=screen");
		assertThat(lexicon.features("payouts and payoutsomething", "en")).containsExactly("k=withdraw");
		assertThat(lexicon.features("a payoutsomething", "en")).as("a long tail is another word").isEmpty();
	}

	@Test
	void accentsAndCaseDoNotMatter() {
		assertThat(lexicon.features("Mon compte est GELÉ", "fr")).containsExactly("k=frozen");
	}

	@Test
	void eachPairOfConceptsIsAFeatureToo() {
		assertThat(lexicon.features("a warning and now every payment is declined", "en")).containsExactly("k=alert",
				"k=fail", "kk=alert+fail");
	}

	@Test
	void aLanguageNotServedIsReadAsEnglishAndChineseAsWritten() {
		assertThat(lexicon.features("cash out", "es")).containsExactly("k=withdraw");
		assertThat(lexicon.features("怎么提现", "zh-CN")).containsExactly("k=withdraw");
		assertThat(lexicon.features("cash out", "zh-CN")).isEmpty();
	}

}
