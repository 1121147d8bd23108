package com.tpwallet.walletdesk.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import com.tpwallet.walletdesk.Api;
import com.tpwallet.walletdesk.Api.Response;
import com.tpwallet.walletdesk.HttpTestBase;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;

/**
 * The hotline: CTI event sequences into the call log, blocked numbers, the IVR in TwiML.
 */
class TelephonyIntegrationTest extends HttpTestBase {

	static final String CTI = "/api/v1/cti/test-cti-token";

	String admin;

	String phone;

	String customerId;

	@BeforeEach
	void customer() {
		admin = api.adminToken();
		phone = api.registerCustomer("fr");
		customerId = api.get("/api/v1/me", api.login(phone, Api.PASSWORD)).text("id");
	}

	Response cti(Map<String, Object> event) {
		return api.post(CTI, event, null);
	}

	static Map<String, Object> event(String event, String callId, String from, Object... more) {
		Map<String, Object> e = new HashMap<>(
				Map.of("event", event, "callId", callId, "from", from, "to", "4001234567", "direction", "in"));
		for (int i = 0; i < more.length; i += 2) {
			e.put((String) more[i], more[i + 1]);
		}
		return e;
	}

	/** The customer's number as Chinese phone systems write it: 0086 and spaces. */
	String written(String e164) {
		String national = e164.substring(3);
		return "0086 " + national.substring(0, 3) + " " + national.substring(3, 7) + " " + national.substring(7);
	}

	JsonNode callOf(String callId) {
		JsonNode items = api.get("/api/v1/staff/calls?customerId=" + customerId, admin).body().path("items");
		return items.valueStream().filter(c -> c.path("callId").asString().equals(callId)).findFirst().orElseThrow();
	}

	@Test
	void anAnsweredCallIsLoggedWithItsAgentWaitAndTalkTime() {
		String id = UUID.randomUUID().toString();
		clock.setTo(Instant.parse("2026-11-24T03:00:00Z"));
		assertThat(cti(event("newCall", id, written(phone), "user", List.of(), "queue", "hotline")).status())
			.isEqualTo(200);
		clock.advance(java.time.Duration.ofSeconds(12));
		cti(event("answer", id, written(phone), "user", List.of("agent.wang"), "answeringNumber", "agent.wang"));
		clock.advance(java.time.Duration.ofSeconds(95));
		cti(event("hangup", id, written(phone), "cause", "normalClearing"));
		JsonNode call = callOf(id);
		assertThat(call.path("state").asString()).isEqualTo("ended");
		assertThat(call.path("agent").asString()).isEqualTo("agent.wang");
		assertThat(call.path("waitSeconds").asLong()).isEqualTo(12);
		assertThat(call.path("talkSeconds").asLong()).isEqualTo(95);
		assertThat(call.path("customerId").asString()).isEqualTo(customerId);
	}

	@Test
	void aCallHungUpWhileRingingIsMissedAndInAQueueAbandonedAndBecomesACallbackInOpeningHours() {
		clock.setTo(Instant.parse("2026-11-24T03:00:00Z")); // Tuesday 11:00 in Beijing
		String missed = UUID.randomUUID().toString();
		cti(event("newCall", missed, phone.substring(3)));
		cti(event("hangup", missed, phone.substring(3), "cause", "cancel"));
		String abandoned = UUID.randomUUID().toString();
		cti(event("newCall", abandoned, phone, "queue", "hotline"));
		cti(event("hangup", abandoned, phone, "cause", "cancel"));
		assertThat(callOf(missed).path("state").asString()).isEqualTo("missed");
		assertThat(callOf(abandoned).path("state").asString()).isEqualTo("abandoned");
		String ticket = callOf(missed).path("ticketId").asString();
		JsonNode detail = api.get("/api/v1/staff/tickets/" + ticket, admin).body().path("ticket");
		assertThat(detail.path("channel").asString()).isEqualTo("phone");
		assertThat(detail.path("sla").path("firstResponseDue").isNull()).isFalse();
	}

