package com.tpwallet.walletdesk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A clock that follows real time until a test moves it forward; {@link #reset()} goes
 * back to real time.
 */
public class TestClock extends Clock {

	private volatile Duration offset = Duration.ZERO;

	public void advance(Duration by) {
		offset = offset.plus(by);
	}

	/** Jumps to the given moment (time then flows on from there). */
	public void setTo(Instant moment) {
		offset = Duration.between(Instant.now(), moment);
	}

	public void reset() {
		offset = Duration.ZERO;
	}

	@Override
	public Instant instant() {
		// microseconds, as the service's clock ticks (PlatformConfiguration)
		return Instant.now().plus(offset).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	/**
	 * The same (movable) instant seen in another zone. Returning this clock itself, in
	 * UTC, made every "today in Beijing" a UTC date: between 16:00 and 24:00 UTC the
	 * tests judged payments and batched transfers on different days.
	 */
	@Override
	public Clock withZone(ZoneId zone) {
		TestClock moved = this;
		return new Clock() {
			@Override
			public ZoneId getZone() {
				return zone;
			}

			@Override
			public Clock withZone(ZoneId other) {
				return moved.withZone(other);
			}

			@Override
			public java.time.Instant instant() {
				return moved.instant();
			}
		};
	}

	@TestConfiguration(proxyBeanMethods = false)
	public static class Configuration {

		@Bean
		@Primary
		TestClock testClock() {
			return new TestClock();
		}

	}

}
