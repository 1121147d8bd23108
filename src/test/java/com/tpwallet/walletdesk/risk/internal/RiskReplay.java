package com.tpwallet.walletdesk.risk.internal;

import com.tpwallet.walletdesk.risk.internal.RiskSimulation.Action;
import com.tpwallet.walletdesk.risk.internal.RiskSimulation.Intent;
import com.tpwallet.walletdesk.risk.internal.RiskSimulation.Pattern;
import com.tpwallet.walletdesk.wallet.OutgoingScreening.Decision;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Plays a simulation's intents in time order through the risk monitor's own facts,
 * features, rules and judge, keeping each customer's balance and history in memory (the
 * service keeps them in PostgreSQL). Without a judge every movement goes ahead: the
 * labelled data set. With one, its decisions change what happens next: a refused attacker
 * gets nothing, a frozen wallet sends nothing, a legitimate customer passes a step-up
 * with the code sent to their phone and tops up when short.
 */
final class RiskReplay {

	/** A movement out as the model saw it. */
	record Sample(Instant at, int customer, Pattern pattern, int incident, double[] features, long amount,
			@Nullable Decision decision, double score, long nanos) {
	}

	/** How an incident ended: stopped (at what balance) or not. */
	record Incident(Pattern pattern, int customer, long balanceAtStart, boolean frozen, boolean stopped,
			long balanceWhenStopped) {
	}

	private static final class Account {

		final Instant since;

		long balance;

		@Nullable Instant frozenUntil;

		// at (epoch s), amount, allowed, new person or card, stepped up or held
		final Deque<long[]> out = new ArrayDeque<>();

		final Deque<long[]> in = new ArrayDeque<>(); // at, sender, amount

		final Deque<Long> declined = new ArrayDeque<>();

		final Set<String> payees = new HashSet<>();

		final Set<String> devices = new HashSet<>();

		long outCount;

		long outSum;

		@Nullable Instant lastNewDevice;

		@Nullable Instant lastSecurityChange;

		boolean heldOrFrozen;

		Account(Instant since, long balance) {
			this.since = since;
			this.balance = balance;
		}

	}

	final List<Sample> samples = new ArrayList<>();

	final Map<Integer, Incident> incidents = new HashMap<>();

	/** Legitimate customers active in the window, and those frozen or held wrongly. */
	final Set<Integer> activeLegit = new HashSet<>();

	final Set<Integer> wronglyStopped = new HashSet<>();

	int legitStepUps;

	/** Why legitimate movements were held or frozen: rules (or "model") and how often. */
	final Map<String, Integer> wrongStops = new java.util.TreeMap<>();

	int legitMovements;

	private final Map<Integer, Account> accounts = new HashMap<>();

	private final RiskSimulation simulation;

	private final @Nullable RiskJudge judge;

	private final Instant from;

	RiskReplay(RiskSimulation simulation, @Nullable RiskJudge judge, Instant from) {
		this.simulation = simulation;
		this.judge = judge;
		this.from = from;
	}

	RiskReplay run() {
		for (Intent intent : simulation.intents) {
			play(intent);
		}
		return this;
	}

	private Account account(int customer) {
		return accounts.computeIfAbsent(customer,
				c -> new Account(simulation.people.get(c).since(), simulation.people.get(c).startingBalance()));
	}

	private void play(Intent i) {
		Account a = account(i.customer());
		if (i.pattern() == Pattern.CARD_TESTING) {
			begin(i, a);
		}
		switch (i.action()) {
			case LOGIN -> {
				if (!a.devices.isEmpty() && !a.devices.contains(i.ip())) {
					a.lastNewDevice = i.at();
				}
				a.devices.add(i.ip());
			}
			case SECURITY_CHANGE -> a.lastSecurityChange = i.at();
			case TOP_UP -> a.balance += i.amount();
			case TOP_UP_DECLINED -> topUpDeclined(i, a);
			case PAY, TRANSFER, WITHDRAW -> moveOut(i, a);
		}
	}

	private void topUpDeclined(Intent i, Account a) {
		a.declined.addLast(i.at().getEpochSecond());
		if (judge == null || i.at().isBefore(from)) {
			return;
		}
		Facts facts = new Facts(Facts.Kind.TOP_UP, i.amount(), a.balance, false, history(a, i.at()), i.at());
		if (RiskRule.CARD_TESTING.firesFor(facts)) {
			freeze(i, a);
		}
	}

