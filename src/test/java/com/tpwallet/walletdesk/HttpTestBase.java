package com.tpwallet.walletdesk;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What an HTTP integration test needs: the API client, the database and a clock it may
 * move.
 */
@IntegrationTest
public abstract class HttpTestBase {

	@Autowired
	protected MockMvc mvc;

	@Autowired
	protected JdbcClient jdbc;

	@Autowired
	protected TestClock clock;

	protected Api api;

	@BeforeEach
	void createApi() {
		api = new Api(mvc);
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	/** What the service sent to phones and e-mail addresses. */
	protected SentMessages sent() {
		return new SentMessages(jdbc);
	}

}
