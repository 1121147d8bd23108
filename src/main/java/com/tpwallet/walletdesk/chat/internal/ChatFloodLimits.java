package com.tpwallet.walletdesk.chat.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How much chat one address and one visitor may produce, whatever the number of
 * connections: a limit per connection alone let 30 anonymous connections send 600
 * messages in 3 s (and ask the answer bot as many questions, past its own per-address
 * limit). New connections are limited per address, messages per address and per chat
 * user. The counters are kept per instance, in memory: they guard against floods, not
 * guesses (credential checks are counted in PostgreSQL, ADR 0003), and a message must not
 * wait for a database round trip.
 */
@Component
class ChatFloodLimits {

	static final long CONNECTIONS_PER_ADDRESS_PER_MINUTE = 60;
	static final long MESSAGES_PER_ADDRESS_PER_MINUTE = 120;
	static final long MESSAGES_PER_USER_PER_MINUTE = 60;

	private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
		.maximumSize(200_000)
		.expireAfterAccess(Duration.ofMinutes(5))
		.build();

	private volatile double scale;

	ChatFloodLimits(@Value("${walletdesk.rate-limits.scale:1.0}") double scale) {
		this.scale = scale;
	}

	boolean mayConnect(String address) {
		return take("connect:" + address, CONNECTIONS_PER_ADDRESS_PER_MINUTE);
	}

	boolean maySend(String address, String user) {
		return take("user:" + user, MESSAGES_PER_USER_PER_MINUTE)
				&& take("send:" + address, MESSAGES_PER_ADDRESS_PER_MINUTE);
	}

	private boolean take(String key, long perMinute) {
		long capacity = Math.max(1, Math.round(perMinute * scale));
		return buckets.get(key + "/" + capacity, k -> Bucket.builder()
			.addLimit(Bandwidth.builder().capacity(capacity).refillIntervally(capacity, Duration.ofMinutes(1)).build())
			.build()).tryConsume(1);
	}

	/** For a test that needs the real limits in a context whose others are scaled up. */
	void scale(double scale) {
		this.scale = scale;
	}

}
