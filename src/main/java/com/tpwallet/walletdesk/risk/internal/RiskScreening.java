package com.tpwallet.walletdesk.risk.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.tpwallet.walletdesk.identity.IdentityApi;
import com.tpwallet.walletdesk.risk.internal.RiskStore.DecisionRow;
import com.tpwallet.walletdesk.wallet.OutgoingScreening;
import com.tpwallet.walletdesk.wallet.TransactionType;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The wallet's screening port, implemented: each movement out is judged against what is
 * known of the customer, in the request that moves the money (ADR 0010). A batch reads
 * its customers' histories and known payees in one statement and writes what it decided
 * in one more; refusals are written by {@link RiskAlerts}, in a transaction of their own.
 */
@Component
class RiskScreening implements OutgoingScreening {

	private final RiskStore store;

	private final RiskJudge judge;

	private final RiskAlerts alerts;

	private final IdentityApi identity;

	private final Clock clock;

	private final Cache<UUID, Instant> openedAt = Caffeine.newBuilder().maximumSize(100_000).build();

	RiskScreening(RiskStore store, RiskJudge judge, RiskAlerts alerts, IdentityApi identity, Clock clock) {
		this.store = store;
		this.judge = judge;
		this.alerts = alerts;
		this.identity = identity;
		this.clock = clock;
	}

	@Override
	public Session open(Collection<Party> parties) {
		Instant now = clock.instant();
		Set<UUID> customers = new HashSet<>();
		parties.forEach(p -> customers.add(p.customerId()));
		RiskStore.Known known = store.known(customers, parties, customersSince(customers), now);
		return new Screening(known.histories(), known.payees(), now);
	}

	/**
	 * When each customer opened their account: it never changes, so it is remembered
	 * rather than read for every batch.
	 */
	private Map<UUID, Instant> customersSince(Set<UUID> customers) {
		return openedAt.getAll(customers, missing -> {
			Map<UUID, Instant> found = new HashMap<>();
			identity.customers(Set.copyOf(missing)).forEach((id, profile) -> found.put(id, profile.createdAt()));
			return found;
		});
	}

	private final class Screening implements Session {

		private final Map<UUID, History> histories;

		private final Set<String> known;

		private final Instant now;

		private final List<DecisionRow> allowed = new ArrayList<>();

		private final List<DecisionRow> refused = new ArrayList<>();

		private Screening(Map<UUID, History> histories, Set<String> known, Instant now) {
			this.histories = histories;
			this.known = known;
			this.now = now;
		}

		@Override
		public Verdict judge(OutgoingMovement m) {
			UUID customer = m.customerId();
			String pair = customer + "|" + m.payee();
			boolean newPayee = !known.contains(pair);
			History history = histories.getOrDefault(customer, History.newCustomer(now));
			long availableFen = scale(m.availableBefore(), m.amountInFen(), m.money().amount());
			Facts facts = new Facts(kind(m.type()), m.amountInFen(), availableFen, newPayee, history, now);
			RiskJudge.Judgement judgement = judge.judge(facts, m.stepUpPassed());
			boolean goes = judgement.decision() == Decision.ALLOW;
			histories.put(customer, history.afterAttempt(m.amountInFen(), facts.newPersonPayee(), goes,
					judgement.decision() == Decision.STEP_UP || judgement.decision() == Decision.HOLD));
			DecisionRow row = new DecisionRow(UUID.randomUUID(), customer, m.type().code(), "out", m.transactionId(),
					m.payee(), newPayee, m.money().amount(), m.amountInFen(), m.money().currency(), null,
					judgement.decision(), judgement.score(), judgement.reasons(), judgement.topFeatures(), now,
					goes ? null : judgement.features());
			if (goes) {
				known.add(pair);
				allowed.add(row);
				if (m.type() == TransactionType.TRANSFER_OUT) {
					// the recipient's side: money in from this sender (a mule collects
					// from many)
					allowed.add(new DecisionRow(UUID.randomUUID(), UUID.fromString(m.payee()), "transfer_in", "in",
							m.transactionId(), customer.toString(), false, m.money().amount(), m.amountInFen(),
							m.money().currency(), null, Decision.ALLOW, 0, List.of(), List.of(), now));
				}
			}
			else {
				refused.add(row);
			}
			return new Verdict(judgement.decision(), judgement.reasons());
		}

		@Override
		public void close() {
			// Refusals first: they commit in a transaction of their own and update the
			// same
			// per-minute activity rows; written after the allowed ones, they would wait
			// for
			// the row locks this (still open) transaction holds, and the batch would
			// hang.
			if (!refused.isEmpty()) {
				alerts.recordRefusals(refused);
			}
			store.insert(allowed);
		}

	}

	/** The balance in CNY fen, at the movement's own rate (exact, rounded down). */
	private static long scale(long available, long amountFen, long amount) {
		return java.math.BigInteger.valueOf(available)
			.multiply(java.math.BigInteger.valueOf(amountFen))
			.divide(java.math.BigInteger.valueOf(amount))
			.min(java.math.BigInteger.valueOf(Long.MAX_VALUE))
			.longValue();
	}

	private static Facts.Kind kind(TransactionType type) {
		return switch (type) {
			case PAYMENT -> Facts.Kind.PAYMENT;
			case TRANSFER_OUT -> Facts.Kind.TRANSFER;
			case WITHDRAWAL -> Facts.Kind.WITHDRAWAL;
			default -> throw new IllegalArgumentException("Not money out: " + type);
		};
	}

}
