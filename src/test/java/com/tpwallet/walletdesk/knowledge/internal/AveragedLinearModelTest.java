package com.tpwallet.walletdesk.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

class AveragedLinearModelTest {

	private static final LabelFactory LABELS = new LabelFactory();

	private static MutableDataset<Label> data() {
		MutableDataset<Label> data = new MutableDataset<>(
				new SimpleDataSourceProvenance("test", OffsetDateTime.now(), LABELS), LABELS);
		String[][] rows = { { "frozen", "w=alert", "w=cannot" }, { "frozen", "w=alert", "w=send" },
				{ "crash", "w=update", "w=closes" }, { "crash", "w=white", "w=closes" },
				{ "locked", "w=wrong", "w=password" }, { "locked", "w=tries", "w=password" } };
		for (String[] row : rows) {
			data.add(new ArrayExample<>(new Label(row[0]), new String[] { row[1], row[2] }, new double[] { 1, 1 }));
		}
		return data;
	}

	private static LinearSGDModel trained(MutableDataset<Label> data, long seed) {
		return (LinearSGDModel) new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(0.5, 0.1), 10, 1_000_000, 1, seed)
			.train(data);
	}

	@Test
	void theWeightsAreTheMeanOfTheRunsWeights() {
		MutableDataset<Label> data = data();
		LinearSGDModel first = trained(data, 1);
		LinearSGDModel second = trained(data, 2);

		DenseMatrix mean = ((LinearSGDModel) AveragedLinearModel.of(List.of(first, second))).getWeightsCopy();

		DenseMatrix a = first.getWeightsCopy();
		DenseMatrix b = second.getWeightsCopy();
		assertThat(a.get(0, 0)).isNotEqualTo(b.get(0, 0));
		for (int row = 0; row < mean.getDimension1Size(); row++) {
			for (int column = 0; column < mean.getDimension2Size(); column++) {
				assertThat(mean.get(row, column)).isCloseTo((a.get(row, column) + b.get(row, column)) / 2,
						within(1e-12));
			}
		}
	}

	@Test
	void theAveragedModelReadsQuestionsWithTheRunsFeaturesAndLabels() {
		MutableDataset<Label> data = data();
		Model<Label> averaged = AveragedLinearModel.of(List.of(trained(data, 1), trained(data, 2), trained(data, 3)));

		ArrayExample<Label> question = new ArrayExample<>(LabelFactory.UNKNOWN_LABEL,
				new String[] { "w=alert", "w=cannot" }, new double[] { 1, 1 });

		assertThat(averaged.predict(question).getOutput().getLabel()).isEqualTo("frozen");
		assertThat(averaged.getFeatureIDMap().size()).isEqualTo(data.getFeatureMap().size());
	}

}
