package com.tpwallet.walletdesk.risk.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A labelled month-by-month wallet population in the manner of PaySim (Lopez-Rojas, Elmir
 * and Axelsson, 2016): customers with habits of their own (favourite merchants, friends,
 * a usual amount, a daily rhythm, sometimes a new phone or a new password, some night
 * owls and some small shops that collect from many people and pay a supplier), and
 * fraudsters who take over an account and empty it through mule accounts that cash out,
 * test stolen cards with small top-ups, or drain a taken-over account slowly under the
 * velocity limits. Deterministic for a seed. What it produces is what people intend to
 * do; {@link RiskReplay} plays it through the risk monitor's own code.
 */
final class RiskSimulation {

	/** Midnight, 1 January 2026, in Beijing. */
	static final Instant START = LocalDate.of(2026, 1, 1).atStartOfDay(Facts.ZONE).toInstant();

	static final int DAYS = 90;

	enum Pattern {

		LEGIT, TAKEOVER, MULE, CARD_TESTING, SLOW_DRAIN

	}

	enum Action {

		LOGIN, SECURITY_CHANGE, TOP_UP, TOP_UP_DECLINED, PAY, TRANSFER, WITHDRAW

	}

	/**
	 * One thing a person means to do. {@code amount} in CNY fen, or when {@code share} is
	 * above 0, that part of the balance at the time. {@code payee} is a merchant, a card
	 * or (with {@code to}) another customer. {@code incident} numbers a fraud case.
	 */
	record Intent(Instant at, int customer, Action action, long amount, double share, String payee, int to, String ip,
			Pattern pattern, int incident) {
	}

	/** A customer's habits. */
	record Person(int id, Instant since, long usualAmount, double paymentsPerDay, double transfersPerDay,
			int[] merchants, int[] friends, boolean nightOwl, boolean shop, boolean mule, long startingBalance) {
	}

	private final SplittableRandom random;

	final List<Person> people = new ArrayList<>();

	final List<Intent> intents = new ArrayList<>();

	private int incidents;

	private final int established;

	RiskSimulation(long seed, int established) {
		this.random = new SplittableRandom(seed);
		this.established = established;
	}

	static RiskSimulation generate(long seed, int established) {
		RiskSimulation simulation = new RiskSimulation(seed, established);
		simulation.populate();
		simulation.live();
		simulation.intents.sort(Comparator.comparing(Intent::at).thenComparingInt(Intent::customer));
		return simulation;
	}

	// ---- the population

	private void populate() {
		for (int i = 0; i < established; i++) {
			people.add(person(START.minus(Duration.ofDays(30 + random.nextInt(700))), false));
		}
	}

	private Person person(Instant since, boolean mule) {
		int id = people.size();
		long usual = Math.round(Math.exp(Math.log(1_500) + random.nextDouble() * Math.log(20)));
		int[] merchants = new int[2 + random.nextInt(5)];
		for (int m = 0; m < merchants.length; m++) {
			merchants[m] = random.nextInt(300);
		}
		int[] friends = new int[1 + random.nextInt(4)];
		for (int f = 0; f < friends.length; f++) {
			friends[f] = id == 0 ? 0 : random.nextInt(Math.max(1, Math.min(id, established)));
		}
		boolean shop = !mule && random.nextDouble() < 0.03;
		long startingBalance = since.isBefore(START) ? amountAround(200_000, 1.0) : 0;
		return new Person(id, since, usual, 0.3 + random.nextDouble() * 3, 0.05 + random.nextDouble() * 0.3, merchants,
				friends, random.nextDouble() < 0.05, shop, mule, startingBalance);
	}

	private Person newcomer(Instant since, boolean mule) {
		Person p = person(since, mule);
		people.add(p);
		return p;
	}

	// ---- a day in the life, then the fraud

