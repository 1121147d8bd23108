package com.tpwallet.walletdesk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/**
 * Every text a person reads exists in zh-CN, en, fr and de: message keys (pages,
 * problems, notices, IVR prompts, words), macros, help-centre articles and the feedback
 * training data. A text left identical to English where a translation is expected fails
 * too, unless it is a name or a word the languages share.
 */
class EveryTextInFourLanguagesTest {

	static final Map<String, String> BUNDLES = Map.of("en", "messages.properties", "fr", "messages_fr.properties", "de",
			"messages_de.properties", "zh-CN", "messages_zh_CN.properties");

	/** Values the four languages write alike: names, codes, shared words. */
	static final Set<String> SAME_EVERYWHERE = Set.of("PayPal", "Apple Pay", "App", "Web", "Chat", "Ticket", "E-mail",
			"Widget", "Question", "Questions", "Transaction", "Description", "Notifications", "Service client",
			"Support", "Date", "Type", "Total", "Version", "Status", "Information", "Code");

	static Properties load(String name) throws IOException {
		Properties p = new Properties();
		try (var in = new InputStreamReader(new ClassPathResource(name).getInputStream(), StandardCharsets.UTF_8)) {
			p.load(in);
		}
		return p;
	}

	@Test
	void everyMessageKeyExistsInTheFourLanguages() throws IOException {
		Properties en = load(BUNDLES.get("en"));
		List<String> missing = new ArrayList<>();
		for (var bundle : BUNDLES.entrySet()) {
			Properties other = load(bundle.getValue());
			for (String key : en.stringPropertyNames()) {
				if (!other.containsKey(key) || other.getProperty(key).isBlank()) {
					missing.add(bundle.getKey() + ": " + key);
				}
			}
			for (String key : other.stringPropertyNames()) {
				if (!en.containsKey(key)) {
					missing.add("en: " + key + " (only in " + bundle.getKey() + ")");
				}
			}
		}
		assertThat(missing).isEmpty();
	}

	@Test
	void noChineseTextIsLeftInEnglish() throws IOException {
		Properties en = load(BUNDLES.get("en"));
		Properties zh = load(BUNDLES.get("zh-CN"));
		List<String> untranslated = new TreeSet<>(en.stringPropertyNames()).stream()
			.filter(key -> zh.getProperty(key, "").equals(en.getProperty(key)))
			.filter(key -> en.getProperty(key).chars().filter(Character::isLetter).count() > 3)
			.filter(key -> !SAME_EVERYWHERE.contains(en.getProperty(key)))
			.filter(key -> !en.getProperty(key).matches("[A-Za-z]+ [A-Za-z]+ Pay|[A-Z0-9 ]+"))
			.toList();
		assertThat(untranslated).as("keys whose Chinese text is the English one").isEmpty();
	}

	/**
	 * French or German texts that are the English one on purpose: the same word in both
	 * languages (Message, Question, Status, Ticket, Screenshot), names and codes.
	 */
	static final Set<String> SHARED_WITH_ENGLISH = Set.of("fr:page.recovery.code", "de:page.recovery.code",
			"fr:page.duration.hours", "fr:page.help.message", "fr:page.supervisor.csat", "fr:mail.reply.subject",
			"fr:page.supervisor.risk.score", "fr:page.disputes.ticket", "fr:page.feedback.kind.question",
			"fr:page.feedback.kinds.question", "fr:page.feedback.theme.code", "fr:page.feedback.theme.paypal",
			"fr:page.feedback.theme.apple_pay", "fr:page.feedback.theme.widget", "fr:page.feedback.theme.rude",
			"fr:page.feedback.theme.notifications", "fr:page.product.channel.chat", "fr:page.product.channel.email",
			"de:page.agent.filter.status", "de:page.agent.status", "de:page.priority.normal",
			"de:page.editor.field.status", "de:page.editor.field.body", "de:chat.transcript.system",
			"de:page.chat.from.system", "de:mail.reply.subject", "de:page.disputes.ticket",
			"de:page.feedback.sentiment.neutral", "de:page.feedback.theme.paypal", "de:page.feedback.theme.apple_pay",
			"de:page.product.channel.chat", "de:page.help.feedback.screenshot", "fr:page.agent.timeline.ticket",
			"de:page.agent.timeline.ticket");

	@Test
	void noFrenchOrGermanTextIsLeftInEnglishUnlessTheWordIsTheSame() throws IOException {
		Properties en = load(BUNDLES.get("en"));
		List<String> untranslated = new ArrayList<>();
		for (String language : List.of("fr", "de")) {
			Properties other = load(BUNDLES.get(language));
			for (String key : new TreeSet<>(en.stringPropertyNames())) {
				String value = en.getProperty(key);
				if (value.equals(other.getProperty(key)) && value.chars().filter(Character::isLetter).count() > 3
						&& !SHARED_WITH_ENGLISH.contains(language + ":" + key)) {
					untranslated.add(language + ":" + key + " = " + value);
				}
			}
		}
		assertThat(untranslated).isEmpty();
	}

	@Test
	void everyMacroAndArticleIsWrittenInTheFourLanguages() throws IOException {
		Properties en = load("support/macros_en.properties");
		for (String language : List.of("fr", "de", "zh-CN")) {
			assertThat(load("support/macros_" + language + ".properties").stringPropertyNames())
				.as("macros in " + language)
				.containsExactlyInAnyOrderElementsOf(en.stringPropertyNames());
		}
		Path articles = Path.of("src/main/resources/knowledge/articles");
		try (Stream<Path> slugs = Files.list(articles)) {
			for (Path slug : slugs.filter(Files::isDirectory).toList()) {
				for (String language : List.of("zh-CN", "en", "fr", "de")) {
					assertThat(slug.resolve(language + ".md")).as(slug.getFileName() + " in " + language).exists();
				}
			}
		}
		for (String language : List.of("zh-CN", "en", "fr", "de")) {
			assertThat(new ClassPathResource("feedback/training/" + language + ".tsv").exists()).isTrue();
		}
	}

}
