package com.tpwallet.walletdesk.platform.internal;

import com.tpwallet.walletdesk.platform.RateLimits;
import com.tpwallet.walletdesk.platform.Refusal;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Bucket4j token buckets kept in PostgreSQL, so every instance sees the same counters.
 */
@Component
class PostgresRateLimits implements RateLimits {

	private final ProxyManager<String> buckets;

	private final JdbcClient jdbc;

	private final double scale;

	PostgresRateLimits(DataSource dataSource, JdbcClient jdbc,
			@Value("${walletdesk.rate-limits.scale:1.0}") double scale) {
		this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
			.primaryKeyMapper(PrimaryKeyMapper.STRING)
			.table("rate_limit_bucket")
			.expirationAfterWrite(
					ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
			.build();
		this.jdbc = jdbc;
		this.scale = scale;
	}

	@Override
	public void consume(Limit limit, String key) {
		long capacity = Math.max(1, Math.round(limit.attempts() * scale));
		BucketConfiguration configuration = BucketConfiguration.builder()
			.addLimit(l -> l.capacity(capacity).refillGreedy(capacity, limit.period()))
			.build();
		ConsumptionProbe probe = buckets.builder()
			.build(limit.name() + ":" + key, () -> configuration)
			.tryConsumeAndReturnRemaining(1);
		if (!probe.isConsumed()) {
			long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()));
			throw new Refusal(Refusal.Kind.TOO_MANY_ATTEMPTS, "too_many_attempts", seconds).with("retryAfterSeconds",
					seconds);
		}
	}

	/** Buckets that have refilled completely carry no information any more. */
	@Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
	void removeFullBuckets() {
		jdbc.sql("DELETE FROM rate_limit_bucket WHERE expires_at < ?").param(System.currentTimeMillis()).update();
	}

}
