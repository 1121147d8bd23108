package com.tpwallet.walletdesk;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The domain says what went wrong; the web edge alone speaks HTTP (after
 * ddd-by-examples/library's NoSpringInDomainLogicTest). No class of a module may use
 * Spring's HTTP or web types or the servlet API, except the web edge: controllers, pages,
 * filters, advice, configuration, HTTP clients of partners, and the few platform classes
 * named below.
 */
class DomainSpeaksNoHttpTest {

	/**
	 * Edge classes whose names do not say so, each because its whole job is at the edge.
	 */
	// reads the caller's address from the request
	static final Set<String> EDGE = Set.of("com.tpwallet.walletdesk.platform.ClientAddress",
			// staff pages' session and CSRF cookies
			"com.tpwallet.walletdesk.platform.SessionCookies", "com.tpwallet.walletdesk.platform.PageShell", // renders
																												// server
																												// pages
			// the one map from refusal kinds to HTTP statuses
			"com.tpwallet.walletdesk.platform.RefusalStatus",
			// RFC 9457 problem bodies
			"com.tpwallet.walletdesk.platform.internal.ProblemFactory",
			"com.tpwallet.walletdesk.platform.internal.ProblemWriter",
			// the problem responses of each operation in the OpenAPI document
			"com.tpwallet.walletdesk.platform.internal.ProblemResponses",
			// addresses refused by Spring Security's firewall and by Tomcat itself
			"com.tpwallet.walletdesk.platform.internal.RejectedAddresses",
			"com.tpwallet.walletdesk.platform.internal.CallerLocaleResolver",
			"com.tpwallet.walletdesk.platform.internal.ThymeleafPageShell",
			// WebSocket transport
			"com.tpwallet.walletdesk.chat.internal.StreamedTextMessages",
			// WebSocket session events
			"com.tpwallet.walletdesk.chat.internal.ChatPresence",
			// HTTP client set-up for money partners
			"com.tpwallet.walletdesk.wallet.internal.AcquirerConnection",
			// stores and replays HTTP answers by key
			"com.tpwallet.walletdesk.wallet.internal.IdempotentRequests",
			// OpenSearch's HTTP API
			"com.tpwallet.walletdesk.knowledge.internal.OpenSearchArticleSearch");

	static final DescribedPredicate<JavaClass> DOMAIN = DescribedPredicate.describe("domain classes",
			c -> !isEdge(c.getName().contains("$") ? c.getName().substring(0, c.getName().indexOf('$')) : c.getName()));

	static boolean isEdge(String name) {
		String simple = name.substring(name.lastIndexOf('.') + 1);
		return EDGE.contains(name) || simple.startsWith("Http")
				|| simple.matches(".*(Controller|Pages|Filter|Advice|Configuration|Requirement)");
	}

	/**
	 * Code Spring generated from ours at build time (ADR 0014), present once the project
	 * has been packaged: the bean definitions name whatever the beans are built from.
	 */
	static final ImportOption NOT_GENERATED = location -> !location
		.matches(Pattern.compile(".*(__|\\$\\$SpringCGLIB\\$\\$)[^/]*\\.class"));

	@Test
	void domainClassesUseNeitherHttpNorWebNorServletTypes() {
		JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.withImportOption(NOT_GENERATED)
			.importPackages("com.tpwallet.walletdesk");
		noClasses().that(DOMAIN)
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework.http..", "org.springframework.web..", "jakarta.servlet..")
			.check(classes);
	}

}
