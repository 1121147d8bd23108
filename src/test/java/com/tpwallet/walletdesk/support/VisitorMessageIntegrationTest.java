package com.tpwallet.walletdesk.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.tpwallet.walletdesk.Api;
import com.tpwallet.walletdesk.HttpTestBase;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Someone who cannot sign in leaves a message with a phone number or an e-mail address:
 * it becomes a ticket with who they say they are, and the agent's answer goes to them
 * there.
 */
class VisitorMessageIntegrationTest extends HttpTestBase {

	private static Map<String, Object> message(String name, String phone, String email, String text) {
		Map<String, Object> body = new HashMap<>();
		body.put("name", name);
		body.put("phone", phone);
		body.put("email", email);
		body.put("message", text);
		body.put("language", "de");
		return body;
	}

	private List<String> sentTo(String recipient) {
		return jdbc.sql("SELECT body FROM notification WHERE recipient = ? ORDER BY created_at")
			.param(recipient)
			.query(String.class)
			.list();
	}

	@Test
	void aLockedOutVisitorsMessageBecomesATicketAndTheAnswerGoesToTheirPhoneBySms() {
		String phone = Api.newPhone();
		String typed = phone.substring(3, 6) + " " + phone.substring(6, 10) + " " + phone.substring(10);
		Api.Response received = api.post("/api/v1/visitor-messages",
				message("Jonas Weber", typed, null, "Mein Konto ist gesperrt\nIch komme nicht mehr hinein."), null);
		assertThat(received.status()).isEqualTo(201);
		assertThat(received.text("answeredBy")).isEqualTo("sms");
		long number = received.body().path("ticketNumber").asLong();
		assertThat(received.text("answerBy")).isNotBlank();

		String id = jdbc.sql("SELECT id::text FROM ticket WHERE number = ?").param(number).query(String.class).single();
		String supervisor = api.staffToken("SUPERVISOR");
		JsonNode ticket = api.get("/api/v1/staff/tickets/" + id, supervisor).body().path("ticket");
		assertThat(ticket.path("subject").asString()).isEqualTo("Mein Konto ist gesperrt");
		assertThat(ticket.path("language").asString()).isEqualTo("de");
		assertThat(ticket.path("customerId").isMissingNode()).isTrue();
		assertThat(ticket.path("statedContact").path("name").asString()).isEqualTo("Jonas Weber");
		assertThat(ticket.path("statedContact").path("phone").asString()).isEqualTo(phone);

		api.post("/api/v1/tickets/" + id + "/entries", Map.of("body", "Rufen Sie uns bitte an."), supervisor);
		assertThat(sentTo(phone))
			.containsExactly("[tpWallet] Antwort auf Ihre Nachricht Nr. " + number + ": Rufen Sie uns bitte an.");
	}

	@Test
	void withOnlyAnEmailAddressTheAnswerGoesByEmail() {
		String email = "visitor." + System.nanoTime() + "@example.de";
		Api.Response received = api.post("/api/v1/visitor-messages",
				message("Jonas", null, email, "Wie eröffne ich ein Konto?"), null);
		assertThat(received.status()).isEqualTo(201);
		assertThat(received.text("answeredBy")).isEqualTo("email");
		long number = received.body().path("ticketNumber").asLong();
		String id = jdbc.sql("SELECT id::text FROM ticket WHERE number = ?").param(number).query(String.class).single();
		api.post("/api/v1/tickets/" + id + "/entries", Map.of("body", "Laden Sie die App herunter."),
				api.staffToken("SUPERVISOR"));
		assertThat(sentTo(email)).hasSize(1).first().asString().contains("Laden Sie die App herunter.");
	}

	@Test
	void withoutAWayToAnswerOrWithABadNumberNothingIsStored() {
		long before = jdbc.sql("SELECT count(*) FROM ticket").query(Long.class).single();
		Api.Response noContact = api.post("/api/v1/visitor-messages", message("Jonas", "", "", "Hallo"), null,
				"Accept-Language", "de");
		assertThat(noContact.status()).isEqualTo(422);
		assertThat(noContact.code()).isEqualTo("visitor_contact_required");
		assertThat(noContact.text("detail")).isEqualTo(
				"Bitte geben Sie eine Telefonnummer oder eine E-Mail-Adresse an, damit wir Ihnen antworten können.");
		assertThat(api.post("/api/v1/visitor-messages", message("Jonas", "12345", null, "Hallo"), null).code())
			.isEqualTo("visitor_phone_invalid");
		assertThat(api.post("/api/v1/visitor-messages", message("", "13800138000", null, "Hallo"), null).status())
			.isEqualTo(400);
		assertThat(jdbc.sql("SELECT count(*) FROM ticket").query(Long.class).single()).isEqualTo(before);
	}

}
