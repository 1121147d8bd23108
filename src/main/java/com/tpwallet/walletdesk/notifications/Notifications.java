package com.tpwallet.walletdesk.notifications;

import com.tpwallet.walletdesk.platform.CursorPage;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Sends notices; delivery happens after the caller's transaction commits and is retried
 * if it fails.
 */
public interface Notifications {

	void send(Notice notice);

	/**
	 * A notice a customer must see even outside the app: in the in-app inbox, and by SMS
	 * or by e-mail as they chose (the caller passes the one address their notices go to,
	 * {@code CustomerProfile.noticePhone()} or {@code noticeEmail()}).
	 */
	default void tellCustomer(UUID customerId, String language, @org.jspecify.annotations.Nullable String phone,
			@org.jspecify.annotations.Nullable String email, String template, Object... args) {
		send(Notice.inApp(customerId, language, template, args));
		if (phone != null) {
			send(Notice.sms(phone, language, template, args));
		}
		else if (email != null) {
			send(Notice.email(email, language, template, args));
		}
	}

	/**
	 * A person's in-app messages, newest first, a page at a time ({@code cursor} from the
	 * page before, or {@code null} for the first).
	 */
	CursorPage<InboxMessage> inbox(UUID person, @Nullable String cursor, int limit);

}
