package com.tpwallet.walletdesk.chat;

import java.util.Map;
import java.util.UUID;

/**
 * Pushes an event to a member of staff over the console's open STOMP connection (every
 * tab, any instance), on {@code /user/queue/chat.events}; {@code type} names the event.
 */
public interface StaffNotifier {

	void notifyStaff(UUID staffId, Map<String, ?> event);

}
