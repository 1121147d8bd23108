package com.tpwallet.walletdesk.feedback;

import java.util.List;
import java.util.UUID;

/**
 * What other modules may ask of customers' feedback (announcements find their audience).
 */
public interface FeedbackApi {

	/** Whether there is a feedback group with this id. */
	boolean groupExists(UUID groupId);

	/** The feedback groups the customer's own feedback is in. */
	List<UUID> groupsOf(UUID customerId);

}
