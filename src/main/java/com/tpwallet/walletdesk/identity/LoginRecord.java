package com.tpwallet.walletdesk.identity;

import java.time.Instant;

/** One sign-in attempt as the security centre and the agent's customer view show it. */
public record LoginRecord(Instant at, String ip, String device, String outcome) {
}
