package com.tpwallet.walletdesk.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The intent model on a few labelled questions: it learns meaning, and admits ignorance.
 */
class QuestionIntentsUnitTest {

	final QuestionIntents intents = new QuestionIntents(new AnalysedTerms(new LanguageAnalyzers()),
			List.of(new QuestionIntents.Labelled("en", "app-crash", "the app will not start after the update"),
					new QuestionIntents.Labelled("en", "app-crash", "it closes right after opening"),
					new QuestionIntents.Labelled("en", "account-frozen", "an alert and now payments are refused"),
					new QuestionIntents.Labelled("en", "account-frozen", "my account is frozen")));

	@Test
	void aQuestionIsReadAsTheIntentOfTheQuestionsItResembles() {
		assertThat(intents.of("since the update the app closes", "en").keySet().iterator().next())
			.isEqualTo("app-crash");
		assertThat(intents.of("payments refused after the alert", "en").keySet().iterator().next())
			.isEqualTo("account-frozen");
	}

	@Test
	void wordsTheModelNeverSawGiveNoOpinion() {
		assertThat(intents.of("xqzv wkkrp", "en")).isEmpty();
	}

	@Test
	void theProbabilitiesComeBestFirstAndAddUpToOne() {
		List<Double> p = List.copyOf(intents.of("my account is frozen", "en").values());
		assertThat(p).isSortedAccordingTo((a, b) -> Double.compare(b, a));
		assertThat(p.stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0,
				org.assertj.core.data.Offset.offset(1e-9));
	}

}
