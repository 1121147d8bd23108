package com.tpwallet.walletdesk.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import com.tpwallet.walletdesk.Api;
import com.tpwallet.walletdesk.HttpTestBase;
import com.tpwallet.walletdesk.support.internal.SlaMonitorProbe;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;

class AttachmentsAndNoticesIntegrationTest extends HttpTestBase {

	/** A 1×1 PNG. */
	static final byte[] PNG = Base64.getDecoder()
		.decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

	@Autowired
	SlaMonitorProbe slaMonitor;

	MvcResult upload(String ticketId, String token, String name, byte[] bytes, String claimedType) throws Exception {
		return mvc
			.perform(multipart("/api/v1/tickets/" + ticketId + "/attachments")
				.file(new MockMultipartFile("file", name, claimedType, bytes))
				.header("Authorization", "Bearer " + token))
			.andReturn();
	}

	String ticket(String token) {
		return api
			.post("/api/v1/tickets", Map.of("subject", "Screenshot of the error", "message", "See attached"), token)
			.text("id");
	}

	@Test
	void attachmentsAreSniffedScannedLimitedAndOnlyForThoseWhoMaySeeTheTicket() throws Exception {
		String alice = api.login(api.registerCustomer("en"), Api.PASSWORD);
		String bob = api.login(api.registerCustomer("en"), Api.PASSWORD);
		String id = ticket(alice);

		MvcResult png = upload(id, alice, "../../error.txt", PNG, "text/plain");
		assertThat(png.getResponse().getStatus()).isEqualTo(201);
		String body = png.getResponse().getContentAsString();
		assertThat(body).as("type sniffed from the bytes, name stripped of its path")
			.contains("image/png")
			.contains("\"error.txt\"");

		MvcResult html = upload(id, alice, "page.png", "<html><script>alert(1)</script></html>".getBytes(),
				"image/png");
		assertThat(html.getResponse().getStatus()).isEqualTo(422);
		assertThat(html.getResponse().getContentAsString()).contains("attachment_type_refused");
		String eicar = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$" + "EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";
		MvcResult virus = upload(id, alice, "notes.txt", eicar.getBytes(StandardCharsets.US_ASCII), "text/plain");
		assertThat(virus.getResponse().getContentAsString()).contains("attachment_infected");
		MvcResult large = upload(id, alice, "big.txt", new byte[11 * 1024 * 1024], "text/plain");
		assertThat(large.getResponse().getStatus()).isEqualTo(413);

		var list = api.get("/api/v1/tickets/" + id + "/attachments", alice).body();
		assertThat(list).hasSize(1);
		String attachment = list.get(0).path("id").asString();
		MvcResult download = mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
				.get("/api/v1/tickets/" + id + "/attachments/" + attachment)
				.header("Authorization", "Bearer " + alice))
			.andReturn();
		assertThat(download.getResponse().getContentAsByteArray()).isEqualTo(PNG);
		assertThat(download.getResponse().getHeader("Content-Disposition")).startsWith("attachment");
		assertThat(download.getResponse().getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(api.get("/api/v1/tickets/" + id + "/attachments/" + attachment, bob).status()).isEqualTo(404);
		assertThat(upload(id, bob, "x.png", PNG, "image/png").getResponse().getStatus()).isEqualTo(404);
	}

	static byte[] pdf(String catalogExtra) {
		return ("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R " + catalogExtra + " >> endobj\n"
				+ "2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
			.getBytes(StandardCharsets.ISO_8859_1);
	}

	@Test
	void aPdfThatRunsSomethingWhenOpenedIsRefusedAndAPlainOneAccepted() throws Exception {
		String alice = api.login(api.registerCustomer("en"), Api.PASSWORD);
		String id = ticket(alice);
		assertThat(upload(id, alice, "receipt.pdf", pdf(""), "application/pdf").getResponse().getStatus())
			.isEqualTo(201);
		for (String active : java.util.List.of("/OpenAction << /S /JavaScript /JS (app.alert(1)) >>",
				"/OpenAction << /S /J#61vaScript /J#53 (app.alert(1)) >>",
				"/OpenAction << /S /Launch /F (calc.exe) >>")) {
			MvcResult refused = upload(id, alice, "receipt.pdf", pdf(active), "application/pdf");
			assertThat(refused.getResponse().getStatus()).as(active).isEqualTo(422);
			assertThat(refused.getResponse().getContentAsString()).contains("attachment_active_content");
		}
		assertThat(api.get("/api/v1/tickets/" + id + "/attachments", alice).body()).hasSize(1);
	}

	@Test
	void fileNamesAndTagsAreStoredAsPlainText() throws Exception {
		String alice = api.login(api.registerCustomer("en"), Api.PASSWORD);
		String id = ticket(alice);
		MvcResult named = upload(id, alice, "&lt;img src=x onerror=alert(1)&gt;shot.png", PNG, "image/png");
		assertThat(named.getResponse().getContentAsString()).doesNotContain("<img").doesNotContain("onerror=");
		String agent = api.staffToken("AGENT");
		var tagged = api.call("PATCH", "/api/v1/staff/tickets/" + id,
				java.util.Map.of("tags", java.util.List.of("&lt;script&gt;alert(1)&lt;/script&gt;vip", "refund")),
				agent);
		assertThat(tagged.body().path("tags").toString()).doesNotContain("<script").contains("vip").contains("refund");
	}

	@Test
	void supervisorsAreAlertedOfBreachesAndSolvedTicketsBringTheSurvey() {
		String phone = api.registerCustomer("de");
		String customer = api.login(phone, Api.PASSWORD);
		String id = api
			.post("/api/v1/tickets", Map.of("subject", "Konto gesperrt", "message", "Ich kann mich nicht anmelden"),
					customer)
			.text("id");
		Response supervisor = staff("SUPERVISOR");
		clock.advance(Duration.ofDays(4));
		slaMonitor.run();
		clock.reset();
		assertThat(api.get("/api/v1/inbox", supervisor.token).body().toString())
			.as("supervisors at the time are alerted")
			.contains("SLA");

		Response agent = staff("AGENT");
		api.call("PATCH", "/api/v1/staff/tickets/" + id, Map.of("status", "solved"), agent.token);
		String inbox = api.get("/api/v1/inbox", api.login(phone, Api.PASSWORD)).body().toString();
		assertThat(inbox).contains("Wie zufrieden");
		assertThat(jdbc.sql("SELECT body FROM notification WHERE recipient = ? ORDER BY created_at DESC LIMIT 1")
			.param(phone)
			.query(String.class)
			.single()).contains("1 bis 5");
	}

	record Response(String token) {
	}

	Response staff(String role) {
		String username = role.toLowerCase() + ".n."
				+ java.util.concurrent.ThreadLocalRandom.current().nextInt(1_000_000);
		api.post("/api/v1/admin/staff", Map.of("username", username, "displayName", username, "password", Api.PASSWORD,
				"role", role, "languages", List.of("de", "en")), api.adminToken());
		return new Response(api.login(username, Api.PASSWORD));
	}

}
