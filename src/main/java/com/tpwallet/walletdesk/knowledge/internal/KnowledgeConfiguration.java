package com.tpwallet.walletdesk.knowledge.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class KnowledgeConfiguration {

	@Bean
	ArticleSearch articleSearch() {
		return new LuceneArticleSearch(new LanguageAnalyzers());
	}
}
