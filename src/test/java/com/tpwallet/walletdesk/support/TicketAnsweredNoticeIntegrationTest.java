package com.tpwallet.walletdesk.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.tpwallet.walletdesk.Api;
import com.tpwallet.walletdesk.HttpTestBase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A customer hears when an agent answers their ticket: in the app and by SMS, in their
 * language, with a link to the ticket; an internal note tells them nothing.
 */
class TicketAnsweredNoticeIntegrationTest extends HttpTestBase {

	List<String> sentTo(String recipient) {
		return jdbc.sql(
				"SELECT body FROM notification WHERE recipient = ? AND body LIKE '%tpWallet] Nous avons%' ORDER BY created_at")
			.param(recipient)
			.query(String.class)
			.list();
	}

	@Test
	void anAnswerIsAnnouncedInTheAppAndBySmsAndANoteIsNot() {
		String phone = api.registerCustomer("fr");
		String token = api.login(phone, Api.PASSWORD);
		Api.Response opened = api.post("/api/v1/tickets",
				Map.of("subject", "Carte refusée", "message", "Ma carte est refusée", "language", "fr"), token);
		String id = opened.text("id");
		long number = opened.body().path("number").asLong();
		String customerId = api.get("/api/v1/me", token).text("id");
		String supervisor = api.staffToken("SUPERVISOR");
		api.post("/api/v1/tickets/" + id + "/entries", Map.of("body", "Note pour l'équipe", "internal", true),
				supervisor);
		assertThat(sentTo(phone)).isEmpty();

		api.post("/api/v1/tickets/" + id + "/entries", Map.of("body", "Essayez une autre carte."), supervisor);
		String expected = "[tpWallet] Nous avons répondu à votre ticket n° " + number
				+ " « Carte refusée ». Lisez la réponse et répondez ici : http://localhost:8080/help/tickets?lang=fr";
		assertThat(sentTo(phone)).containsExactly(expected);
		assertThat(sentTo(customerId)).containsExactly(expected);
	}

}
