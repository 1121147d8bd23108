package com.tpwallet.walletdesk.knowledge.internal;

import com.tpwallet.walletdesk.knowledge.AnswerBot;
import com.tpwallet.walletdesk.translation.internal.LanguageDetectionAccess;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Answer latency with a large knowledge base: {@code articles} generated articles (in
 * four languages, made of sentences and words of the shipped ones, so that the term
 * statistics look real) plus the shipped sixteen, then the evaluation questions asked
 * over and over, language detection included. Prints the indexing rate, latency
 * percentiles for one and for several threads, and top-1 accuracy in the big index. Run
 * with {@code bench/answers}.
 */
public final class AnswerBenchmark {

	public static void main(String[] args) throws Exception {
		int articles = Integer.getInteger("articles", 50_000);
		int questions = Integer.getInteger("questions", 20_000);
		int threads = Integer.getInteger("threads", 2);
		List<ArticleSearch.Document> shipped = ArticleFiles.documents();
		List<ArticleSearch.Document> all = new ArrayList<>(generate(shipped, articles, new Random(42)));
		all.addAll(shipped);

		boolean openSearch = "opensearch".equals(System.getProperty("search"));
		ArticleSearch search = openSearch ? OpenSearchArticleSearchTest.adapter("bench-" + System.nanoTime())
				: new LuceneArticleSearch(new LanguageAnalyzers());
		long start = System.nanoTime();
		search.replaceAll(all);
		double indexSeconds = (System.nanoTime() - start) / 1e9;
		AnswerBot bot = AnswerBotEvaluation.bot(search);
		List<AnswerBotEvaluation.Case> cases = AnswerBotEvaluation.cases();

		int correct = 0;
		for (AnswerBotEvaluation.Case c : cases) { // also warms up the JIT
			List<AnswerBot.SuggestedArticle> found = bot.answer(c.question(), null).articles();
			correct += !found.isEmpty() && found.getFirst().slug().equals(c.slug()) ? 1 : 0;
		}
		for (int i = 0; i < 3_000; i++) {
			bot.answer(cases.get(i % cases.size()).question(), null);
		}
		long[] single = run(bot, cases, questions, 1);
		long[] parallel = run(bot, cases, questions, threads);
		Runtime rt = Runtime.getRuntime();
		rt.gc();

		System.out.println();
		System.out.printf(
				"Answer benchmark (%s): %,d articles indexed (%,d generated + %d shipped), %d languages each%n",
				openSearch ? "OpenSearch node on this machine" : "embedded Lucene", search.size(), articles,
				shipped.size(), 4);
		System.out.printf("Indexing: %.1f s, %,.0f articles/s; heap in use after GC: %,d MB%n", indexSeconds,
				all.size() / indexSeconds, (rt.totalMemory() - rt.freeMemory()) >> 20);
		System.out.println();
		System.out.println("| threads | questions | answers/s | p50 ms | p90 ms | p99 ms | max ms |");
		System.out.println("|---|---|---|---|---|---|---|");
		row(1, single);
		row(threads, parallel);
		System.out.println();
		System.out.printf("Top-1 accuracy of the %d evaluation questions among %,d articles: %.1f %%%n", cases.size(),
				search.size(), 100.0 * correct / cases.size());
	}

	/**
	 * Latencies in ns, sorted, with the wall time of the whole run as the last element.
	 */
	private static long[] run(AnswerBot bot, List<AnswerBotEvaluation.Case> cases, int total, int threads)
			throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		long[] latencies = new long[total];
		List<Future<?>> jobs = new ArrayList<>();
		long start = System.nanoTime();
		for (int t = 0; t < threads; t++) {
			int first = t;
			jobs.add(pool.submit(() -> {
				for (int i = first; i < total; i += threads) {
					long t0 = System.nanoTime();
					bot.answer(cases.get(i % cases.size()).question(), null);
					latencies[i] = System.nanoTime() - t0;
				}
			}));
		}
		for (Future<?> job : jobs) {
			job.get();
		}
		long wall = System.nanoTime() - start;
		pool.shutdown();
		Arrays.sort(latencies);
		long[] out = Arrays.copyOf(latencies, total + 1);
		out[total] = wall;
		return out;
	}

	private static void row(int threads, long[] result) {
		int n = result.length - 1;
		System.out.printf("| %d | %,d | %,.0f | %.2f | %.2f | %.2f | %.2f |%n", threads, n, n / (result[n] / 1e9),
				result[n / 2] / 1e6, result[(int) (n * 0.9)] / 1e6, result[(int) (n * 0.99)] / 1e6,
				result[n - 1] / 1e6);
	}

	/**
	 * Articles made of the shipped ones' sentences and words, per language, so that term
	 * statistics look real.
	 */
	static List<ArticleSearch.Document> generate(List<ArticleSearch.Document> shipped, int count, Random random) {
		Map<String, List<String>> sentences = new HashMap<>();
		Map<String, List<String>> words = new HashMap<>();
		for (ArticleSearch.Document d : shipped) {
			d.texts().forEach((language, text) -> {
				for (String s : text.body().split("(?<=[.!?。！？])\\s*|\\n+")) {
					if (s.strip().length() > 8) {
						sentences.computeIfAbsent(language, l -> new ArrayList<>()).add(s.strip());
					}
				}
				words.computeIfAbsent(language, l -> new ArrayList<>()).addAll(List.of(text.keywords().split("\\s+")));
			});
		}
		String[] categories = { "account", "payments", "withdrawals", "security", "disputes", "general" };
		List<ArticleSearch.Document> out = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			Map<String, ArticleSearch.Text> texts = new HashMap<>();
			for (String language : LanguageAnalyzers.LANGUAGES) {
				List<String> s = sentences.get(language);
				List<String> w = words.get(language);
				String title = pick(w, random) + " " + pick(w, random) + " " + pick(w, random);
				StringBuilder body = new StringBuilder();
				for (int k = 0; k < 8; k++) {
					body.append(pick(s, random)).append(' ');
				}
				texts.put(language,
						new ArticleSearch.Text(title, pick(w, random) + " " + pick(w, random), body.toString()));
			}
			out.add(new ArticleSearch.Document("generated-" + i, categories[i % categories.length], texts));
		}
		return out;
	}

	private static String pick(List<String> from, Random random) {
		return from.get(random.nextInt(from.size()));
	}

}
