package com.tpwallet.walletdesk.risk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.tpwallet.walletdesk.risk.internal.RiskStore.DecisionRow;
import com.tpwallet.walletdesk.wallet.OutgoingScreening.Decision;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A batch's decisions become one row per customer and minute, per recipient and sender,
 * and per customer whose money went out: one statement may change each row only once.
 */
class TallyTest {

	static final UUID ALICE = UUID.fromString("00000000-0000-0000-0000-00000000000a");

	static final UUID BOB = UUID.fromString("00000000-0000-0000-0000-00000000000b");

	static final Instant NINE = Instant.parse("2026-11-28T09:00:10Z");

	@Test
	void twoTransfersInOneMinuteAreOneMinuteRowForTheSenderAndOneForTheRecipient() {
		Tally tally = Tally.of(List.of(out(ALICE, BOB, 1_000, true, Decision.ALLOW, NINE), in(BOB, ALICE, 1_000, NINE),
				out(ALICE, BOB, 500, false, Decision.ALLOW, NINE.plusSeconds(20)),
				in(BOB, ALICE, 500, NINE.plusSeconds(20))));

		assertThat(tally.minuteCustomers()).containsExactly(ALICE, BOB);
		assertThat(tally.minuteStarts()).containsExactly("2026-11-28T09:00:00Z", "2026-11-28T09:00:00Z");
		assertThat(tally.minuteCounts(0)).as("attempts").containsExactly(2L, 0L);
		assertThat(tally.minuteCounts(1)).as("sum out").containsExactly(1_500L, 0L);
		assertThat(tally.minuteCounts(2)).as("new payees").containsExactly(1L, 0L);
		assertThat(tally.minuteCounts(4)).as("sum in").containsExactly(0L, 1_500L);
		assertThat(tally.senderCustomers()).containsExactly(BOB);
		assertThat(tally.senderIds()).containsExactly(ALICE.toString());
		assertThat(tally.senderTimes()).as("the latest").containsExactly("2026-11-28T09:00:30Z");
		assertThat(tally.profileCustomers()).containsExactly(ALICE);
		assertThat(tally.profileTotals(0)).containsExactly(2L);
		assertThat(tally.profileTotals(1)).containsExactly(1_500L);
	}

	@Test
	void aRefusedMovementIsAnAttemptButNoMoneyOutAndNoLongRunHistory() {
		Tally tally = Tally.of(List.of(out(ALICE, BOB, 9_000, true, Decision.STEP_UP, NINE),
				out(ALICE, BOB, 9_000, true, Decision.FREEZE, NINE.plusSeconds(70))));

		assertThat(tally.minuteStarts()).containsExactly("2026-11-28T09:00:00Z", "2026-11-28T09:01:00Z");
		assertThat(tally.minuteCounts(0)).containsExactly(1L, 1L);
		assertThat(tally.minuteCounts(1)).containsExactly(0L, 0L);
		assertThat(tally.minuteCounts(3)).as("step-ups and holds").containsExactly(1L, 0L);
		assertThat(tally.profileCustomers()).isEmpty();
	}

	@Test
	void aDeclinedTopUpCountsTowardCardTesting() {
		DecisionRow declined = new DecisionRow(UUID.randomUUID(), ALICE, "top_up_declined", "event", null, null, false,
				100, 100, "CNY", null, Decision.ALLOW, 0, List.of(), List.of(), NINE);

		assertThat(Tally.of(List.of(declined)).minuteCounts(5)).containsExactly(1L);
	}

	static DecisionRow out(UUID from, UUID to, long fen, boolean newPayee, Decision decision, Instant at) {
		return new DecisionRow(UUID.randomUUID(), from, "transfer_out", "out", UUID.randomUUID(), to.toString(),
				newPayee, fen, fen, "CNY", null, decision, 0.1, List.of(), List.of(), at);
	}

	static DecisionRow in(UUID to, UUID from, long fen, Instant at) {
		return new DecisionRow(UUID.randomUUID(), to, "transfer_in", "in", UUID.randomUUID(), from.toString(), false,
				fen, fen, "CNY", null, Decision.ALLOW, 0, List.of(), List.of(), at);
	}

}
