package com.tpwallet.walletdesk.chat.internal;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.messaging.Message;
import org.springframework.messaging.simp.broker.AbstractSubscriptionRegistry;
import org.springframework.messaging.simp.broker.SimpleBrokerMessageHandler;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The in-process broker's subscriptions, indexed by exact destination. Spring's default
 * registry matches destination patterns and, for a destination it has not cached, scans
 * every subscription; with one user queue per connection that is a scan of 20,000
 * subscriptions for each first delivery at 10,000 connections. The chat subscribes only
 * to exact destinations (the {@link ChatAuthentication} allows nothing else), so a map
 * lookup does.
 */
class ExactSubscriptionRegistry extends AbstractSubscriptionRegistry {

	/** destination → session → subscription ids */
	private final Map<String, Map<String, Set<String>>> byDestination = new ConcurrentHashMap<>();

	/** session → subscription id → destination */
	private final Map<String, Map<String, String>> bySession = new ConcurrentHashMap<>();

	@Override
	protected void addSubscriptionInternal(String sessionId, String subscriptionId, String destination,
			Message<?> message) {
		bySession.computeIfAbsent(sessionId, s -> new ConcurrentHashMap<>()).put(subscriptionId, destination);
		byDestination.computeIfAbsent(destination, d -> new ConcurrentHashMap<>())
			.computeIfAbsent(sessionId, s -> ConcurrentHashMap.newKeySet())
			.add(subscriptionId);
	}

	@Override
	protected void removeSubscriptionInternal(String sessionId, String subscriptionId, Message<?> message) {
		Map<String, String> subscriptions = bySession.get(sessionId);
		String destination = subscriptions == null ? null : subscriptions.remove(subscriptionId);
		if (destination != null) {
			forget(destination, sessionId, subscriptionId);
		}
	}

	@Override
	public void unregisterAllSubscriptions(String sessionId) {
		Map<String, String> subscriptions = bySession.remove(sessionId);
		if (subscriptions != null) {
			subscriptions.forEach((subscriptionId, destination) -> forget(destination, sessionId, subscriptionId));
		}
	}

	private void forget(String destination, String sessionId, String subscriptionId) {
		byDestination.computeIfPresent(destination, (d, sessions) -> {
			sessions.computeIfPresent(sessionId, (s, ids) -> {
				ids.remove(subscriptionId);
				return ids.isEmpty() ? null : ids;
			});
			return sessions.isEmpty() ? null : sessions;
		});
	}

	@Override
	protected MultiValueMap<String, String> findSubscriptionsInternal(String destination, Message<?> message) {
		MultiValueMap<String, String> found = new LinkedMultiValueMap<>();
		Map<String, Set<String>> sessions = byDestination.get(destination);
		if (sessions != null) {
			sessions.forEach((session, ids) -> ids.forEach(id -> found.add(session, id)));
		}
		return found;
	}

	/**
	 * Puts this registry into the simple broker (when the broker relay is used there is
	 * no simple broker).
	 */
	@Component
	static class Installer implements BeanPostProcessor {

		@Override
		public Object postProcessAfterInitialization(Object bean, String beanName) {
			if (bean instanceof SimpleBrokerMessageHandler broker) {
				broker.setSubscriptionRegistry(new ExactSubscriptionRegistry());
			}
			return bean;
		}

	}

}
