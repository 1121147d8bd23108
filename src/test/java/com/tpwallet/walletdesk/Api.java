package com.tpwallet.walletdesk;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small HTTP client for tests: JSON in, status and JSON out, with fixtures for
 * customers and staff.
 */
public class Api {

	public static final String PASSWORD = "Tp!wallet-2026x";

	public static final String ADMIN_PASSWORD = "Adm1n!pass-2026";

	private final MockMvc mvc;

	private final JsonMapper json = JsonMapper.builder().build();

	public Api(MockMvc mvc) {
		this.mvc = mvc;
	}

	public record Response(int status, JsonNode body, MvcResult raw) {

		public String code() {
			return body.path("code").asString();
		}

		public String text(String field) {
			return body.path(field).asString();
		}
	}

	public Response call(String method, String path, Object body, String token, String... headers) {
		try {
			MockHttpServletRequestBuilder request = MockMvcRequestBuilders
				.request(org.springframework.http.HttpMethod.valueOf(method), java.net.URI.create(path))
				.accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON);
			if (body != null) {
				request.contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body));
			}
			if (token != null) {
				request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
			}
			for (int i = 0; i + 1 < headers.length; i += 2) {
				request.header(headers[i], headers[i + 1]);
			}
			MvcResult result = mvc.perform(request).andReturn();
			String content = result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
			String type = String.valueOf(result.getResponse().getContentType());
			JsonNode node = content.isEmpty() || !type.contains("json") ? json.createObjectNode()
					: json.readTree(content);
			return new Response(result.getResponse().getStatus(), node, result);
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	public Response post(String path, Object body, String token, String... headers) {
		return call("POST", path, body, token, headers);
	}

	public Response get(String path, String token, String... headers) {
		return call("GET", path, null, token, headers);
	}

	public static String newPhone() {
		return "+86139%08d".formatted(ThreadLocalRandom.current().nextInt(100_000_000));
	}

	/** Registers a customer with {@link #PASSWORD}; returns the phone number. */
	public String registerCustomer(String language) {
		String phone = newPhone();
		Response r = post("/api/v1/customers", Map.of("phone", phone, "password", PASSWORD, "language", language),
				null);
		if (r.status() != 201) {
			throw new IllegalStateException("register failed: " + r);
		}
		return phone;
	}

	public String login(String login, String password) {
		Response r = post("/api/v1/auth/login", Map.of("login", login, "password", password), null);
		if (r.status() != 200) {
			throw new IllegalStateException("login failed: " + r.status() + " " + r.body());
		}
		return r.text("token");
	}

	public String adminToken() {
		return login("admin", ADMIN_PASSWORD);
	}

	/** A new staff user with the given role; returns a token. */
	public String staffToken(String role) {
		String username = role.toLowerCase() + "." + ThreadLocalRandom.current().nextLong(1_000_000_000_000L);
		Response r = post("/api/v1/admin/staff", Map.of("username", username, "displayName", username, "password",
				PASSWORD, "role", role, "languages", java.util.List.of("en")), adminToken());
		if (r.status() != 201) {
			throw new IllegalStateException("staff creation failed: " + r.body());
		}
		return login(username, PASSWORD);
	}

}
