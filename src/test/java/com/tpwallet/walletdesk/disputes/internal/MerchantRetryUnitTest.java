package com.tpwallet.walletdesk.disputes.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class MerchantRetryUnitTest {

	@Test
	void aCaseNotTakenIsSentAgainAfter30SecondsThenTwiceAsLongEachTimeUpTo64Minutes() {
		assertThat(MerchantDeliveries.retryAfter(0)).isEqualTo(Duration.ofSeconds(30));
		assertThat(MerchantDeliveries.retryAfter(1)).isEqualTo(Duration.ofMinutes(1));
		assertThat(MerchantDeliveries.retryAfter(2)).isEqualTo(Duration.ofMinutes(2));
		assertThat(MerchantDeliveries.retryAfter(7)).isEqualTo(Duration.ofMinutes(64));
		assertThat(MerchantDeliveries.retryAfter(40)).isEqualTo(Duration.ofMinutes(64));
	}

}
