package com.tpwallet.walletdesk.risk.internal;

import com.tpwallet.walletdesk.risk.internal.RiskStore.DecisionRow;
import com.tpwallet.walletdesk.wallet.OutgoingScreening.Decision;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * What a set of decisions adds to the counts the features read, as the array columns of
 * {@link RiskStore#insert}, one row per key (one statement may change a row only once;
 * the statement sorts them): per customer and minute, per recipient and sender, and per
 * customer whose money went out.
 */
final class Tally {

	/** A customer's minute, and what it adds to it. */
	private record Minute(UUID customer, Instant minute) {
	}

	/**
	 * Attempts, sum out, new payees, refusals, sum in, declined top-ups (in CNY fen for
	 * sums).
	 */
	private final Map<Minute, long[]> minutes = new LinkedHashMap<>();

	/** The latest money from each sender to each recipient. */
	private final Map<String, DecisionRow> senders = new LinkedHashMap<>();

	/** Count and sum of the money that went out, per customer. */
	private final Map<UUID, long[]> profiles = new LinkedHashMap<>();

	private Tally() {
	}

	static Tally of(List<DecisionRow> rows) {
		Tally tally = new Tally();
		rows.forEach(tally::add);
		return tally;
	}

	private void add(DecisionRow r) {
		long[] c = minutes.computeIfAbsent(new Minute(r.customerId(), r.at().truncatedTo(ChronoUnit.MINUTES)),
				k -> new long[6]);
		boolean out = r.direction().equals("out");
		boolean in = r.kind().equals("transfer_in");
		c[0] += out ? 1 : 0;
		c[1] = Math.addExact(c[1], r.wentOut() ? r.amountFen() : 0);
		c[2] += out && r.newPayee() && !r.kind().equals("payment") ? 1 : 0;
		c[3] += out && (r.decision() == Decision.STEP_UP || r.decision() == Decision.HOLD) ? 1 : 0;
		c[4] = Math.addExact(c[4], in ? r.amountFen() : 0);
		c[5] += r.kind().equals("top_up_declined") ? 1 : 0;
		if (in && r.counterparty() != null) {
			senders.merge(r.customerId() + "|" + r.counterparty(), r, (a, b) -> a.at().isAfter(b.at()) ? a : b);
		}
		if (r.wentOut()) {
			long[] t = profiles.computeIfAbsent(r.customerId(), k -> new long[2]);
			t[0]++;
			t[1] = Math.addExact(t[1], r.amountFen());
		}
	}

	UUID[] minuteCustomers() {
		return minutes.keySet().stream().map(Minute::customer).toArray(UUID[]::new);
	}

	String[] minuteStarts() {
		return minutes.keySet().stream().map(m -> m.minute().toString()).toArray(String[]::new);
	}

	/** One count of every minute: 0 attempts, 1 sum out, ... 5 declined top-ups. */
	Long[] minuteCounts(int i) {
		return minutes.values().stream().map(c -> c[i]).toArray(Long[]::new);
	}

	UUID[] senderCustomers() {
		return senderColumn(DecisionRow::customerId, UUID[]::new);
	}

	String[] senderIds() {
		return senderColumn(DecisionRow::counterparty, String[]::new);
	}

	String[] senderTimes() {
		return senderColumn(r -> r.at().toString(), String[]::new);
	}

	private <T> T[] senderColumn(Function<DecisionRow, T> value, IntFunction<T[]> array) {
		return senders.values().stream().map(value).toArray(array);
	}

	UUID[] profileCustomers() {
		return profiles.keySet().toArray(UUID[]::new);
	}

	/** 0 the count, 1 the sum in CNY fen. */
	Long[] profileTotals(int i) {
		return profiles.values().stream().map(t -> t[i]).toArray(Long[]::new);
	}

}