	private void live() {
		for (int day = 0; day < DAYS; day++) {
			Instant midnight = START.plus(Duration.ofDays(day));
			int count = people.size();
			for (int i = 0; i < count; i++) {
				Person p = people.get(i);
				if (!p.mule() && !p.since().isAfter(midnight)) {
					ordinaryDay(p, midnight);
				}
			}
			for (int n = poisson(8); n > 0; n--) {
				Person p = newcomer(midnight.plus(daytime()), false);
				firstHour(p);
			}
			for (int n = poisson(1.5); n > 0; n--) {
				takeover(midnight.plus(anyTime()));
			}
			for (int n = poisson(1.0); n > 0; n--) {
				muleRing(midnight.plus(daytime()));
			}
			for (int n = poisson(0.5); n > 0; n--) {
				cardTesting(midnight.plus(anyTime()));
			}
			for (int n = poisson(0.5); n > 0; n--) {
				slowDrain(midnight.plus(daytime()));
			}
		}
	}

	private void ordinaryDay(Person p, Instant midnight) {
		String home = "home-" + p.id();
		for (int n = 1 + random.nextInt(3); n > 0; n--) {
			add(midnight.plus(when(p)), p.id(), Action.LOGIN, 0, 0, "", -1, home, Pattern.LEGIT, 0);
		}
		if (random.nextDouble() < 0.002) { // a new phone: a sign-in from it, then life as
											// usual
			add(midnight.plus(when(p)), p.id(), Action.LOGIN, 0, 0, "", -1, "phone-" + p.id() + "-" + midnight,
					Pattern.LEGIT, 0);
		}
		if (random.nextDouble() < 0.001) {
			add(midnight.plus(when(p)), p.id(), Action.SECURITY_CHANGE, 0, 0, "", -1, home, Pattern.LEGIT, 0);
		}
		if (random.nextDouble() < 0.02) { // an expired card or a typo, then the top-up
											// goes through
			Instant at = midnight.plus(when(p));
			long amount = amountAround(50_000, 0.8);
			add(at, p.id(), Action.TOP_UP_DECLINED, amount, 0, "", -1, home, Pattern.LEGIT, 0);
			if (random.nextDouble() < 0.3) {
				add(at.plusSeconds(40), p.id(), Action.TOP_UP_DECLINED, amount, 0, "", -1, home, Pattern.LEGIT, 0);
			}
			add(at.plusSeconds(90), p.id(), Action.TOP_UP, amount, 0, "", -1, home, Pattern.LEGIT, 0);
		}
		for (int n = poisson(p.paymentsPerDay()); n > 0; n--) {
			long amount = amountAround(p.usualAmount(), 0.6);
			if (random.nextDouble() < 0.01) {
				amount *= 5 + random.nextInt(15); // a big purchase, now and then
			}
			int merchant = random.nextDouble() < 0.9 ? p.merchants()[random.nextInt(p.merchants().length)]
					: random.nextInt(300);
			add(midnight.plus(when(p)), p.id(), Action.PAY, amount, 0, "merchant:" + merchant, -1, home, Pattern.LEGIT,
					0);
		}
		for (int n = poisson(p.transfersPerDay()); n > 0; n--) {
			int friend = p.friends()[random.nextInt(p.friends().length)];
			if (friend != p.id()) {
				add(midnight.plus(when(p)), p.id(), Action.TRANSFER, amountAround(20_000, 0.8), 0, "c" + friend, friend,
						home, Pattern.LEGIT, 0);
			}
		}
		if (random.nextDouble() < 0.02) {
			add(midnight.plus(daytime()), p.id(), Action.WITHDRAW, 0, 0.2 + random.nextDouble() * 0.4, "card:" + p.id(),
					-1, home, Pattern.LEGIT, 0);
		}
		if (p.shop()) { // a small shop: paid by many, pays its supplier
			for (int n = 5 + random.nextInt(15); n > 0; n--) {
				int customer = random.nextInt(established);
				if (customer != p.id()) {
					add(midnight.plus(daytime()), customer, Action.TRANSFER, amountAround(8_000, 0.7), 0, "c" + p.id(),
							p.id(), "home-" + customer, Pattern.LEGIT, 0);
				}
			}
			add(midnight.plus(Duration.ofHours(22)), p.id(), Action.TRANSFER, 0, 0.6 + random.nextDouble() * 0.3,
					"c" + p.friends()[0], p.friends()[0], home, Pattern.LEGIT, 0);
		}
	}

