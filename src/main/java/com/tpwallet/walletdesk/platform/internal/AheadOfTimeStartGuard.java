package com.tpwallet.walletdesk.platform.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.springframework.aot.AotDetector;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses a start from the ahead-of-time processed context (ADR 0014,
 * {@code -Dspring.aot.enabled=true}) with settings it cannot honour. The build processes
 * the demo's context, so its beans are fixed: the profiles, and the settings that decide
 * whether a bean exists at all, are those of the demo. Started otherwise it would quietly
 * run the demo's simulators, or ignore a configured search cluster; it stops and says so
 * instead.
 */
public class AheadOfTimeStartGuard implements EnvironmentPostProcessor {

	static final String PROCESSED_PROFILE = "demo";

	/** The settings our beans are conditional on, with their value at build time. */
	record FixedSetting(String name, String value) {
	}

	static final List<FixedSetting> FIXED_SETTINGS = List.of(new FixedSetting("walletdesk.mail.demo.enabled", "true"),
			new FixedSetting("walletdesk.knowledge.opensearch.url", ""));

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (AotDetector.useGeneratedArtifacts()) {
			check(environment);
		}
	}

	static void check(ConfigurableEnvironment environment) {
		List<String> others = Arrays.stream(environment.getActiveProfiles())
			.filter(profile -> !profile.equals(PROCESSED_PROFILE))
			.toList();
		if (!others.isEmpty()) {
			throw refusal("profiles " + others + " are active; it was processed for the '" + PROCESSED_PROFILE
					+ "' profile only");
		}
		for (FixedSetting setting : FIXED_SETTINGS) {
			String value = Objects.requireNonNullElse(environment.getProperty(setting.name()), "");
			if (!value.equals(setting.value())) {
				throw refusal(setting.name() + " is '" + value + "'; it was processed with '" + setting.value() + "'");
			}
		}
	}

	private static IllegalStateException refusal(String why) {
		return new IllegalStateException("This start uses the context processed ahead of time for the demo "
				+ "(-Dspring.aot.enabled=true), but " + why + ". Start without -Dspring.aot.enabled=true.");
	}

}