	@Test
	void aCallMissedAtNightOpensNoCallback() {
		clock.setTo(Instant.parse("2026-11-24T15:00:00Z")); // 23:00 in Beijing
		String id = UUID.randomUUID().toString();
		cti(event("newCall", id, phone));
		cti(event("hangup", id, phone, "cause", "noAnswer"));
		assertThat(callOf(id).path("state").asString()).isEqualTo("missed");
		assertThat(callOf(id).path("ticketId").isNull() || callOf(id).path("ticketId").isMissingNode()).isTrue();
	}

	@Test
	void aSecondAgentAnsweringIsATransferAndRepeatedEventsChangeNothing() {
		String id = UUID.randomUUID().toString();
		cti(event("newCall", id, phone));
		cti(event("newCall", id, phone));
		cti(event("answer", id, phone, "answeringNumber", "agent.wang"));
		cti(event("answer", id, phone, "answeringNumber", "agent.dubois"));
		cti(event("hangup", id, phone, "cause", "normalClearing"));
		cti(event("hangup", id, phone, "cause", "normalClearing"));
		JsonNode call = callOf(id);
		assertThat(call.path("agent").asString()).isEqualTo("agent.dubois");
		assertThat(call.path("transfers").asInt()).isEqualTo(1);
		assertThat(call.path("state").asString()).isEqualTo("ended");
	}

	@Test
	void aBlockedNumberIsRejectedAndBlockingIsAudited() throws Exception {
		String supervisor = api.staffToken("SUPERVISOR");
		Response blocked = api.post("/api/v1/staff/blocked-numbers",
				Map.of("number", written(phone), "reason", "abuse"), supervisor);
		assertThat(blocked.status()).isEqualTo(201);
		assertThat(blocked.text("number")).isEqualTo(phone);
		assertThat(api
			.post("/api/v1/staff/blocked-numbers", Map.of("number", phone, "reason", "x"), api.staffToken("AGENT"))
			.status()).isEqualTo(403);
		String id = UUID.randomUUID().toString();
		Response answer = cti(event("newCall", id, phone));
		assertThat(answer.text("action")).isEqualTo("reject");
		assertThat(answer.text("reason")).isEqualTo("busy");
		assertThat(callOf(id).path("state").asString()).isEqualTo("rejected");
		assertThat(api.call("DELETE", "/api/v1/staff/blocked-numbers/" + phone, null, supervisor).status())
			.isEqualTo(204);
		assertThat(cti(event("newCall", UUID.randomUUID().toString(), phone)).body().size()).isZero();
		assertThat(jdbc
			.sql("SELECT count(*) FROM audit_entry WHERE action IN ('phone.number_blocked', "
					+ "'phone.number_unblocked') AND details LIKE ?")
			.param("%" + phone + "%")
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	@Test
	void aWrongTokenAnUnknownEventAndAFormPostAreHandled() throws Exception {
		assertThat(api.post("/api/v1/cti/wrong", event("newCall", "x", phone), null).status()).isEqualTo(404);
		Response unknown = cti(event("explode", UUID.randomUUID().toString(), phone));
		assertThat(unknown.status()).isEqualTo(422);
		assertThat(unknown.code()).isEqualTo("cti_event_unknown");
		String id = UUID.randomUUID().toString();
		cti(event("newCall", id, phone));
		var form = mvc
			.perform(MockMvcRequestBuilders.post(CTI)
				.contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.param("event", "answer")
				.param("callId", id)
				.param("from", phone)
				.param("user[]", "agent.schmidt")
				.param("direction", "in"))
			.andReturn();
		assertThat(form.getResponse().getStatus()).isEqualTo(200);
		assertThat(callOf(id).path("agent").asString()).isEqualTo("agent.schmidt");
		assertThat(api.get("/api/v1/staff/calls?customerId=" + customerId, api.login(phone, Api.PASSWORD)).status())
			.isEqualTo(403);
	}

	@Test
	void agentsAddNotesAndLinkACallToANewPhoneTicket() {
		String id = UUID.randomUUID().toString();
		cti(event("newCall", id, phone));
		Response noted = api.post("/api/v1/staff/calls/" + id + "/notes", Map.of("body", "Asked about a withdrawal"),
				admin);
		assertThat(noted.status()).isEqualTo(201);
		assertThat(noted.body().path("notes").get(0).path("body").asString()).isEqualTo("Asked about a withdrawal");
		Response linked = api.post("/api/v1/staff/calls/" + id + "/ticket", Map.of(), admin);
		assertThat(linked.status()).isEqualTo(200);
		String ticket = linked.text("ticketId");
		assertThat(api.get("/api/v1/staff/tickets/" + ticket, admin).body().path("ticket").path("channel").asString())
			.isEqualTo("phone");
	}

	// ---- IVR

	Document ivr(String... fields) throws Exception {
		var request = MockMvcRequestBuilders.post("/api/v1/telephony/ivr")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED);
		for (int i = 0; i < fields.length; i += 2) {
			request.param(fields[i], fields[i + 1]);
		}
		var result = mvc.perform(request).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		assertThat(result.getResponse().getContentType()).startsWith("text/xml");
		byte[] xml = result.getResponse().getContentAsString(StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8);
		return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(xml));
	}

