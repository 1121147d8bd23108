package com.tpwallet.walletdesk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DeliveryOutageUnitTest {

	@Test
	void anOutageIsTenMinutesOfWaitingWithNothingDelivered() {
		Instant now = Instant.parse("2026-11-29T12:00:00Z");
		assertThat(DeliveryOutage.isOutage(now.minus(Duration.ofMinutes(11)), false, now)).isTrue();
		assertThat(DeliveryOutage.isOutage(now.minus(Duration.ofMinutes(11)), true, now)).isFalse();
		assertThat(DeliveryOutage.isOutage(now.minus(Duration.ofMinutes(9)), false, now)).isFalse();
	}

}
