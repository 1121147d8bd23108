package com.tpwallet.walletdesk.announcements.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.tpwallet.walletdesk.Api;
import com.tpwallet.walletdesk.HttpTestBase;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An announcement sent by e-mail too: once published, each customer of its audience who
 * has an address gets it once, in their language, through the notification outbox.
 */
class AnnouncementMailingIntegrationTest extends HttpTestBase {

	@Autowired
	AnnouncementMailing mailing;

	String customerWithEmail(String language) {
		String email = "news-" + UUID.randomUUID() + "@example.com";
		assertThat(api
			.post("/api/v1/customers", Map.of("email", email, "password", Api.PASSWORD, "language", language), null)
			.status()).isEqualTo(201);
		return email;
	}

	List<String> subjectsTo(String email) {
		return jdbc
			.sql("SELECT subject FROM notification WHERE recipient = ? AND channel = 'EMAIL' ORDER BY created_at")
			.param(email)
			.query(String.class)
			.list();
	}

	@Test
	void theAudienceGetsItOnceByEmailInItsLanguageWhenItIsPublished() {
		String french = customerWithEmail("fr");
		String english = customerWithEmail("en");
		Map<String, Object> texts = Map.of("zh-CN", Map.of("title", "新功能", "body", "正文"), "en",
				Map.of("title", "New feature", "body", "Body"), "fr",
				Map.of("title", "Nouvelle fonction", "body", "Texte"), "de",
				Map.of("title", "Neue Funktion", "body", "Text"));
		String supervisor = api.staffToken("SUPERVISOR");
		Instant later = Instant.now().plusSeconds(3600);
		api.post("/api/v1/staff/announcements",
				Map.of("translations", texts, "language", "fr", "email", true, "publishAt", later.toString()),
				supervisor);
		mailing.run();
		assertThat(subjectsTo(french)).as("not before it is published").isEmpty();

		api.post("/api/v1/staff/announcements", Map.of("translations", texts, "language", "fr", "email", true),
				supervisor);
		mailing.run();
		mailing.run();
		assertThat(subjectsTo(french)).containsExactly("tpWallet : Nouvelle fonction");
		assertThat(subjectsTo(english)).as("not in the audience").isEmpty();
	}

}