	private void moveOut(Intent i, Account a) {
		boolean fraud = i.pattern() != Pattern.LEGIT;
		boolean measured = !i.at().isBefore(from);
		long amount = i.share() > 0 ? (long) (a.balance * i.share()) : i.amount();
		if (!fraud && amount > a.balance) {
			// short: a legitimate customer tops up first
			a.balance += Math.max(amount * 3, 100_000);
		}
		amount = Math.min(amount, a.balance);
		if (amount <= 0) {
			return; // nothing to take: not an incident
		}
		if (fraud) {
			begin(i, a);
		}
		if (a.frozenUntil != null && i.at().isBefore(a.frozenUntil)) {
			return; // a frozen wallet sends nothing
		}
		if (!fraud && measured) {
			activeLegit.add(i.customer());
			legitMovements++;
		}
		boolean newPayee = !a.payees.contains(i.payee());
		Facts facts = new Facts(kind(i.action()), amount, a.balance, newPayee, history(a, i.at()), i.at());
		Decision decision = null;
		double score = 0;
		long nanos = 0;
		if (judge != null && measured) {
			long started = System.nanoTime();
			RiskJudge.Judgement judgement = judge.judge(facts, false);
			nanos = System.nanoTime() - started;
			decision = judgement.decision();
			score = judgement.score();
			if (!fraud && (decision == Decision.HOLD || decision == Decision.FREEZE)) {
				RiskSimulation.Person who = simulation.people.get(i.customer());
				wrongStops.merge(decision.code() + " " + judgement.reasons() + " " + i.action()
						+ (who.shop() ? " shop" : "") + (who.mule() ? " mule" : "") + " age="
						+ (int) Math.min(90, facts.accountAgeDays()) + " senders=" + facts.history().inSenders24h()
						+ " p>=" + Math.floor(judgement.probability() * 10) / 10, 1, Integer::sum);
			}
			if (decision == Decision.STEP_UP && !fraud) {
				legitStepUps++; // the customer has the phone: the code goes, the payment
								// too
				decision = judge.judge(facts, true).decision();
			}
		}
		samples.add(new Sample(i.at(), i.customer(), i.pattern(), i.incident(), RiskFeatures.of(facts), amount,
				decision, score, nanos));
		boolean allowed = decision == null || decision == Decision.ALLOW;
		boolean refusedByRisk = decision == Decision.STEP_UP || decision == Decision.HOLD;
		a.out.addLast(new long[] { i.at().getEpochSecond(), amount, allowed ? 1 : 0, facts.newPersonPayee() ? 1 : 0,
				refusedByRisk ? 1 : 0 });
		if (!allowed) {
			if (decision == Decision.FREEZE) {
				freeze(i, a);
			}
			else if (decision == Decision.HOLD) {
				stopped(i, a, false);
			}
			if (fraud && refusedByRisk && i.share() >= 0 && retries(i) < 2) {
				// a fraudster refused tries again a minute later
				moveOut(retry(i), a);
			}
			return;
		}
		a.balance -= amount;
		a.payees.add(i.payee());
		a.outCount++;
		a.outSum += amount;
		if (i.to() >= 0) {
			Account to = account(i.to());
			to.balance += amount;
			to.in.addLast(new long[] { i.at().getEpochSecond(), i.customer(), amount });
		}
	}

	/** An incident begins with its first attempt on money (balance as it was then). */
	private void begin(Intent i, Account a) {
		if (!i.at().isBefore(from)) {
			incidents.putIfAbsent(i.incident(),
					new Incident(i.pattern(), i.customer(), a.balance, false, false, a.balance));
		}
	}

	private void freeze(Intent i, Account a) {
		// a false positive is released the next day, after the customer called
		a.frozenUntil = i.at().plus(Duration.ofDays(i.pattern() == Pattern.LEGIT ? 1 : 365));
		stopped(i, a, true);
	}

	private void stopped(Intent i, Account a, boolean frozen) {
		if (i.pattern() == Pattern.LEGIT) {
			if (!i.at().isBefore(from)) {
				wronglyStopped.add(i.customer());
			}
			return;
		}
		// the first stop saved what was left then; a freeze after a hold still counts as
		// a freeze
		incidents.computeIfPresent(i.incident(),
				(n, incident) -> new Incident(incident.pattern(), incident.customer(), incident.balanceAtStart(),
						incident.frozen() || frozen, true,
						incident.stopped() ? incident.balanceWhenStopped() : a.balance));
	}

	private final Map<Intent, Integer> retried = new HashMap<>();

	private int retries(Intent i) {
		return retried.getOrDefault(i, 0);
	}

	private Intent retry(Intent i) {
		Intent again = new Intent(i.at().plusSeconds(60), i.customer(), i.action(), i.amount(), i.share(), i.payee(),
				i.to(), i.ip(), i.pattern(), i.incident());
		retried.put(again, retries(i) + 1);
		return again;
	}

	private static Facts.Kind kind(Action action) {
		return switch (action) {
			case PAY -> Facts.Kind.PAYMENT;
			case TRANSFER -> Facts.Kind.TRANSFER;
			case WITHDRAW -> Facts.Kind.WITHDRAWAL;
			default -> throw new IllegalArgumentException(action.name());
		};
	}

	/** The same history the service reads from its stored decisions, from memory. */
	private static History history(Account a, Instant now) {
		long t = now.getEpochSecond();
		while (!a.out.isEmpty() && a.out.peekFirst()[0] < t - 86_400) {
			a.out.removeFirst();
		}
		while (!a.in.isEmpty() && a.in.peekFirst()[0] < t - 86_400) {
			a.in.removeFirst();
		}
		while (!a.declined.isEmpty() && a.declined.peekFirst() < t - 3_600) {
			a.declined.removeFirst();
		}
		int attempts1h = 0;
		int newPayees1h = 0;
		int refusals1h = 0;
		long outSum24h = 0;
		for (long[] o : a.out) {
			if (o[0] >= t - 3_600) {
				attempts1h++;
				newPayees1h += (int) o[3];
				refusals1h += (int) o[4];
			}
			outSum24h += o[2] == 1 ? o[1] : 0;
		}
		Set<Long> senders = new HashSet<>();
		long inSum = 0;
		for (long[] in : a.in) {
			senders.add(in[1]);
			inSum += in[2];
		}
		return new History(attempts1h, a.out.size(), outSum24h, newPayees1h, refusals1h, a.outCount, a.outSum,
				senders.size(), inSum, a.declined.size(), a.lastNewDevice, a.lastSecurityChange, a.since);
	}

}
