package com.tpwallet.walletdesk.risk.internal;

import com.tpwallet.walletdesk.risk.internal.RiskReplay.Incident;
import com.tpwallet.walletdesk.risk.internal.RiskReplay.Sample;
import com.tpwallet.walletdesk.risk.internal.RiskSimulation.Pattern;
import com.tpwallet.walletdesk.wallet.OutgoingScreening.Decision;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Trains the risk model on the simulation and measures the monitor on a held-out month.
 * {@code train}: generates three months (seed 2026), writes the labelled movements to
 * {@code target/risk/simulated-movements.csv}, trains on the first two months only (split
 * by time, never at random) and writes {@code src/main/resources/risk/model.tribuo}.
 * {@code measure}: plays the third month through the shipped model, rules and thresholds
 * and prints the quality and latency table. Run by {@code bench/risk/train} and
 * {@code bench/risk/run}.
 */
public final class RiskLab {

	static final long SEED = 2026;

	static final int CUSTOMERS = 3_000;

	/** The first two months train; the third is held out. */
	static final Instant HELD_OUT = RiskSimulation.START.plus(Duration.ofDays(60));

	private RiskLab() {
	}

	public static void main(String[] args) throws IOException {
		String mode = args.length == 0 ? "measure" : args[0];
		RiskSimulation simulation = RiskSimulation.generate(SEED, CUSTOMERS);
		RiskModel model = mode.equals("train")
				? RiskModel
					.of(train(simulation, Path.of("src/main/resources", RiskModel.RESOURCE), Path.of("target/risk")))
				: RiskModel.shipped();
		measure(simulation, model);
	}

	static Model<Label> train(RiskSimulation simulation, Path modelFile, Path dataDir) throws IOException {
		List<Sample> samples = new RiskReplay(simulation, null, RiskSimulation.START).run().samples;
		Files.createDirectories(dataDir);
		try (PrintWriter csv = new PrintWriter(Files.newBufferedWriter(dataDir.resolve("simulated-movements.csv")))) {
			csv.println("at,customer,pattern,incident,amount_fen," + String.join(",", RiskFeatures.NAMES));
			for (Sample s : samples) {
				csv.println(
						s.at() + "," + s.customer() + "," + s.pattern() + "," + s.incident() + "," + s.amount() + ","
								+ Arrays.stream(s.features())
									.mapToObj(v -> String.format(Locale.ROOT, "%.5f", v))
									.collect(Collectors.joining(",")));
			}
		}
		List<Reviewed> reviewed = reviewed(dataDir.resolve("reviewed-decisions.csv"));
		Model<Label> model = fit(samples.stream().filter(s -> s.at().isBefore(HELD_OUT)).toList(), reviewed);
		Files.createDirectories(modelFile.getParent());
		model.serializeToFile(modelFile);
		long fraud = samples.stream().filter(s -> s.pattern() != Pattern.LEGIT).count();
		System.out.printf(Locale.ROOT,
				"%d movements (%d fraud) written; trained on %d before %s and %d reviewed in service; model in %s%n",
				samples.size(), fraud, samples.stream().filter(s -> s.at().isBefore(HELD_OUT)).count(), HELD_OUT,
				reviewed.size(), modelFile);
		return model;
	}

	/**
	 * How much more a fraudulent movement weighs in training than a legitimate one (fraud
	 * is rare); {@code -Drisk.fraudWeight} to compare.
	 */
	static final float FRAUD_WEIGHT = Float.parseFloat(System.getProperty("risk.fraudWeight", "5"));

	/** Logistic regression, fraud weighted up by {@link #FRAUD_WEIGHT}. */
	/**
	 * A refusal people judged in service: fraud or not, and the model's features then.
	 */
	record Reviewed(boolean fraud, double[] features) {
	}

	/**
	 * The service's reviewed refusals, if an operator saved them there
	 * ({@code GET /api/v1/admin/risk/reviewed-decisions.csv}): released false positives
	 * teach the model what it wrongly stopped.
	 */
	static List<Reviewed> reviewed(Path file) throws IOException {
		if (!Files.exists(file)) {
			return List.of();
		}
		return Files.readAllLines(file).stream().skip(1).filter(l -> !l.isBlank()).map(line -> {
			String[] cells = line.split(",");
			double[] features = new double[cells.length - 2];
			for (int i = 2; i < cells.length; i++) {
				features[i - 2] = Double.parseDouble(cells[i]);
			}
			return new Reviewed(cells[0].equals(RiskModel.FRAUD), features);
		}).toList();
	}