	static List<String[]> says(Document d) {
		NodeList nodes = d.getElementsByTagName("Say");
		List<String[]> out = new ArrayList<>();
		for (int i = 0; i < nodes.getLength(); i++) {
			Element e = (Element) nodes.item(i);
			out.add(new String[] { e.getAttribute("language"), e.getTextContent() });
		}
		return out;
	}

	@Test
	void theFirstAnswerOffersEachLanguageInItselfAndAChineseNumberDefaultsToChinese() throws Exception {
		Document first = ivr("From", "+8613800000001", "CallSid", "CA" + UUID.randomUUID());
		assertThat(first.getElementsByTagName("Gather").getLength()).isEqualTo(1);
		assertThat(says(first)).extracting(s -> s[0]).containsExactly("cmn-CN", "en-US", "fr-FR", "de-DE");
		String spoken = String.join(" ", says(first).stream().map(s -> s[1]).toList());
		assertThat(spoken).contains("中文", "English", "français", "Deutsch");
		assertThat(first.getElementsByTagName("Redirect").item(0).getTextContent()).endsWith("Digits=1");
		Document foreign = ivr("From", "+33612345678", "CallSid", "CA" + UUID.randomUUID());
		assertThat(foreign.getElementsByTagName("Redirect").item(0).getTextContent()).doesNotContain("Digits");
	}

	@ParameterizedTest(name = "digit {0} continues in {1}")
	@CsvSource({ "1,cmn-CN", "2,en-US", "3,fr-FR", "4,de-DE" })
	void eachLanguageDigitContinuesInThatLanguage(String digit, String voice) throws Exception {
		String sid = "CA" + UUID.randomUUID();
		ivr("From", "+8613800000001", "CallSid", sid);
		Document topics = ivr("From", "+8613800000001", "CallSid", sid, "Digits", digit);
		assertThat(says(topics)).isNotEmpty().allSatisfy(s -> assertThat(s[0]).isEqualTo(voice));
	}

	@Test
	void garbageGetsASpokenApologyAndTheMenuAgain() throws Exception {
		Document noSid = ivr("From", "+8613800000001");
		assertThat(noSid.getElementsByTagName("Gather").getLength()).isEqualTo(1);
		String sid = "CA" + UUID.randomUUID();
		Document garbage = ivr("CallSid", sid, "Digits", "<script>");
		assertThat(says(garbage).get(0)[1]).isEqualTo("Sorry, that was not one of the choices.");
		assertThat(garbage.getElementsByTagName("Gather").getLength()).isEqualTo(1);
		ivr("CallSid", sid, "Digits", "2");
		Document again = ivr("CallSid", sid, "Digits", "9");
		assertThat(says(again).get(0)[1]).isEqualTo("Sorry, that was not one of the choices.");
	}

