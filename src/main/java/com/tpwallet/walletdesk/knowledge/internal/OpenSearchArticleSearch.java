package com.tpwallet.walletdesk.knowledge.internal;

import static com.tpwallet.walletdesk.knowledge.internal.QuestionQuery.field;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The article index in an OpenSearch (or Elasticsearch) cluster, for installations that
 * run one. The application analyses the texts itself, with the same
 * {@link LanguageAnalyzers} as the embedded index, and sends the tokens; OpenSearch
 * stores them in whitespace-analysed fields and scores them with the same BM25. So no
 * analysis plugin is needed on the cluster (HanLP and the wallet dictionary stay in the
 * application), questions are read by the same {@link QuestionQuery}, and both indexes
 * rank alike.
 *
 * <p>
 * Several application instances share the index: writes are idempotent (the article's
 * slug is the document id) and a full rebuild only adds, replaces and removes what the
 * database says.
 */
final class OpenSearchArticleSearch implements ArticleSearch {

	/**
	 * Stands in the phrase fields for a dropped stop word, so that positions stay as
	 * Lucene has them.
	 */
	static final String GAP = "_";

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private static final int BULK = 500;

	private static final int PAGE = 5_000;

	private final QuestionQuery questions;

	private final RestClient http;

	private final JsonMapper json;

	private final String index;

	private final Duration shardWait;

	/**
	 * @param timeout how long the client waits for an answer; the cluster is asked to
	 * answer a wait for a new shard a little sooner, so that a slow shard is reported by
	 * the cluster and not cut off by the client
	 */
	OpenSearchArticleSearch(LanguageAnalyzers analyzers, RestClient http, JsonMapper json, String index,
			Duration timeout) {
		this.questions = new QuestionQuery(analyzers);
		this.http = http;
		this.json = json;
		this.index = index;
		Duration sooner = timeout.minusMillis(500);
		this.shardWait = sooner.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : sooner;
	}

	@Override
	public void replaceAll(List<Document> documents) {
		createIndexIfMissing();
		Set<String> slugs = new HashSet<>();
		StringBuilder bulk = new StringBuilder();
		int pending = 0;
		for (Document document : documents) {
			slugs.add(document.slug());
			bulk.append(action("index", document.slug()))
				.append('\n')
				.append(json.writeValueAsString(source(document)))
				.append('\n');
			if (++pending == BULK) {
				bulk(bulk);
				bulk.setLength(0);
				pending = 0;
			}
		}
		for (String stale : storedSlugs()) {
			if (!slugs.contains(stale)) {
				bulk.append(action("delete", stale)).append('\n');
			}
		}
		if (!bulk.isEmpty()) {
			bulk(bulk);
		}
		call(HttpMethod.POST, "/" + index + "/_refresh", null);
	}

	@Override
	public void put(Document document) {
		createIndexIfMissing();
		call(HttpMethod.PUT, "/" + index + "/_doc/" + document.slug() + "?refresh=true", source(document));
	}

	@Override
	public void remove(String slug) {
		try {
			call(HttpMethod.DELETE, "/" + index + "/_doc/" + slug + "?refresh=true", null);
		}
		catch (HttpClientErrorException.NotFound alreadyGone) {
			// nothing to remove: it was never published, or another instance removed it
		}
	}

