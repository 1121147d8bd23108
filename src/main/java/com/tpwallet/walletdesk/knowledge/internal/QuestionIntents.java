package com.tpwallet.walletdesk.knowledge.internal;

import com.tpwallet.walletdesk.knowledge.TextTerms;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * What a question means, learned: a linear model (multinomial logistic regression,
 * Tribuo, as the feedback classifier, ADR 0011; the mean of {@link #RUNS} training runs)
 * over {@link TextTerms#features}, trained on questions labelled with the article that
 * answers them ({@code knowledge/intents/*.tsv}, every language at once), with the
 * {@link Concepts} they share across languages, by the build, and shipped
 * ({@link ShippedIntentModel}). Where the search matches words, this model matches what
 * customers mean by them: an alert followed by failing payments is a frozen account, an
 * update followed by an app that will not start is a crash.
 */
@Component
class QuestionIntents {

	/** A question labelled with the article that answers it. */
	record Labelled(String language, String slug, String question) {
	}

	static final long SEED = 20261127L;

	/** Training runs averaged into the one model ({@link AveragedLinearModel}). */
	static final int RUNS = 5;

	private final TextTerms terms;

	/**
	 * The shipped model, or one trained on a thread of its own beside the rest of the
	 * start-up (a few seconds of one core) when none was shipped for these examples; the
	 * service reports itself healthy only once it has one ({@link AnswerBotHealth}).
	 */
	private final CompletableFuture<Model<Label>> model;

	@org.springframework.beans.factory.annotation.Autowired
	QuestionIntents(TextTerms terms) {
		this.terms = terms;
		List<Labelled> examples = read();
		this.model = ShippedIntentModel.load(examples)
			.map(CompletableFuture::completedFuture)
			.orElseGet(() -> trainAside(examples));
	}

	QuestionIntents(TextTerms terms, List<Labelled> examples) {
		this.terms = terms;
		this.model = trainAside(examples);
	}

	private CompletableFuture<Model<Label>> trainAside(List<Labelled> examples) {
		return CompletableFuture.supplyAsync(() -> train(terms, examples),
				task -> Thread.ofPlatform().name("intent-training").daemon(true).start(task));
	}

	static Model<Label> train(TextTerms terms, List<Labelled> examples) {
		LabelFactory labels = new LabelFactory();
		MutableDataset<Label> data = new MutableDataset<>(
				new SimpleDataSourceProvenance("walletdesk question intents", OffsetDateTime.now(), labels), labels);
		for (Labelled e : examples) {
			data.add(example(terms, new Label(e.slug()), e.question(), e.language()));
		}
		List<LinearSGDModel> runs = IntStream.range(0, RUNS)
			.parallel()
			.mapToObj(run -> (LinearSGDModel) new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(0.5, 0.1), 30,
					1_000_000, 1, SEED + run)
				.train(data))
			.toList();
		return AveragedLinearModel.of(runs);
	}

	/** Whether the model is trained (and so answers at once). */
	boolean ready() {
		return model.isDone() && !model.isCompletedExceptionally();
	}

	/** The articles a question may be about, with the model's probability, best first. */
	Map<String, Double> of(String question, String language) {
		Map<String, Double> out = new LinkedHashMap<>();
		Model<Label> model = this.model.join();
		ArrayExample<Label> example = example(terms, LabelFactory.UNKNOWN_LABEL, question, language);
		boolean known = false;
		for (org.tribuo.Feature feature : example) {
			known |= model.getFeatureIDMap().get(feature.getName()) != null;
		}
		if (!known) {
			return out; // nothing the model has seen: it has no opinion
		}
		Prediction<Label> prediction = model.predict(example);
		prediction.getOutputScores()
			.values()
			.stream()
			.sorted((a, b) -> Double.compare(b.getScore(), a.getScore()))
			.forEach(l -> out.put(l.getLabel(), l.getScore()));
		return out;
	}

	static ArrayExample<Label> example(TextTerms terms, Label label, String text, String language) {
		Set<String> features = new TreeSet<>(terms.features(text, language));
		features.addAll(Concepts.shared().features(text, language));
		String[] names = features.toArray(String[]::new);
		double[] values = new double[names.length];
		for (int i = 0; i < names.length; i++) {
			// letter triples and characters are many and weak; words and stems carry more
			values[i] = names[i].startsWith("c=") || names[i].startsWith("h=") ? 0.3 : 1.0;
		}
		return new ArrayExample<>(label, names, values);
	}

	static List<Labelled> read() {
		List<Labelled> examples = new ArrayList<>();
		try {
			// the seed articles teach the model their own words too: title, keywords and
			// each sentence, labelled with the article
			for (Resource file : new PathMatchingResourcePatternResolver()
				.getResources("classpath*:knowledge/articles/*/*.md")) {
				String path = file.getURL().getPath();
				String slug = path.substring(0, path.lastIndexOf('/'));
				slug = slug.substring(slug.lastIndexOf('/') + 1);
				String language = file.getFilename().replace(".md", "");
				ArticleLibrary.Seed seed = ArticleLibrary.Seed.parse(file.getContentAsString(StandardCharsets.UTF_8));
				examples.add(new Labelled(language, slug, seed.title()));
				examples.add(new Labelled(language, slug, seed.keywords()));
				for (String sentence : seed.body().replaceAll("[*#>_`]", " ").split("[\\n.!?。！？]+")) {
					if (sentence.strip().length() > 12) {
						examples.add(new Labelled(language, slug, sentence.strip()));
					}
				}
			}
			for (Resource file : new PathMatchingResourcePatternResolver()
				.getResources("classpath*:knowledge/intents/*.tsv")) {
				String language = file.getFilename().replace(".tsv", "");
				file.getContentAsString(StandardCharsets.UTF_8)
					.lines()
					.filter(l -> !l.isBlank() && !l.startsWith("#"))
					.map(l -> l.split("\t", 2))
					.forEach(p -> examples.add(new Labelled(language, p[0], p[1])));
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return examples;
	}

}
