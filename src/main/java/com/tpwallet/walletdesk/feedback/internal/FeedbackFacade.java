package com.tpwallet.walletdesk.feedback.internal;

import com.tpwallet.walletdesk.feedback.FeedbackApi;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

@Service
class FeedbackFacade implements FeedbackApi {

	private final JdbcClient jdbc;

	FeedbackFacade(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public boolean groupExists(UUID groupId) {
		return jdbc.sql("SELECT EXISTS (SELECT FROM feedback_group WHERE id = ?)")
			.param(groupId)
			.query(Boolean.class)
			.single();
	}

	@Override
	public List<UUID> groupsOf(UUID customerId) {
		return jdbc.sql("SELECT DISTINCT group_id FROM feedback WHERE customer_id = ? AND group_id IS NOT NULL")
			.param(customerId)
			.query(UUID.class)
			.list();
	}

}
