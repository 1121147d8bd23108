package com.tpwallet.walletdesk.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import org.junit.jupiter.api.Test;

class ServiceClockUnitTest {

	@Test
	void theServiceClockTicksInMicrosecondsAsPostgresqlKeepsTime() {
		Clock clock = new PlatformConfiguration().clock();
		for (int i = 0; i < 1_000; i++) {
			assertThat(clock.instant().getNano() % 1_000).isZero();
		}
	}

}
