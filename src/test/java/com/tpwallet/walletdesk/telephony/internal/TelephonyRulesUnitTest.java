package com.tpwallet.walletdesk.telephony.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Number normalisation and a call's transitions: plain rules. */
class TelephonyRulesUnitTest {

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "0086 138 0000 0001,+8613800000001", "+86 138-0000-0001,+8613800000001", "13800000001,+8613800000001",
			"(010) 1234 5678,+861012345678", "010 12345678,+861012345678", "+33 6 12 34 56 78,+33612345678",
			"0033612345678,+33612345678" })
	void numbersAsPhoneSystemsWriteThemBecomeE164(String written, String e164) {
		assertThat(PhoneNumbers.e164(written)).contains(e164);
	}

	@Test
	void whatIsNotANumberIsNone() {
		assertThat(PhoneNumbers.e164("anonymous")).isEmpty();
		assertThat(PhoneNumbers.e164("12")).isEmpty();
	}

	static final Instant T0 = Instant.parse("2026-11-24T03:00:00Z");

	Call ringing(String queue) {
		return Call.ringing("c1", "in", "+8613800000001", "4001234567", "+8613800000001", UUID.randomUUID(), queue, T0);
	}

	@Test
	void anAnsweredCallEndsWithItsWaitAndTalkTime() {
		Call ended = ringing(null).answeredBy("agent.wang", T0.plusSeconds(10))
			.hungUp("normalClearing", T0.plusSeconds(70));
		assertThat(ended.state()).isEqualTo(CallState.ENDED);
		assertThat(ended.waitSeconds()).isEqualTo(10);
		assertThat(ended.talkSeconds()).isEqualTo(60);
	}

	@Test
	void hangingUpWhileRingingIsMissedAndWhileQueuedAbandoned() {
		assertThat(ringing(null).hungUp("cancel", T0.plusSeconds(5)).state()).isEqualTo(CallState.MISSED);
		assertThat(ringing("hotline").hungUp("cancel", T0.plusSeconds(5)).state()).isEqualTo(CallState.ABANDONED);
	}

	@Test
	void lateAndRepeatedEventsChangeNothing() {
		Call ended = ringing(null).hungUp("cancel", T0.plusSeconds(5));
		assertThat(ended.answeredBy("agent.wang", T0.plusSeconds(6))).isEqualTo(ended);
		assertThat(ended.hungUp("cancel", T0.plusSeconds(7))).isEqualTo(ended);
		Call answered = ringing(null).answeredBy("agent.wang", T0.plusSeconds(2));
		assertThat(answered.answeredBy("agent.wang", T0.plusSeconds(3))).isEqualTo(answered);
		Call transferred = answered.answeredBy("agent.dubois", T0.plusSeconds(30));
		assertThat(transferred.agent()).isEqualTo("agent.dubois");
		assertThat(transferred.transfers()).isEqualTo(1);
		assertThat(transferred.answeredAt()).isEqualTo(T0.plusSeconds(2));
	}

}
