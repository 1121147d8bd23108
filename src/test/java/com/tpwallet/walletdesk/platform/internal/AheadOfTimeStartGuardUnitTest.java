package com.tpwallet.walletdesk.platform.internal;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class AheadOfTimeStartGuardUnitTest {

	@Test
	void theDemoAsProcessedStarts() {
		assertThatCode(() -> AheadOfTimeStartGuard.check(demo())).doesNotThrowAnyException();
	}

	@Test
	void anyOtherProfileIsRefusedByName() {
		MockEnvironment environment = demo();
		environment.addActiveProfile("prod");

		assertThatThrownBy(() -> AheadOfTimeStartGuard.check(environment)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("profiles [prod] are active")
			.hasMessageContaining("Start without -Dspring.aot.enabled=true");
	}

	@Test
	void aSearchClusterItCannotUseIsRefused() {
		MockEnvironment environment = demo().withProperty("walletdesk.knowledge.opensearch.url", "http://search:9200");

		assertThatThrownBy(() -> AheadOfTimeStartGuard.check(environment))
			.hasMessageContaining("walletdesk.knowledge.opensearch.url is 'http://search:9200'");
	}

	@Test
	void theDemoMailServerSwitchedOffIsRefused() {
		MockEnvironment environment = new MockEnvironment().withProperty("walletdesk.mail.demo.enabled", "false");
		environment.setActiveProfiles("demo");

		assertThatThrownBy(() -> AheadOfTimeStartGuard.check(environment))
			.hasMessageContaining("walletdesk.mail.demo.enabled is 'false'; it was processed with 'true'");
	}

	private static MockEnvironment demo() {
		MockEnvironment environment = new MockEnvironment().withProperty("walletdesk.mail.demo.enabled", "true");
		environment.setActiveProfiles("demo");
		return environment;
	}

}
