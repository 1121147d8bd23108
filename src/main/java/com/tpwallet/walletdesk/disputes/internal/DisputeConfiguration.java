package com.tpwallet.walletdesk.disputes.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(DisputeSettings.class)
class DisputeConfiguration {

}
