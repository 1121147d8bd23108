package com.tpwallet.walletdesk.feedback.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tpwallet.walletdesk.Api;
import com.tpwallet.walletdesk.Api.Response;
import com.tpwallet.walletdesk.HttpTestBase;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The classifier's first answer after a start waits for its training: a customer's
 * feedback waits for it without a pooled connection held in a transaction, so that the
 * requests behind it are not starved of connections.
 */
@Import(FeedbackClassifiedBeforeTheTransactionIntegrationTest.Classifier.class)
class FeedbackClassifiedBeforeTheTransactionIntegrationTest extends HttpTestBase {

	/** A classifier still training: it answers when the test says so. */
	static final class TrainingModel extends FeedbackModel {

		final AtomicInteger asked = new AtomicInteger();

		final CountDownLatch trained = new CountDownLatch(1);

		TrainingModel(TextFeatures features, JdbcClient jdbc) {
			super(features, jdbc);
		}

		@Override
		FeedbackClassifier.Verdict classify(String text, String language) {
			asked.incrementAndGet();
			try {
				trained.await(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			return super.classify(text, language);
		}

	}

	@TestConfiguration
	static class Classifier {

		@Bean
		@Primary
		TrainingModel trainingModel(TextFeatures features, JdbcClient jdbc) {
			return new TrainingModel(features, jdbc);
		}

	}

	@Autowired
	TrainingModel model;

	@Test
	void feedbackWaitingForTheClassifierHoldsNoTransactionOpenAndIsLabelledOnceItAnswers() throws Exception {
		String token = api.login(api.registerCustomer("en"), Api.PASSWORD);
		CompletableFuture<Response> given = CompletableFuture.supplyAsync(() -> api.post("/api/v1/feedback",
				Map.of("text", "The app crashes every time I open my transaction history"), token));
		await().atMost(Duration.ofSeconds(10)).until(() -> model.asked.get() >= 1);

		// the request had read the customer's language before it asked the classifier
		assertThat(jdbc.sql("""
				SELECT count(*) FROM pg_stat_activity
				WHERE state = 'idle in transaction' AND (query LIKE '%customer%' OR query LIKE '%feedback%')""")
			.query(Long.class)
			.single()).isZero();

		model.trained.countDown();
		Response answered = given.get(30, TimeUnit.SECONDS);
		assertThat(answered.status()).isEqualTo(201);
		assertThat(answered.text("area")).isEqualTo("app_stability");
	}

}
