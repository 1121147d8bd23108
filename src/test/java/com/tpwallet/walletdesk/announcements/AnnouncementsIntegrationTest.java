package com.tpwallet.walletdesk.announcements;

import static org.assertj.core.api.Assertions.assertThat;

import com.tpwallet.walletdesk.Api;
import com.tpwallet.walletdesk.Api.Response;
import com.tpwallet.walletdesk.HttpTestBase;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Announcements: supervisors publish in the four languages (all of them, or it is
 * refused), customers read them in their own language, unread until they open them; one
 * for a language reaches only its customers.
 */
class AnnouncementsIntegrationTest extends HttpTestBase {

	static Map<String, Object> texts(String tag) {
		Map<String, Object> texts = new HashMap<>();
		for (String l : new String[] { "zh-CN", "en", "fr", "de" }) {
			texts.put(l, Map.of("title", tag + " " + l, "body", "Body " + l));
		}
		return texts;
	}

	JsonNode find(String customer, String id) {
		for (JsonNode item : api.get("/api/v1/announcements", customer).body().path("items")) {
			if (item.path("id").asString().equals(id)) {
				return item;
			}
		}
		return null;
	}

	@Test
	void aCustomerReadsTheAnnouncementInTheirLanguageAndItStaysRead() {
		String supervisor = api.staffToken("SUPERVISOR");
		Response published = api.post("/api/v1/staff/announcements", Map.of("translations", texts("Dark mode")),
				supervisor);
		assertThat(published.status()).isEqualTo(201);
		String id = published.text("id");
		String german = api.login(api.registerCustomer("de"), Api.PASSWORD);
		JsonNode item = find(german, id);
		assertThat(item.path("title").asString()).isEqualTo("Dark mode de");
		assertThat(item.path("read").asBoolean()).isFalse();
		long unread = api.get("/api/v1/announcements", german).body().path("unread").asLong();
		assertThat(api.post("/api/v1/announcements/" + id + "/read", Map.of(), german).status()).isEqualTo(204);
		assertThat(find(german, id).path("read").asBoolean()).isTrue();
		assertThat(api.get("/api/v1/announcements", german).body().path("unread").asLong()).isEqualTo(unread - 1);
		assertThat(api.post("/api/v1/staff/announcements", Map.of("translations", texts("x")), german).status())
			.isEqualTo(403);
	}

	JsonNode find(String customer, String id, String appVersion) {
		for (JsonNode item : api.get("/api/v1/announcements?appVersion=" + appVersion, customer).body().path("items")) {
			if (item.path("id").asString().equals(id)) {
				return item;
			}
		}
		return null;
	}

	@Test
	void anAnnouncementForSomeAppVersionsReachesTheAppsThatReportOneOfThem() {
		String supervisor = api.staffToken("SUPERVISOR");
		String id = api
			.post("/api/v1/staff/announcements",
					Map.of("translations", texts("Update 3.4"), "appVersions", java.util.List.of("3.4", "2.9.1")),
					supervisor)
			.text("id");
		String customer = api.login(api.registerCustomer("en"), Api.PASSWORD);
		assertThat(find(customer, id, "3.4.2")).isNotNull();
		assertThat(find(customer, id, "2.9.1")).isNotNull();
		assertThat(find(customer, id, "3.40")).as("3.40 is not a 3.4 release").isNull();
		assertThat(find(customer, id)).as("an app that does not say its version").isNull();
		assertThat(api.get("/api/v1/announcements?appVersion=latest", customer).code())
			.isEqualTo("app_version_invalid");
		assertThat(api.post("/api/v1/announcements/" + id + "/read?appVersion=3.4.2", Map.of(), customer).status())
			.isEqualTo(204);
		assertThat(find(customer, id, "3.4.2").path("read").asBoolean()).isTrue();
		for (Map<String, Object> bad : java.util.List.<Map<String, Object>>of(
				Map.of("translations", texts("x"), "appVersions", java.util.List.of("3.x")),
				Map.of("translations", texts("x"), "appVersions", java.util.List.of()),
				Map.of("translations", texts("x"), "appVersions", java.util.List.of("3.4"), "email", true),
				Map.of("translations", texts("x"), "feedbackGroupId", java.util.UUID.randomUUID()))) {
			assertThat(api.post("/api/v1/staff/announcements", bad, supervisor).code()).as(bad.toString())
				.isEqualTo("announcement_audience_invalid");
		}
	}

	@Test
	void anAnnouncementForAFeedbackGroupReachesTheCustomersWhoGaveThatFeedback() {
		String asked = api.login(api.registerCustomer("de"), Api.PASSWORD);
		String feedback = api
			.post("/api/v1/feedback", Map.of("text", "Bitte einen Dunkelmodus für die App, nachts blendet sie"), asked)
			.text("id");
		String group = jdbc.sql("SELECT group_id::text FROM feedback WHERE id = ?::uuid")
			.param(feedback)
			.query(String.class)
			.single();
		String id = api
			.post("/api/v1/staff/announcements",
					Map.of("translations", texts("Dark mode is here"), "feedbackGroupId", group),
					api.staffToken("SUPERVISOR"))
			.text("id");
		assertThat(find(asked, id)).isNotNull();
		assertThat(find(api.login(api.registerCustomer("de"), Api.PASSWORD), id)).isNull();
	}

	@Test
	void everyLanguageIsRequiredAndALanguageAudienceReachesOnlyItsCustomers() {
		String supervisor = api.staffToken("SUPERVISOR");
		Map<String, Object> three = texts("Partial");
		three.remove("fr");
		Response refused = api.post("/api/v1/staff/announcements", Map.of("translations", three), supervisor);
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.code()).isEqualTo("announcement_translations_incomplete");
		String id = api
			.post("/api/v1/staff/announcements", Map.of("translations", texts("Nur fr"), "language", "fr"), supervisor)
			.text("id");
		assertThat(find(api.login(api.registerCustomer("fr"), Api.PASSWORD), id)).isNotNull();
		String english = api.login(api.registerCustomer("en"), Api.PASSWORD);
		assertThat(find(english, id)).isNull();
		assertThat(api.post("/api/v1/announcements/" + id + "/read", Map.of(), english).code())
			.isEqualTo("announcement_not_found");
	}

}
