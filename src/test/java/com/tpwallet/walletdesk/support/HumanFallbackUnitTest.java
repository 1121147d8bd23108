package com.tpwallet.walletdesk.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.tpwallet.walletdesk.translation.TranslationUnavailable;
import org.junit.jupiter.api.Test;

/** Why a conversation went to a person: each failed translation names its reason. */
class HumanFallbackUnitTest {

	@Test
	void eachReasonATranslationFailsForIsAFallbackReasonOfTheSameName() {
		assertThat(HumanFallback.of(new TranslationUnavailable(TranslationUnavailable.Reason.NO_TRANSLATOR)))
			.isEqualTo(HumanFallback.NO_TRANSLATOR);
		assertThat(HumanFallback.of(new TranslationUnavailable(TranslationUnavailable.Reason.TRANSLATOR_FAILED)))
			.isEqualTo(HumanFallback.TRANSLATOR_FAILED);
		assertThat(HumanFallback.of(new TranslationUnavailable(TranslationUnavailable.Reason.OVER_QUOTA)))
			.isEqualTo(HumanFallback.OVER_QUOTA);
		assertThat(HumanFallback.of(new TranslationUnavailable(TranslationUnavailable.Reason.CHECK_FAILED)))
			.isEqualTo(HumanFallback.CHECK_FAILED);
	}

	@Test
	void aFailedTranslationIsRefusedAsUnavailableWithTheStableCode() {
		TranslationUnavailable refusal = new TranslationUnavailable(TranslationUnavailable.Reason.OVER_QUOTA);
		assertThat(refusal.code()).isEqualTo("translation_unavailable");
		assertThat(refusal.kind()).isEqualTo(com.tpwallet.walletdesk.platform.Refusal.Kind.UNAVAILABLE);
	}

	@Test
	void theCodesSupervisorsSeeAreTheLowerCaseNames() {
		assertThat(HumanFallback.codes()).containsExactly("no_translator", "translator_failed", "over_quota",
				"check_failed", "flagged_unclear", "dispute");
	}

}