	static Model<Label> fit(List<Sample> training, List<Reviewed> reviewed) {
		LabelFactory labels = new LabelFactory();
		MutableDataset<Label> data = new MutableDataset<>(new SimpleDataSourceProvenance(
				"walletdesk risk simulation, seed " + SEED, OffsetDateTime.now(), labels), labels);
		String[] names = RiskFeatures.NAMES.toArray(String[]::new);
		for (Sample s : training) {
			boolean fraud = s.pattern() != Pattern.LEGIT;
			ArrayExample<Label> example = new ArrayExample<>(new Label(fraud ? RiskModel.FRAUD : RiskModel.LEGIT),
					names, s.features());
			example.setWeight(fraud ? FRAUD_WEIGHT : 1f);
			data.add(example);
		}
		for (Reviewed r : reviewed) {
			ArrayExample<Label> example = new ArrayExample<>(new Label(r.fraud() ? RiskModel.FRAUD : RiskModel.LEGIT),
					names, r.features());
			example.setWeight(r.fraud() ? FRAUD_WEIGHT : 1f);
			data.add(example);
		}
		return new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(0.1, 0.1), 10, 10_000_000, 1, SEED).train(data);
	}

	record Quality(String table) {
	}

	static Quality measure(RiskSimulation simulation, RiskModel model) {
		RiskJudge judge = new RiskJudge(model, thresholds());
		// the held-out month as it would go with nobody watching: the model's ranking
		List<Sample> unwatched = new RiskReplay(simulation, null, HELD_OUT).run().samples.stream()
			.filter(s -> !s.at().isBefore(HELD_OUT))
			.toList();
		double[] probability = unwatched.stream().mapToDouble(s -> model.score(s.features()).probability()).toArray();
		boolean[] fraud = new boolean[unwatched.size()];
		for (int i = 0; i < fraud.length; i++) {
			fraud[i] = unwatched.get(i).pattern() != Pattern.LEGIT;
		}
		// the same month with the monitor deciding
		RiskReplay watched = new RiskReplay(simulation, judge, HELD_OUT).run();
		StringBuilder table = new StringBuilder();
		table.append(String.format(Locale.ROOT, "Held-out month (%s to %s), %d movements out, %d of them fraud%n%n",
				HELD_OUT, RiskSimulation.START.plus(Duration.ofDays(RiskSimulation.DAYS)), unwatched.size(),
				count(fraud)));
		table.append("| pattern | incidents | frozen | stopped (freeze or hold) | recall at freeze | money saved |\n");
		table.append("|---|---:|---:|---:|---:|---:|\n");
		for (Pattern pattern : List.of(Pattern.TAKEOVER, Pattern.MULE, Pattern.CARD_TESTING, Pattern.SLOW_DRAIN)) {
			List<Incident> incidents = watched.incidents.values().stream().filter(i -> i.pattern() == pattern).toList();
			long frozen = incidents.stream().filter(Incident::frozen).count();
			long stopped = incidents.stream().filter(Incident::stopped).count();
			long atRisk = incidents.stream().mapToLong(Incident::balanceAtStart).sum();
			long saved = incidents.stream().filter(Incident::stopped).mapToLong(Incident::balanceWhenStopped).sum();
			table.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %.3f | %.1f %% |%n",
					pattern.name().toLowerCase(Locale.ROOT), incidents.size(), frozen, stopped,
					ratio(frozen, incidents.size()), 100 * ratio(saved, atRisk)));
		}
		long stoppedFraudCustomers = watched.incidents.values().stream().filter(Incident::stopped).count();
		long wrong = watched.wronglyStopped.size();
		table.append(String.format(Locale.ROOT,
				"%nPrecision of freezes and holds (incidents stopped / all stops): %.3f%n"
						+ "False-positive rate: %d of %d legitimate customers frozen or held = %.3f %%%n"
						+ "Step-ups asked of legitimate customers: %d of %d movements = %.2f %%%n"
						+ "Area under the precision-recall curve (model alone, per movement): %.3f%n",
				ratio(stoppedFraudCustomers, stoppedFraudCustomers + wrong), wrong, watched.activeLegit.size(),
				100 * ratio(wrong, watched.activeLegit.size()), watched.legitStepUps, watched.legitMovements,
				100 * ratio(watched.legitStepUps, watched.legitMovements), prAuc(probability, fraud)));
		long[] nanos = watched.samples.stream().mapToLong(Sample::nanos).filter(n -> n > 0).sorted().toArray();
		table.append(String.format(Locale.ROOT,
				"Scoring latency (features, rules and model, in memory): p50 %.1f µs, p99 %.1f µs over %d movements%n",
				percentile(nanos, 0.50) / 1e3, percentile(nanos, 0.99) / 1e3, nanos.length));
		long decisions = watched.samples.stream().filter(s -> s.decision() != null).count();
		table.append(String.format(Locale.ROOT, "Decisions: %s%n",
				Arrays.stream(Decision.values())
					.map(d -> d.code() + " " + watched.samples.stream().filter(s -> s.decision() == d).count())
					.collect(Collectors.joining(", ")) + " (of " + decisions + ")"));
		System.out.print(table);
		if (Boolean.getBoolean("risk.why")) {
			watched.wrongStops.forEach((why, n) -> System.out.println("legit stopped: " + n + " × " + why));
		}
		return new Quality(table.toString());
	}

	/**
	 * The thresholds measured: the service's defaults, or others to compare
	 * ({@code -Drisk.thresholds=40,0.8,70,0.95,100,0.995}).
	 */
	static RiskJudge.Thresholds thresholds() {
		String given = System.getProperty("risk.thresholds");
		if (given == null) {
			return RiskJudge.Thresholds.DEFAULT;
		}
		String[] t = given.split(",");
		return new RiskJudge.Thresholds(Integer.parseInt(t[0]), Double.parseDouble(t[1]), Integer.parseInt(t[2]),
				Double.parseDouble(t[3]), Integer.parseInt(t[4]), Double.parseDouble(t[5]));
	}

	/** Average precision over the ranking by probability: the area under the PR curve. */
	static double prAuc(double[] score, boolean[] positive) {
		Integer[] order = new Integer[score.length];
		for (int i = 0; i < order.length; i++) {
			order[i] = i;
		}
		Arrays.sort(order, Comparator.comparingDouble((Integer i) -> score[i]).reversed());
		int positives = count(positive);
		double area = 0;
		int seen = 0;
		int hits = 0;
		for (int i : order) {
			seen++;
			if (positive[i]) {
				hits++;
				area += (double) hits / seen;
			}
		}
		return positives == 0 ? 0 : area / positives;
	}

	private static int count(boolean[] flags) {
		int n = 0;
		for (boolean f : flags) {
			n += f ? 1 : 0;
		}
		return n;
	}

	private static double ratio(long part, long whole) {
		return whole == 0 ? 0 : (double) part / whole;
	}

	private static double percentile(long[] sorted, double p) {
		return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.floor(p * sorted.length))];
	}

}