	@Test
	void outsideOpeningHoursTheCallerLeavesAVoiceMessageThatBecomesATicket() throws Exception {
		clock.setTo(Instant.parse("2026-11-24T15:00:00Z")); // 23:00 in Beijing
		String sid = "CA" + UUID.randomUUID();
		ivr("From", phone, "CallSid", sid);
		ivr("From", phone, "CallSid", sid, "Digits", "3");
		Document closed = ivr("From", phone, "CallSid", sid, "Digits", "0");
		assertThat(says(closed).get(0)[1]).contains("message vocal");
		Document record = ivr("From", phone, "CallSid", sid, "Digits", "1");
		assertThat(record.getElementsByTagName("Record").getLength()).isEqualTo(1);
		ivr("From", phone, "CallSid", sid, "RecordingUrl", "https://voice.example/rec/RE123");
		JsonNode tickets = api.get("/api/v1/staff/tickets?channel=phone&q=RE123", admin).body().path("items");
		assertThat(tickets.size()).isEqualTo(1);
	}

	@Test
	void inOpeningHoursTheCallerIsQueuedForAnAgentInTheirLanguage() throws Exception {
		clock.setTo(Instant.parse("2026-11-24T03:00:00Z"));
		api.post(
				"/api/v1/admin/staff", Map.of("username", "agent.de." + UUID.randomUUID().toString().substring(0, 8),
						"displayName", "Jonas", "password", Api.PASSWORD, "role", "AGENT", "languages", List.of("de")),
				admin);
		String sid = "CA" + UUID.randomUUID();
		ivr("From", phone, "CallSid", sid);
		ivr("From", phone, "CallSid", sid, "Digits", "4");
		Document queued = ivr("From", phone, "CallSid", sid, "Digits", "0");
		assertThat(queued.getElementsByTagName("Enqueue").item(0).getTextContent()).isEqualTo("hotline-de");
	}

	@Test
	void aCallerProvenByAnSmsCodeHearsTheTroubleshootersFindings() throws Exception {
		String sid = "CA" + UUID.randomUUID();
		ivr("From", phone, "CallSid", sid);
		ivr("From", phone, "CallSid", sid, "Digits", "3");
		Document ask = ivr("From", phone, "CallSid", sid, "Digits", "3");
		assertThat(((Element) ask.getElementsByTagName("Gather").item(0)).getAttribute("numDigits")).isEqualTo("6");
		Document wrong = ivr("From", phone, "CallSid", sid, "Digits", "000000");
		assertThat(says(wrong).get(0)[1]).isEqualTo("Ce code n'est pas correct.");
		ivr("From", phone, "CallSid", sid, "Digits", "3");
		String code = jdbc.sql("""
				SELECT substring(body from '[0-9]{6}') FROM notification WHERE recipient = ? AND body ~ '[0-9]{6}'
				ORDER BY created_at DESC LIMIT 1""").param(phone).query(String.class).single();
		Document findings = ivr("From", phone, "CallSid", sid, "Digits", code);
		List<String[]> spoken = says(findings);
		assertThat(spoken).hasSizeGreaterThan(1).allSatisfy(s -> assertThat(s[0]).isEqualTo("fr-FR"));
		assertThat(spoken.get(spoken.size() - 1)[1]).startsWith("Pour la connexion");
		assertThat(spoken.get(0)[1]).isNotBlank().doesNotStartWith("Pour la connexion");
	}

