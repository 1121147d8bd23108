package com.tpwallet.walletdesk.knowledge.internal;

import com.tpwallet.walletdesk.knowledge.AnswerBot;
import com.tpwallet.walletdesk.platform.Languages;
import com.tpwallet.walletdesk.platform.Refusal;
import com.tpwallet.walletdesk.translation.LanguageDetection;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The answer bot: detects the language, then ranks articles by two views of the question
 * — the search's match of its words, and the intent model's reading of what it means —
 * and keeps those that fit. It is confident when the best article is clearly ahead on
 * both counts together; a chat bot then answers instead of asking back.
 */
@Service
class ArticleAnswerBot implements AnswerBot {

	/** How much the intent model weighs against the search in the combined rank. */
	static final double INTENT_WEIGHT = 0.8;

	/** An article the intent model names on its own, without the search, needs this. */
	static final double INTENT_ALONE = 0.35;

	/** A combined rank at least this high, and this far ahead, is a confident answer. */
	static final double CONFIDENT = 0.55;

	static final double CONFIDENT_LEAD = 0.15;

	private final ArticleSearch search;

	private final QuestionIntents intents;

	private final LanguageDetection detection;

	private final Timer latency;

	private final double minimumScore;

	private final double strongScore;

	ArticleAnswerBot(ArticleSearch search, QuestionIntents intents, LanguageDetection detection, MeterRegistry meters,
			@Value("${walletdesk.knowledge.minimum-score:1.5}") double minimumScore,
			@Value("${walletdesk.knowledge.confident-score:6}") double strongScore) {
		this.search = search;
		this.intents = intents;
		this.detection = detection;
		this.latency = meters.timer("walletdesk.knowledge.answer");
		this.minimumScore = minimumScore;
		this.strongScore = strongScore;
	}

	@Override
	public Answer answer(String question, @Nullable String language) {
		String lang = language != null
				? Languages.match(language)
					.map(Languages::tagOf)
					.orElseThrow(() -> Refusal.unprocessable("unsupported_language"))
				: detection.detect(question).orElse(Languages.DEFAULT.toLanguageTag());
		List<Ranked> ranked = latency.record(() -> rank(question, lang));
		List<SuggestedArticle> articles = ranked.stream()
			.limit(5)
			.map(r -> new SuggestedArticle(r.hit().slug(), r.hit().title(lang), Math.round(r.rank() * 1000) / 1000.0))
			.toList();
		boolean confident = !ranked.isEmpty() && ranked.getFirst().rank() >= CONFIDENT
				&& (ranked.size() < 2 || ranked.getFirst().rank() - ranked.get(1).rank() >= CONFIDENT_LEAD);
		return new Answer(lang, confident, articles);
	}

	/** An article with its combined rank, 0 to 1. */
	record Ranked(ArticleSearch.Hit hit, double rank) {
	}

	/**
	 * The search's hits that score enough, and the articles the intent model finds likely
	 * on its own, each ranked by both views: a search score counts up to
	 * {@code confident-score} (a strong match), the intent model by its probability.
	 */
	private List<Ranked> rank(String question, String lang) {
		List<ArticleSearch.Hit> hits = search.search(question, lang, 10);
		Map<String, Double> meaning = intents.of(question, lang);
		double top = hits.isEmpty() ? 0 : hits.getFirst().score();
		Map<String, Ranked> ranked = new LinkedHashMap<>();
		for (ArticleSearch.Hit hit : hits) {
			double intent = meaning.getOrDefault(hit.slug(), 0.0);
			if (hit.score() >= minimumScore && hit.score() >= top * 0.3 || intent >= INTENT_ALONE) {
				ranked.put(hit.slug(), new Ranked(hit, combined(hit.score(), intent)));
			}
		}
		meaning.forEach((slug, intent) -> {
			if (intent >= INTENT_ALONE && !ranked.containsKey(slug)) {
				// named by the model only: shown if it is a published article
				search.article(slug).ifPresent(hit -> ranked.put(slug, new Ranked(hit, combined(0, intent))));
			}
		});
		List<Ranked> out = new ArrayList<>(ranked.values());
		out.sort(Comparator.comparingDouble(Ranked::rank).reversed());
		return out;
	}

	private double combined(double searchScore, double intent) {
		return (1 - INTENT_WEIGHT) * Math.min(1, searchScore / strongScore) + INTENT_WEIGHT * intent;
	}

}
