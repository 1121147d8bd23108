package com.tpwallet.walletdesk.knowledge.internal;

import com.tpwallet.walletdesk.knowledge.AnswerBot;
import com.tpwallet.walletdesk.platform.Languages;
import com.tpwallet.walletdesk.platform.Refusal;
import com.tpwallet.walletdesk.translation.LanguageDetection;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The answer bot: detects the language, searches, and keeps the articles that fit. It is
 * confident when the best article scores well on its own and clearly ahead of the next
 * one; a chat bot then answers instead of asking back.
 */
@Service
class ArticleAnswerBot implements AnswerBot {

	private final ArticleSearch search;

	private final LanguageDetection detection;

	private final Timer latency;

	private final double minimumScore;

	private final double confidentScore;

	private final double lead;

	ArticleAnswerBot(ArticleSearch search, LanguageDetection detection, MeterRegistry meters,
			@Value("${walletdesk.knowledge.minimum-score:1.5}") double minimumScore,
			@Value("${walletdesk.knowledge.confident-score:6}") double confidentScore,
			@Value("${walletdesk.knowledge.confident-lead:1.3}") double lead) {
		this.search = search;
		this.detection = detection;
		this.latency = meters.timer("walletdesk.knowledge.answer");
		this.minimumScore = minimumScore;
		this.confidentScore = confidentScore;
		this.lead = lead;
	}

	@Override
	public Answer answer(String question, @Nullable String language) {
		String lang = language != null
				? Languages.match(language)
					.map(Languages::tagOf)
					.orElseThrow(() -> Refusal.unprocessable("unsupported_language"))
				: detection.detect(question).orElse(Languages.DEFAULT.toLanguageTag());
		List<ArticleSearch.Hit> hits = latency.record(() -> search.search(question, lang, 5));
		double top = hits.isEmpty() ? 0 : hits.getFirst().score();
		List<SuggestedArticle> articles = hits.stream()
			.filter(h -> h.score() >= minimumScore && h.score() >= top * 0.3)
			.map(h -> new SuggestedArticle(h.slug(), h.title(lang), Math.round(h.score() * 1000) / 1000.0))
			.toList();
		boolean confident = !articles.isEmpty() && top >= confidentScore
				&& (hits.size() < 2 || top >= hits.get(1).score() * lead);
		return new Answer(lang, confident, articles);
	}

}
