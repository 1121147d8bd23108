package com.tpwallet.walletdesk.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.tpwallet.walletdesk.knowledge.AnswerBot;
import com.tpwallet.walletdesk.knowledge.AnswerBot.SuggestedArticle;
import com.tpwallet.walletdesk.translation.internal.LanguageDetectionAccess;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.core.io.ClassPathResource;

/**
 * Runs the answer bot over questions written the way customers write them
 * (src/test/resources/knowledge/ eval-questions.tsv). The language is not given: it is
 * detected, as it is for a customer typing into chat. Prints top-1 and top-3 accuracy per
 * language.
 */
final class AnswerBotEvaluation {

	record Case(String language, String slug, String question) {
	}

	/**
	 * Per language: questions, right first, right in the first three, language detected,
	 * confident, confident but wrong.
	 */
	record Tally(int questions, int top1, int top3, int detected, int confident, int confidentButWrong) {

		double top1Rate() {
			return (double) top1 / questions;
		}
	}

	private AnswerBotEvaluation() {
	}

	/** The intent model as the application trains it, on the same analysers. */
	static final QuestionIntents INTENTS = new QuestionIntents(new AnalysedTerms(new LanguageAnalyzers()));

	static AnswerBot bot(ArticleSearch search) {
		return new ArticleAnswerBot(search, INTENTS, LanguageDetectionAccess.create(), new SimpleMeterRegistry(), 1.5,
				6);
	}

	static List<Case> cases() {
		try {
			String text = new ClassPathResource(System.getProperty("eval.questions", "knowledge/eval-questions.tsv"))
				.getContentAsString(StandardCharsets.UTF_8);
			return text.lines()
				.filter(l -> !l.isBlank() && !l.startsWith("#"))
				.map(l -> l.split("\t"))
				.map(p -> new Case(p[0], p[1], p[2]))
				.toList();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * Asks every question, prints the table and the misses, and returns the tally per
	 * language.
	 */
	static Map<String, Tally> run(AnswerBot bot, String heading) {
		List<Case> cases = cases();
		Map<String, int[]> counts = new TreeMap<>();
		List<String> misses = new ArrayList<>();
		for (Case c : cases) {
			AnswerBot.Answer answer = bot.answer(c.question(), null);
			List<String> slugs = answer.articles().stream().map(SuggestedArticle::slug).toList();
			int[] t = counts.computeIfAbsent(c.language(), l -> new int[6]);
			t[0]++;
			boolean first = !slugs.isEmpty() && slugs.getFirst().equals(c.slug());
			if (first) {
				t[1]++;
			}
			else {
				misses.add(c.language() + " \"" + c.question() + "\" expected " + c.slug() + ", got " + slugs);
			}
			if (slugs.stream().limit(3).anyMatch(c.slug()::equals)) {
				t[2]++;
			}
			if (answer.language().equals(c.language())) {
				t[3]++;
			}
			if (answer.confident()) {
				t[4]++;
				if (!first) {
					t[5]++;
				}
			}
		}
		Map<String, Tally> tally = new TreeMap<>();
		counts.forEach((language, t) -> tally.put(language, new Tally(t[0], t[1], t[2], t[3], t[4], t[5])));
		print(heading + " (" + cases.size() + " questions)", tally, misses);
		return tally;
	}

	private static void print(String heading, Map<String, Tally> tally, List<String> misses) {
		System.out.println("\n" + heading);
		System.out
			.println("| language | questions | top-1 | top-3 | language detected | confident | confident but wrong |");
		System.out.println("|---|---|---|---|---|---|---|");
		tally.forEach((language, t) -> System.out.printf("| %s | %d | %.1f %% | %.1f %% | %.1f %% | %.1f %% | %d |%n",
				language, t.questions(), 100.0 * t.top1() / t.questions(), 100.0 * t.top3() / t.questions(),
				100.0 * t.detected() / t.questions(), 100.0 * t.confident() / t.questions(), t.confidentButWrong()));
		misses.forEach(m -> System.out.println("  miss: " + m));
	}

	static void assertTopOneAtLeast(Map<String, Tally> tally, double rate) {
		tally.forEach((language, t) -> assertThat(t.top1Rate()).as("top-1 accuracy in " + language)
			.isGreaterThanOrEqualTo(rate));
	}

}