	/** A newcomer's first hour: a top-up, then a few payments in a row. */
	private void firstHour(Person p) {
		String home = "home-" + p.id();
		add(p.since(), p.id(), Action.LOGIN, 0, 0, "", -1, home, Pattern.LEGIT, 0);
		if (random.nextDouble() < 0.15) { // the first card tried is refused
			add(p.since().plusSeconds(20), p.id(), Action.TOP_UP_DECLINED, 20_000 + random.nextInt(200_000), 0, "", -1,
					home, Pattern.LEGIT, 0);
		}
		add(p.since().plusSeconds(30), p.id(), Action.TOP_UP, 20_000 + random.nextInt(200_000), 0, "", -1, home,
				Pattern.LEGIT, 0);
		int first = 1 + random.nextInt(6);
		for (int n = 0; n < first; n++) {
			add(p.since().plusSeconds(60 + 40L * n), p.id(), Action.PAY, amountAround(p.usualAmount(), 0.4), 0,
					"merchant:" + p.merchants()[n % p.merchants().length], -1, home, Pattern.LEGIT, 0);
		}
		if (random.nextDouble() < 0.5 && p.friends()[0] != p.id()) {
			add(p.since().plusSeconds(400), p.id(), Action.TRANSFER, amountAround(5_000, 0.5), 0, "c" + p.friends()[0],
					p.friends()[0], home, Pattern.LEGIT, 0);
		}
	}

	/**
	 * Account takeover: a sign-in from the attacker's device (after a password reset,
	 * half the time), then the balance sent to mule accounts in a few minutes, or
	 * withdrawn to a new card.
	 */
	private void takeover(Instant at) {
		int incident = ++incidents;
		Person victim = people.get(random.nextInt(established));
		String device = "attacker-" + incident;
		if (random.nextBoolean()) {
			add(at, victim.id(), Action.SECURITY_CHANGE, 0, 0, "", -1, device, Pattern.TAKEOVER, incident);
		}
		Instant t = at.plusSeconds(120);
		add(t, victim.id(), Action.LOGIN, 0, 0, "", -1, device, Pattern.TAKEOVER, incident);
		if (random.nextDouble() < 0.3) {
			add(t.plusSeconds(60 + random.nextInt(600)), victim.id(), Action.WITHDRAW, 0, 0.9, "card:x" + incident, -1,
					device, Pattern.TAKEOVER, incident);
			return;
		}
		int moves = 2 + random.nextInt(7);
		List<Person> mules = mules(t, 1 + random.nextInt(3));
		for (int n = 0; n < moves; n++) {
			t = t.plusSeconds(60 + random.nextInt(180));
			Person mule = mules.get(n % mules.size());
			add(t, victim.id(), Action.TRANSFER, 0, Math.min(1, 1.0 / (moves - n) + 0.02), "c" + mule.id(), mule.id(),
					device, Pattern.TAKEOVER, incident);
		}
		cashOut(mules, t.plusSeconds(600 + random.nextInt(3_600)));
	}

	/**
	 * A mule ring: a fresh account is paid by several people (victims of a scam) within
	 * hours, then cashes out to a new card or new payees.
	 */
	private void muleRing(Instant at) {
		List<Person> mules = mules(at, 1);
		Person mule = mules.get(0);
		Instant t = at;
		for (int n = 5 + random.nextInt(8); n > 0; n--) {
			t = t.plusSeconds(300 + random.nextInt(2_400));
			int sender = random.nextInt(established);
			add(t, sender, Action.TRANSFER, amountAround(60_000, 0.6), 0, "c" + mule.id(), mule.id(), "home-" + sender,
					Pattern.LEGIT, 0);
		}
		cashOut(mules, t.plusSeconds(300 + random.nextInt(3_600)));
	}

	private void cashOut(List<Person> mules, Instant at) {
		for (Person mule : mules) {
			int incident = ++incidents;
			String device = "mule-" + mule.id();
			if (random.nextBoolean()) {
				add(at, mule.id(), Action.WITHDRAW, 0, 0.95, "card:m" + mule.id() + "-" + incident, -1, device,
						Pattern.MULE, incident);
			}
			else {
				Instant t = at;
				for (int n = 1 + random.nextInt(3); n > 0; n--) {
					t = t.plusSeconds(120 + random.nextInt(900));
					add(t, mule.id(), Action.TRANSFER, 0, 1.0 / n, "outside-" + incident + "-" + n, -1, device,
							Pattern.MULE, incident);
				}
			}
		}
	}

