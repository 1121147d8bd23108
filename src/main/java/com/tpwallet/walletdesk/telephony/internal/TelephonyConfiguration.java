package com.tpwallet.walletdesk.telephony.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(TelephonyProperties.class)
class TelephonyConfiguration {

}
