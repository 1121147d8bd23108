package com.tpwallet.walletdesk.risk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * What the risk monitor says to people exists in Chinese, English, French and German: the
 * notices the customer gets, the rules and decisions in words for agents, the ticket.
 */
class RiskWordsTest {

	static final List<Locale> LANGUAGES = List.of(Locale.forLanguageTag("zh-CN"), Locale.ENGLISH, Locale.FRENCH,
			Locale.GERMAN);

	final ResourceBundleMessageSource messages = messages();

	static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource source = new ResourceBundleMessageSource();
		source.setBasename("messages");
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		source.setUseCodeAsDefaultMessage(false);
		return source;
	}

	static List<String> keys() {
		List<String> keys = new ArrayList<>();
		for (String notice : List.of("risk-freeze", "risk-hold", "step-up", "password-reset-forced")) {
			keys.add("notification." + notice + ".subject");
			keys.add("notification." + notice + ".text");
		}
		for (RiskRule rule : RiskRule.values()) {
			keys.add("risk.rule." + rule.code());
		}
		for (String decision : List.of("allow", "step_up", "hold", "freeze")) {
			keys.add("risk.decision." + decision);
		}
		for (String status : List.of("open", "confirmed", "released")) {
			keys.add("risk.alert.status." + status);
		}
		keys.addAll(List.of("risk.ticket.subject.freeze", "risk.ticket.subject.hold", "risk.ticket.body.freeze",
				"risk.ticket.body.hold", "risk.ticket.model_only", "problem.risk_step_up_required",
				"problem.risk_review", "problem.step_up_code_invalid"));
		return keys;
	}

	@Test
	void everyTextExistsInTheFourLanguagesAndEachLanguageHasItsOwn() {
		for (String key : keys()) {
			List<String> texts = LANGUAGES.stream()
				.map(locale -> messages.getMessage(key, new Object[] { "123456", 10 }, locale))
				.toList();
			assertThat(texts).as(key).doesNotHaveDuplicates().allMatch(t -> !t.isBlank() && !t.contains("{"));
		}
	}

	@Test
	void theFreezeNoticeTellsTheCustomerWhatToDoInTheirLanguage() {
		assertThat(messages.getMessage("notification.risk-freeze.text", null, Locale.forLanguageTag("zh-CN")))
			.contains("联系客服");
		assertThat(messages.getMessage("notification.risk-freeze.text", null, Locale.FRENCH))
			.contains("contactez le service client");
		assertThat(messages.getMessage("notification.risk-freeze.text", null, Locale.GERMAN)).contains("Kundenservice");
		assertThat(messages.getMessage("notification.step-up.text", new Object[] { "123456", 10 }, Locale.FRENCH))
			.contains("123456")
			.contains("10 minutes");
	}

}