	private List<Person> mules(Instant at, int count) {
		List<Person> mules = new ArrayList<>();
		for (int n = 0; n < count; n++) {
			Person mule = newcomer(at.minus(Duration.ofHours(1 + random.nextInt(24 * 30))), true);
			add(mule.since(), mule.id(), Action.LOGIN, 0, 0, "", -1, "mule-" + mule.id(), Pattern.LEGIT, 0);
			mules.add(mule);
		}
		return mules;
	}

	/**
	 * Card testing: a fresh account tries many small top-ups with stolen cards, then
	 * spends.
	 */
	private void cardTesting(Instant at) {
		int incident = ++incidents;
		Person tester = newcomer(at.minus(Duration.ofHours(random.nextInt(48))), false);
		String device = "tester-" + tester.id();
		add(tester.since(), tester.id(), Action.LOGIN, 0, 0, "", -1, device, Pattern.LEGIT, 0);
		Instant t = at;
		long taken = 0;
		for (int n = 8 + random.nextInt(23); n > 0; n--) {
			t = t.plusSeconds(20 + random.nextInt(100));
			long amount = 100 + random.nextInt(900);
			boolean declined = random.nextDouble() < 0.8;
			taken += declined ? 0 : amount;
			add(t, tester.id(), declined ? Action.TOP_UP_DECLINED : Action.TOP_UP, amount, 0, "", -1, device,
					Pattern.CARD_TESTING, incident);
		}
		if (taken > 0) {
			add(t.plusSeconds(120), tester.id(), Action.PAY, taken, 0, "merchant:" + random.nextInt(300), -1, device,
					Pattern.CARD_TESTING, incident);
		}
	}

	/**
	 * A slow drain: after a sign-in from a new device, a transfer every few hours to one
	 * of two new payees, each a tenth of the balance, under the velocity limits.
	 */
	private void slowDrain(Instant at) {
		int incident = ++incidents;
		Person victim = people.get(random.nextInt(established));
		String device = "drainer-" + incident;
		add(at, victim.id(), Action.LOGIN, 0, 0, "", -1, device, Pattern.SLOW_DRAIN, incident);
		List<Person> mules = mules(at, 2);
		Instant t = at;
		for (int n = 0; n < 6 + random.nextInt(5); n++) {
			t = t.plus(Duration.ofMinutes(120 + random.nextInt(120)));
			Person mule = mules.get(n % 2);
			add(t, victim.id(), Action.TRANSFER, 0, 0.08 + random.nextDouble() * 0.07, "c" + mule.id(), mule.id(),
					device, Pattern.SLOW_DRAIN, incident);
		}
	}

	// ---- randomness with a shape

	private void add(Instant at, int customer, Action action, long amount, double share, String payee, int to,
			String ip, Pattern pattern, int incident) {
		intents.add(new Intent(at, customer, action, amount, share, payee, to, ip, pattern, incident));
	}

	private long amountAround(long median, double sigma) {
		double gaussian = random.nextDouble() + random.nextDouble() + random.nextDouble() - 1.5; // ~N(0,
																									// 0.5)
		return Math.max(100, Math.round(median * Math.exp(sigma * 2 * gaussian)));
	}

	private Duration when(Person p) {
		return p.nightOwl() && random.nextDouble() < 0.3 ? Duration.ofSeconds(random.nextInt(6 * 3_600))
				: random.nextDouble() < 0.03 ? Duration.ofSeconds(random.nextInt(6 * 3_600)) : daytime();
	}

	private Duration daytime() {
		return Duration.ofSeconds(7 * 3_600 + random.nextInt(16 * 3_600));
	}

	private Duration anyTime() {
		return Duration.ofSeconds(random.nextInt(24 * 3_600));
	}

	private int poisson(double mean) {
		double limit = Math.exp(-mean);
		double product = random.nextDouble();
		int n = 0;
		while (product > limit) {
			product *= random.nextDouble();
			n++;
		}
		return n;
	}

}
