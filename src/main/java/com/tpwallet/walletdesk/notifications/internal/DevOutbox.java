package com.tpwallet.walletdesk.notifications.internal;

import com.tpwallet.walletdesk.notifications.Notice.Channel;
import org.springframework.context.annotation.Profile;

/**
 * The development adapters: messages are not sent anywhere; they stay in the notification
 * table, where a developer reads them at {@code GET /dev/outbox}. Only in the demo, dev
 * and test profiles: elsewhere a customer's reset code must really leave.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
@Profile({ "demo", "dev", "test" })
class DevOutbox {

	private static DeliveryAdapter adapter(Channel channel) {
		return new DeliveryAdapter() {
			@Override
			public Channel channel() {
				return channel;
			}

			@Override
			public String name() {
				return "dev";
			}

			@Override
			public void deliver(OutboundMessage message) {
				// Kept in the notification table; nothing leaves the machine.
			}
		};
	}

	@org.springframework.context.annotation.Bean
	DeliveryAdapter devSms() {
		return adapter(Channel.SMS);
	}

	@org.springframework.context.annotation.Bean
	DeliveryAdapter devEmail() {
		return adapter(Channel.EMAIL);
	}

}
