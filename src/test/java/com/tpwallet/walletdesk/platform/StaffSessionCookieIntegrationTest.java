package com.tpwallet.walletdesk.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.tpwallet.walletdesk.Api;
import com.tpwallet.walletdesk.HttpTestBase;
import jakarta.servlet.http.Cookie;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * Staff pages sign in once for every page and tab: an HttpOnly, SameSite=Strict session
 * cookie, and a CSRF token that every change must echo in a header; a customer's token
 * never works as a cookie.
 */
class StaffSessionCookieIntegrationTest extends HttpTestBase {

	private MockHttpServletResponse login(String login, boolean cookie) throws Exception {
		String body = "{\"login\":\"" + login + "\",\"password\":\"" + Api.PASSWORD + "\""
				+ (cookie ? ",\"session\":\"cookie\"" : "") + "}";
		return mvc.perform(post("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON).content(body))
			.andReturn()
			.getResponse();
	}

	private static Cookie cookie(MockHttpServletResponse response, String name) {
		return response.getCookie(name);
	}

	@Test
	void aStaffMemberSignedInByCookieChangesNothingWithoutTheCsrfToken() throws Exception {
		String name = "cookie." + ThreadLocalRandom.current().nextInt(1_000_000);
		api.post("/api/v1/admin/staff", Map.of("username", name, "displayName", name, "password", Api.PASSWORD, "role",
				"SUPERVISOR", "languages", List.of("en")), api.adminToken());
		MockHttpServletResponse signedIn = login(name, true);
		assertThat(signedIn.getStatus()).isEqualTo(200);
		List<String> setCookies = signedIn.getHeaders("Set-Cookie");
		assertThat(setCookies).anySatisfy(c -> assertThat(c).startsWith("WD_SESSION=")
			.contains("HttpOnly")
			.contains("SameSite=Strict")
			.contains("Path=/"));
		assertThat(setCookies).anySatisfy(c -> assertThat(c).startsWith("WD_CSRF=").doesNotContain("HttpOnly"));
		Cookie session = cookie(signedIn, "WD_SESSION");
		Cookie csrf = cookie(signedIn, "WD_CSRF");

		assertThat(mvc.perform(get("/api/v1/staff/queues").cookie(session, csrf)).andReturn().getResponse().getStatus())
			.isEqualTo(200);

		String customer = api.login(api.registerCustomer("en"), Api.PASSWORD);
		String ticket = api
			.post("/api/v1/tickets", Map.of("subject", "Cookie check", "message", "Hello", "language", "en"), customer)
			.text("id");
		MockHttpServletResponse forged = mvc
			.perform(patch("/api/v1/staff/tickets/" + ticket).cookie(session, csrf)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"priority\":\"urgent\"}"))
			.andReturn()
			.getResponse();
		assertThat(forged.getStatus()).isEqualTo(403);
		assertThat(forged.getContentAsString()).contains("\"code\":\"csrf_token_invalid\"");
		assertThat(api.get("/api/v1/staff/tickets/" + ticket, api.staffToken("SUPERVISOR"))
			.body()
			.path("ticket")
			.path("priority")
			.asString()).isEqualTo("normal");

		assertThat(mvc
			.perform(patch("/api/v1/staff/tickets/" + ticket).cookie(session, csrf)
				.header("X-CSRF-Token", csrf.getValue())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"priority\":\"urgent\"}"))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(200);

		MockHttpServletResponse out = mvc
			.perform(post("/api/v1/auth/logout").cookie(session, csrf).header("X-CSRF-Token", csrf.getValue()))
			.andReturn()
			.getResponse();
		assertThat(out.getStatus()).isEqualTo(204);
		assertThat(out.getHeaders("Set-Cookie"))
			.anySatisfy(c -> assertThat(c).startsWith("WD_SESSION=;").contains("Max-Age=0"));
		assertThat(mvc.perform(get("/api/v1/staff/queues").cookie(session, csrf)).andReturn().getResponse().getStatus())
			.as("signed out everywhere")
			.isEqualTo(401);
	}

	@Test
	void aCustomerGetsNoCookieAndACustomerTokenInTheCookieSignsNobodyIn() throws Exception {
		String phone = api.registerCustomer("en");
		MockHttpServletResponse signedIn = login(phone, true);
		assertThat(signedIn.getStatus()).isEqualTo(200);
		assertThat(signedIn.getHeaders("Set-Cookie")).isEmpty();
		String token = api.login(phone, Api.PASSWORD);
		assertThat(mvc.perform(get("/api/v1/me").cookie(new Cookie("WD_SESSION", token)))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(401);
		assertThat(login(phone, false).getHeaders("Set-Cookie")).isEmpty();
	}

}
