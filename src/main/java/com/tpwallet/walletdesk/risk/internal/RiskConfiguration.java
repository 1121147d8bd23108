package com.tpwallet.walletdesk.risk.internal;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The shipped model, and the thresholds it and the rules are judged against
 * ({@code walletdesk.risk.thresholds.*}; the defaults are the ones the benchmark
 * measures).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RiskConfiguration.RiskProperties.class)
class RiskConfiguration {

	@ConfigurationProperties("walletdesk.risk")
	record RiskProperties(RiskJudge.@Nullable Thresholds thresholds) {

		RiskJudge.Thresholds thresholdsOrDefault() {
			return thresholds == null ? RiskJudge.Thresholds.DEFAULT : thresholds;
		}

	}

	@Bean
	RiskModel riskModel() {
		return RiskModel.shipped();
	}

	@Bean
	RiskJudge riskJudge(RiskModel model, RiskProperties properties) {
		return new RiskJudge(model, properties.thresholdsOrDefault());
	}

}