	@Test
	void supervisorsSeeOfferedAnsweredMissedWaitHandleAndServiceLevelPerQueueAndHour() {
		String queue = "stats-" + UUID.randomUUID().toString().substring(0, 8);
		clock.setTo(Instant.parse("2026-11-24T03:05:00Z"));
		String answered = UUID.randomUUID().toString();
		cti(event("newCall", answered, phone, "queue", queue));
		clock.advance(java.time.Duration.ofSeconds(10));
		cti(event("answer", answered, phone, "answeringNumber", "agent.wang"));
		clock.advance(java.time.Duration.ofSeconds(60));
		cti(event("hangup", answered, phone, "cause", "normalClearing"));
		String abandoned = UUID.randomUUID().toString();
		cti(event("newCall", abandoned, phone, "queue", queue));
		clock.advance(java.time.Duration.ofSeconds(30));
		cti(event("hangup", abandoned, phone, "cause", "cancel"));
		Response stats = api.get("/api/v1/staff/calls/statistics?hours=2", api.staffToken("SUPERVISOR"));
		JsonNode hour = stats.body()
			.valueStream()
			.filter(h -> h.path("queue").asString().equals(queue))
			.findFirst()
			.orElseThrow();
		assertThat(hour.path("hour").asString()).isEqualTo("2026-11-24T03:00:00Z");
		assertThat(hour.path("offered").asLong()).isEqualTo(2);
		assertThat(hour.path("answered").asLong()).isEqualTo(1);
		assertThat(hour.path("missed").asLong()).isEqualTo(1);
		// the test clock keeps running between the steps it is advanced by: a fraction of
		// a second
		assertThat(hour.path("averageWaitSeconds").asDouble()).isCloseTo(20.0,
				org.assertj.core.data.Offset.offset(0.5));
		assertThat(hour.path("averageHandleSeconds").asDouble()).isCloseTo(60.0,
				org.assertj.core.data.Offset.offset(0.5));
		assertThat(hour.path("serviceLevel").asDouble()).isEqualTo(0.5);
		assertThat(api.get("/api/v1/staff/calls/statistics", api.staffToken("AGENT")).status()).isEqualTo(403);
	}

	@Test
	void outsideOpeningHoursTheCallerAsksForACallbackThatBecomesATicket() throws Exception {
		clock.setTo(Instant.parse("2026-11-24T15:00:00Z")); // 23:00 in Beijing
		String sid = "CA" + UUID.randomUUID();
		ivr("From", phone, "CallSid", sid);
		ivr("From", phone, "CallSid", sid, "Digits", "2");
		ivr("From", phone, "CallSid", sid, "Digits", "0");
		Document callback = ivr("From", phone, "CallSid", sid, "Digits", "2");
		assertThat(says(callback).get(0)[1]).isEqualTo("We will call you back during our opening hours. Goodbye.");
		assertThat(callback.getElementsByTagName("Hangup").getLength()).isEqualTo(1);
		JsonNode tickets = api.get("/api/v1/staff/tickets?channel=phone&customer=" + phone, admin).body().path("items");
		assertThat(tickets.valueStream().map(t -> t.path("subject").asString()))
			.contains("Callback: missed call from " + phone);
	}

	@Test
	void whenTheQueueIsTooLongTheCallerIsOfferedAMessageOrACallbackInstead() throws Exception {
		clock.setTo(Instant.parse("2026-11-24T03:00:00Z"));
		String queue = "busy-" + UUID.randomUUID().toString().substring(0, 8);
		for (int i = 0; i < 400; i++) {
			cti(event("newCall", UUID.randomUUID().toString(), "+861380000" + String.format("%04d", i), "queue",
					queue));
		}
		try {
			String sid = "CA" + UUID.randomUUID();
			ivr("From", phone, "CallSid", sid);
			ivr("From", phone, "CallSid", sid, "Digits", "2");
			Document offered = ivr("From", phone, "CallSid", sid, "Digits", "0");
			assertThat(offered.getElementsByTagName("Enqueue").getLength()).isZero();
			assertThat(says(offered).get(0)[1]).contains("voice message");
		}
		finally {
			jdbc.sql("UPDATE phone_call SET state = 'missed' WHERE queue = ?").param(queue).update();
		}
	}

}
