package com.tpwallet.walletdesk.knowledge.internal;

import com.tpwallet.walletdesk.platform.HttpPartner;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The article index: embedded Lucene unless {@code walletdesk.knowledge.opensearch.url}
 * names an OpenSearch (or Elasticsearch) cluster.
 */
@Configuration(proxyBeanMethods = false)
class KnowledgeConfiguration {

	@Bean
	LanguageAnalyzers languageAnalyzers() {
		return new LanguageAnalyzers();
	}

	@Bean
	@ConditionalOnProperty("walletdesk.knowledge.opensearch.url")
	ArticleSearch openSearchArticleSearch(LanguageAnalyzers analyzers, JsonMapper json,
			@Value("${walletdesk.knowledge.opensearch.url}") String url,
			@Value("${walletdesk.knowledge.opensearch.index:walletdesk-articles}") String index,
			@Value("${walletdesk.knowledge.opensearch.username:}") String username,
			@Value("${walletdesk.knowledge.opensearch.password:}") String password,
			@Value("${walletdesk.knowledge.opensearch.timeout:PT5S}") Duration timeout) {
		RestClient.Builder http = HttpPartner.client(RestClient.builder(), url, timeout);
		if (StringUtils.hasText(username)) {
			http.defaultHeaders(headers -> headers.setBasicAuth(username, password));
		}
		return new OpenSearchArticleSearch(analyzers, http.build(), json, index, timeout);
	}

	@Bean
	@ConditionalOnMissingBean
	ArticleSearch articleSearch(LanguageAnalyzers analyzers) {
		return new LuceneArticleSearch(analyzers);
	}

}
