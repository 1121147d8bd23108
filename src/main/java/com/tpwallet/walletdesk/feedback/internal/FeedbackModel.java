package com.tpwallet.walletdesk.feedback.internal;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The classifier the service uses: trained on first use from the repository's examples
 * and every label people have corrected, and retrained each night, so that corrections
 * count from the next training on. Each instance trains its own copy from the same data
 * (the training is seeded: the copies agree).
 */
@Component
class FeedbackModel {

	private static final Logger log = LoggerFactory.getLogger(FeedbackModel.class);

	private final TextFeatures features;

	private final JdbcClient jdbc;

	private volatile FeedbackClassifier classifier;

	FeedbackModel(TextFeatures features, JdbcClient jdbc) {
		this.features = features;
		this.jdbc = jdbc;
	}

	FeedbackClassifier.Verdict classify(String text, String language) {
		FeedbackClassifier current = classifier;
		if (current == null) {
			synchronized (this) {
				if (classifier == null) {
					classifier = train();
				}
				current = classifier;
			}
		}
		return current.classify(text, language);
	}

	@Scheduled(cron = "${walletdesk.feedback.retrain:0 30 3 * * *}", zone = "Asia/Shanghai")
	void retrain() {
		FeedbackClassifier fresh = train();
		synchronized (this) {
			classifier = fresh;
		}
	}

	/** The repository's examples plus the corrected feedback. */
	FeedbackClassifier train() {
		List<FeedbackClassifier.Labelled> examples = new ArrayList<>();
		TrainingSet.read().forEach(line -> examples.add(line.example()));
		List<FeedbackClassifier.Labelled> corrected = corrections();
		examples.addAll(corrected);
		log.info("Training the feedback classifier on {} examples ({} corrected by people)", examples.size(),
				corrected.size());
		return FeedbackClassifier.train(examples, features);
	}

	List<FeedbackClassifier.Labelled> corrections() {
		return jdbc
			.sql("SELECT language, text, kind, area, sentiment FROM feedback WHERE corrected ORDER BY created_at")
			.query((rs, n) -> new FeedbackClassifier.Labelled(rs.getString(1), rs.getString(2), rs.getString(3),
					rs.getString(4), rs.getString(5)))
			.list();
	}

}
