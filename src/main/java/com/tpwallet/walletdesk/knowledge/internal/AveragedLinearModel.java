package com.tpwallet.walletdesk.knowledge.internal;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import java.util.List;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.classification.sgd.protos.ClassificationLinearSGDProto;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.protos.LinearParametersProto;
import org.tribuo.math.protos.ParametersProto;
import org.tribuo.protos.core.ModelProto;

/**
 * One linear model whose weights are the mean of several trained on the same examples in
 * different orders. Stochastic gradient descent over a few thousand questions lands in a
 * different place for every order it sees them in: on the hard hold-out sets one seed
 * missed 22 questions and another 38. The objective is convex, so the mean of those
 * places is at least as good as their average, and it is steadier than any one of them;
 * it costs the memory of one model, where an ensemble keeps them all. Tribuo builds a
 * model only from its trainer or its serialised form, so the mean is written into the
 * first model's serialised form.
 */
final class AveragedLinearModel {

	private AveragedLinearModel() {
	}

	/** Models trained on one data set, so that their features and labels share ids. */
	@SuppressWarnings("unchecked")
	static Model<Label> of(List<LinearSGDModel> models) {
		DenseMatrix mean = models.getFirst().getWeightsCopy();
		for (LinearSGDModel model : models.subList(1, models.size())) {
			mean.intersectAndAddInPlace(model.getWeightsCopy());
		}
		mean.scaleInPlace(1.0 / models.size());
		try {
			ModelProto proto = models.getFirst().serialize();
			ClassificationLinearSGDProto linear = proto.getSerializedData().unpack(ClassificationLinearSGDProto.class);
			ParametersProto parameters = linear.getParams();
			LinearParametersProto weights = parameters.getSerializedData()
				.unpack(LinearParametersProto.class)
				.toBuilder()
				.setWeightMatrix(mean.serialize())
				.build();
			linear = linear.toBuilder().setParams(parameters.toBuilder().setSerializedData(Any.pack(weights))).build();
			return (Model<Label>) Model.deserialize(proto.toBuilder().setSerializedData(Any.pack(linear)).build());
		}
		catch (InvalidProtocolBufferException e) {
			throw new IllegalStateException("Tribuo's own serialised model did not read back", e);
		}
	}

}