	@Override
	public List<Hit> search(String question, String language, int limit) {
		ObjectNode request = NODES.objectNode();
		try {
			request.set("query", OpenSearchQueryDsl.of(questions.build(question, language, this::known)));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		request.put("size", limit);
		request.putArray("_source").add("slug").add("titles");
		List<Hit> hits = new ArrayList<>();
		for (JsonNode hit : call(HttpMethod.POST, "/" + index + "/_search", request).path("hits").path("hits")) {
			Map<String, String> titles = new HashMap<>();
			hit.path("_source")
				.path("titles")
				.properties()
				.forEach(e -> titles.put(e.getKey(), e.getValue().asString()));
			hits.add(new Hit(hit.path("_source").path("slug").asString(), hit.path("_score").asDouble(), titles));
		}
		return hits;
	}

	/**
	 * Which of the words some article of the language holds, in one request: a filter per
	 * word, counted.
	 */
	private Set<String> known(String language, Collection<String> words) {
		ObjectNode request = NODES.objectNode();
		request.put("size", 0);
		ObjectNode filters = request.putObject("aggs").putObject("known").putObject("filters").putObject("filters");
		for (String word : words) {
			ArrayNode should = filters.putObject(word).putObject("bool").putArray("should");
			for (String part : QuestionQuery.FIELDS.keySet()) {
				should.addObject().putObject("term").put(field(language, part), OpenSearchQueryDsl.token(word));
			}
		}
		JsonNode buckets = call(HttpMethod.POST, "/" + index + "/_search", request).path("aggregations")
			.path("known")
			.path("buckets");
		Set<String> known = new HashSet<>();
		for (String word : words) {
			if (buckets.path(word).path("doc_count").asLong() > 0) {
				known.add(word);
			}
		}
		return known;
	}

	@Override
	public java.util.Optional<Hit> article(String slug) {
		try {
			JsonNode found = call(HttpMethod.GET, "/" + index + "/_doc/" + slug, null);
			Map<String, String> titles = new HashMap<>();
			found.path("_source")
				.path("titles")
				.properties()
				.forEach(e -> titles.put(e.getKey(), e.getValue().asString()));
			return java.util.Optional.of(new Hit(slug, 0, titles));
		}
		catch (HttpClientErrorException.NotFound none) {
			return java.util.Optional.empty();
		}
	}

	@Override
	public int size() {
		try {
			return call(HttpMethod.GET, "/" + index + "/_count", null).path("count").asInt();
		}
		catch (HttpClientErrorException.NotFound noIndexYet) {
			return 0;
		}
	}

	/**
	 * The document: original titles to show, and per language and part the analysed
	 * tokens to match.
	 */
	private ObjectNode source(Document document) {
		ObjectNode source = NODES.objectNode();
		source.put("slug", document.slug());
		source.put("category", document.category());
		ObjectNode titles = source.putObject("titles");
		document.texts().forEach((language, text) -> {
			titles.put(language, text.title());
			ObjectNode fields = source.putObject(language);
			Map<String, String> parts = Map.of("title", text.title(), "keywords", text.keywords(), "body", text.body());
			parts.forEach((part, value) -> analyse(language, value, part, fields));
		});
		return source;
	}

	/**
	 * All tokens go into the part's field (compound parts next to their word); the part's
	 * phrase field keeps only the words at their positions, with a {@link #GAP} where a
	 * stop word was.
	 */
	private void analyse(String language, String text, String part, ObjectNode fields) {
		StringBuilder all = new StringBuilder();
		StringBuilder sequence = new StringBuilder();
		try {
			questions.analyse(language, text, (token, step, end) -> {
				all.append(OpenSearchQueryDsl.token(token)).append(' ');
				if (step > 0) {
					sequence.append((GAP + " ").repeat(step - 1)).append(OpenSearchQueryDsl.token(token)).append(' ');
				}
			});
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		fields.put(part, all.toString().strip());
		if (QuestionQuery.PAIR_FIELDS.contains(part)) {
			fields.put(part + OpenSearchQueryDsl.SEQUENCE, sequence.toString().strip());
		}
	}

	private void createIndexIfMissing() {
		try {
			call(HttpMethod.HEAD, "/" + index, null);
		}
		catch (HttpClientErrorException.NotFound missing) {
			try {
				call(HttpMethod.PUT, "/" + index, settingsAndMappings());
			}
			catch (HttpClientErrorException.BadRequest e) {
				if (!e.getResponseBodyAsString().contains("resource_already_exists_exception")) {
					throw e;
				} // another instance created it first
			}
			// a new index answers searches only once its shard has started
			call(HttpMethod.GET,
					"/_cluster/health/" + index
							+ "?wait_for_status=yellow&wait_for_no_initializing_shards=true&timeout="
							+ shardWait.toMillis() + "ms",
					null);
		}
	}

	/**
	 * One shard, so that word statistics are the whole index's, as in the embedded index.
	 */
	private static ObjectNode settingsAndMappings() {
		ObjectNode body = NODES.objectNode();
		// replicas as the cluster's default has them
		body.putObject("settings").put("number_of_shards", 1);
		ObjectNode mappings = body.putObject("mappings");
		mappings.put("dynamic", "strict");
		ObjectNode properties = mappings.putObject("properties");
		properties.putObject("slug").put("type", "keyword");
		properties.putObject("category").put("type", "keyword");
		properties.putObject("titles").put("type", "object").put("enabled", false);
		for (String language : LanguageAnalyzers.LANGUAGES) {
			ObjectNode fields = properties.putObject(language).putObject("properties");
			for (String part : QuestionQuery.FIELDS.keySet()) {
				fields.putObject(part).put("type", "text").put("analyzer", "whitespace");
			}
			for (String part : QuestionQuery.PAIR_FIELDS) {
				fields.putObject(part + OpenSearchQueryDsl.SEQUENCE).put("type", "text").put("analyzer", "whitespace");
			}
		}
		return body;
	}

	/** The slugs the index holds now, page by page in slug order. */
	private List<String> storedSlugs() {
		List<String> slugs = new ArrayList<>();
		String after = null;
		while (true) {
			ObjectNode request = NODES.objectNode();
			request.put("size", PAGE).put("_source", false);
			request.putArray("sort").addObject().put("slug", "asc");
			if (after != null) {
				request.putArray("search_after").add(after);
			}
			JsonNode hits = call(HttpMethod.POST, "/" + index + "/_search", request).path("hits").path("hits");
			for (JsonNode hit : hits) {
				slugs.add(hit.path("_id").asString());
			}
			if (hits.size() < PAGE) {
				return slugs;
			}
			after = slugs.getLast();
		}
	}

	private String action(String verb, String slug) {
		ObjectNode action = NODES.objectNode();
		action.putObject(verb).put("_index", index).put("_id", slug);
		return json.writeValueAsString(action);
	}

	private void bulk(StringBuilder lines) {
		byte[] body = http.post()
			.uri("/_bulk")
			.contentType(MediaType.parseMediaType("application/x-ndjson"))
			.body(lines.toString().getBytes(StandardCharsets.UTF_8))
			.retrieve()
			.body(byte[].class);
		JsonNode answer = json.readTree(body);
		if (answer.path("errors").asBoolean()) {
			for (JsonNode item : answer.path("items")) {
				JsonNode error = item.values().iterator().next().path("error");
				if (!error.isMissingNode()
						&& !(item.has("delete") && item.path("delete").path("status").asInt() == 404)) {
					throw new IllegalStateException("OpenSearch refused an article: " + error);
				}
			}
		}
	}

	private JsonNode call(HttpMethod method, String path, @Nullable JsonNode body) {
		RestClient.RequestBodySpec request = http.method(method).uri(path);
		if (body != null) {
			request.contentType(MediaType.APPLICATION_JSON).body(json.writeValueAsBytes(body));
		}
		byte[] answer = request.retrieve().body(byte[].class);
		return answer == null || answer.length == 0 ? NODES.objectNode() : json.readTree(answer);
	}

}
