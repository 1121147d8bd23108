package com.tpwallet.walletdesk.knowledge.internal;

import com.tpwallet.walletdesk.knowledge.internal.QuestionIntents.Labelled;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.tribuo.Model;
import org.tribuo.classification.Label;

/**
 * The intent model trained by the build (Maven's {@code process-classes}, through
 * {@link #main}) and shipped with the classes, so that the service loads it in
 * milliseconds instead of training it for seconds of CPU at every start. It is used only
 * when it was trained on exactly the examples the service has (their digest is kept
 * beside it): after an edit the build has not seen, the service trains its own.
 */
final class ShippedIntentModel {

	static final String MODEL = "knowledge/intent-model.pb";

	static final String DIGEST = "knowledge/intent-model.sha256";

	private static final Logger log = LoggerFactory.getLogger(ShippedIntentModel.class);

	/**
	 * Quieted in the build, whose output Tribuo's progress lines only clutter; held here
	 * because java.util.logging keeps its loggers weakly, and a collected one forgets its
	 * level.
	 */
	private static final java.util.logging.Logger TRIBUO_LOG = java.util.logging.Logger.getLogger("org.tribuo");

	private ShippedIntentModel() {
	}

	/** The shipped model, if it was trained on these examples. */
	@SuppressWarnings("unchecked")
	static Optional<Model<Label>> load(List<Labelled> examples) {
		ClassPathResource model = new ClassPathResource(MODEL);
		ClassPathResource digest = new ClassPathResource(DIGEST);
		if (!model.exists() || !digest.exists()) {
			return Optional.empty();
		}
		try {
			if (!digest.getContentAsString(StandardCharsets.UTF_8).strip().equals(digest(examples))) {
				log.info("The shipped intent model was trained on other examples: training one");
				return Optional.empty();
			}
			try (InputStream in = model.getInputStream()) {
				return Optional.of((Model<Label>) Model.deserializeFromStream(in));
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * A digest of the examples, in their order, and of the concepts they are read with.
	 */
	static String digest(List<Labelled> examples) {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			for (Labelled e : examples) {
				sha.update(
						(e.language() + "\t" + e.slug() + "\t" + e.question() + "\n").getBytes(StandardCharsets.UTF_8));
			}
			sha.update(Concepts.shared().source().getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(sha.digest());
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	/**
	 * Trains the model on the examples on the class path and writes it, with their
	 * digest, under the directory given (the build's classes).
	 */
	public static void main(String[] args) throws IOException {
		TRIBUO_LOG.setLevel(java.util.logging.Level.WARNING);
		Path classes = Path.of(args[0]);
		List<Labelled> examples = QuestionIntents.read();
		Model<Label> model = QuestionIntents.train(new AnalysedTerms(new LanguageAnalyzers()), examples);
		Files.createDirectories(classes.resolve(MODEL).getParent());
		model.serializeToFile(classes.resolve(MODEL));
		Files.writeString(classes.resolve(DIGEST), digest(examples) + "\n");
	}

}
