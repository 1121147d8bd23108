package com.tpwallet.walletdesk.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.impl.ArrayExample;

/**
 * The build trains the answer bot's intent model and ships it; the service uses it only
 * when it was trained on the examples the service has, and it answers as one trained now.
 */
class ShippedIntentModelTest {

	static final List<QuestionIntents.Labelled> EXAMPLES = QuestionIntents.read();

	@Test
	void theBuildShipsAModelTrainedOnTheExamplesTheServiceHas() {
		assertThat(ShippedIntentModel.load(EXAMPLES)).isPresent();
	}

	@Test
	void aModelTrainedOnOtherExamplesIsNotUsed() {
		List<QuestionIntents.Labelled> edited = new java.util.ArrayList<>(EXAMPLES);
		edited.set(0, new QuestionIntents.Labelled("en", "app-crash", "the app closes at once"));

		assertThat(ShippedIntentModel.load(edited)).isEmpty();
	}

	@Test
	void theShippedModelAnswersAsOneTrainedNow() {
		AnalysedTerms terms = new AnalysedTerms(new LanguageAnalyzers());
		Model<Label> shipped = ShippedIntentModel.load(EXAMPLES).orElseThrow();
		Model<Label> now = QuestionIntents.train(terms, EXAMPLES);

		for (String[] q : new String[][] { { "en", "I got an alert and now every payment fails" },
				{ "de", "Die Auszahlung auf mein Bankkonto dauert schon drei Tage" },
				{ "fr", "l'application ne démarre plus après la mise à jour" }, { "zh-CN", "提现三天还没到账" } }) {
			ArrayExample<Label> example = QuestionIntents.example(terms, new Label("?"), q[1], q[0]);
			assertThat(shipped.predict(example).getOutput().getLabel()).as(q[1])
				.isEqualTo(now.predict(example).getOutput().getLabel());
			assertThat(shipped.predict(example).getOutput().getScore()).as(q[1])
				.isCloseTo(now.predict(example).getOutput().getScore(), org.assertj.core.data.Offset.offset(1e-9));
		}
	}

}
