package com.tpwallet.walletdesk.knowledge.internal;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Out of service until the answer bot's intent model is trained: it trains beside the
 * rest of the start-up, and chats and the help centre's answers wait for it, so the
 * service is not healthy before it is.
 */
@Component
class AnswerBotHealth implements HealthIndicator {

	private final QuestionIntents intents;

	AnswerBotHealth(QuestionIntents intents) {
		this.intents = intents;
	}

	@Override
	public Health health() {
		return intents.ready() ? Health.up().build()
				: Health.outOfService().withDetail("intentModel", "training").build();
	}

}
