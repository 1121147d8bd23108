package com.tpwallet.walletdesk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.tpwallet.walletdesk.Api;
import com.tpwallet.walletdesk.TestClock;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcPrint;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What reaches a real Tomcat as raw bytes: malformed input is a 400 with a code (never a
 * 500), and a trusted TLS proxy's forwarded headers give each client its own address and
 * the answer its HSTS header.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// a failing test must not dump passwords and tokens into the logs (SecretsNeverInLogsIT)
@AutoConfigureMockMvc(print = MockMvcPrint.NONE)
@ActiveProfiles("test")
@Import(TestClock.Configuration.class)
class HttpEdgesIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	record Raw(int status, String headers, String body) {
	}

	Raw send(String method, String target, String extraHeaders, String body) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			byte[] content = body.getBytes(StandardCharsets.UTF_8);
			String request = method + " " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
					+ extraHeaders + (body.isEmpty() ? ""
							: "Content-Type: application/json\r\nContent-Length: " + content.length + "\r\n")
					+ "\r\n";
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.ISO_8859_1));
			out.write(content);
			out.flush();
			InputStream in = socket.getInputStream();
			String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			int split = response.indexOf("\r\n\r\n");
			String head = response.substring(0, split);
			return new Raw(Integer.parseInt(head.substring(9, 12)), head, response.substring(split + 4));
		}
	}

	String customerToken() {
		Api api = new Api(mvc);
		return api.login(api.registerCustomer("en"), Api.PASSWORD);
	}

	@Test
	void aNulByteInAQueryParameterIsA400WithACode() throws IOException {
		Raw answer = send("GET", "/api/v1/wallet/transactions?counterparty=a%00b",
				"Authorization: Bearer " + customerToken() + "\r\n", "");
		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.body()).contains("\"code\":\"invalid_characters\"");
	}

	/** Tomcat refuses the first four itself, Spring Security's firewall the rest. */
	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = { "/api/v1/tickets/%2F | de | Die Adresse der Anfrage ist ungültig",
			"/api/v1/tickets/a%00b | de | Die Adresse der Anfrage ist ungültig", "/api/v1/tickets/%ZZ | zh-CN | 请求地址无效",
			"/api/v1/tickets/%5C | en | The address of the request is not valid",
			"/api/v1/../../etc/passwd | fr | L’adresse de la requête n’est pas valide",
			"/api/v1/tickets;jsessionid=1 | fr | L’adresse de la requête n’est pas valide",
			"/api//tickets | en | The address of the request is not valid" })
	void anAddressThatCannotBeTakenAsItIsIsAProblemInTheCallersLanguageNotAnHtmlPage(String target, String language,
			String detail) throws IOException {
		Raw answer = send("GET", target, "Accept-Language: " + language + "\r\n", "");
		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.headers()).containsIgnoringCase("Content-Type: application/problem+json");
		assertThat(answer.body()).contains("\"code\":\"invalid_path\"").contains(detail);
	}

	@Test
	void aMethodTomcatRefusesIsAProblemWithACode() throws IOException {
		Raw answer = send("TRACE", "/api/v1/wallet", "Accept-Language: en\r\n", "");
		assertThat(answer.status()).isEqualTo(405);
		assertThat(answer.headers()).containsIgnoringCase("Content-Type: application/problem+json");
		assertThat(answer.body()).contains("\"code\":\"method_not_allowed\"")
			.contains("\"instance\":\"/api/v1/wallet\"")
			.contains("This address does not accept that HTTP method.");
	}

	@Test
	void aCursorThatIsNotPercentEncodingIsA400WithACode() throws IOException {
		Raw answer = send("GET", "/api/v1/wallet/transactions?cursor=%%%",
				"Authorization: Bearer " + customerToken() + "\r\n", "");
		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.body()).contains("\"code\":\"");
		assertThat(answer.body()).doesNotContain("internal_error");
	}

	@Test
	void aNulByteInsideAJsonStringThatReachesTheDatabaseIsA400() throws IOException {
		Raw answer = send("POST", "/api/v1/auth/login", "",
				"{\"login\":\"agent\\u0000x\",\"password\":\"whatever-1\"}");
		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.body()).contains("\"code\":\"invalid_characters\"");
	}

	@Test
	void aCorrectlySignedCallbackWithMalformedJsonIsRefusedAsA400() throws IOException {
		String body = "{not json";
		Raw answer = send("POST", "/api/v1/wallet/gateway/callback",
				"X-Gateway-Signature: " + com.tpwallet.walletdesk.wallet.WalletFixture.gatewaySignature(body) + "\r\n",
				body);
		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.body()).contains("\"code\":\"callback_rejected\"");
	}

	@Test
	void behindATrustedTlsProxyEachClientKeepsItsOwnAddressAndGetsHsts() throws IOException {
		Api api = new Api(mvc);
		String phone = api.registerCustomer("en");
		String login = "{\"login\":\"" + phone + "\",\"password\":\"" + Api.PASSWORD + "\"}";
		Raw proxied = send("POST", "/api/v1/auth/login", "X-Forwarded-For: 203.0.113.7\r\nX-Forwarded-Proto: https\r\n",
				login);
		assertThat(proxied.status()).isEqualTo(200);
		assertThat(proxied.headers())
			.containsIgnoringCase("Strict-Transport-Security: max-age=31536000 ; includeSubDomains");
		assertThat(jdbc.sql(
				"SELECT ip FROM login_event l JOIN customer c ON c.id = l.customer_id WHERE c.phone = ? ORDER BY l.at DESC LIMIT 1")
			.param(phone)
			.query(String.class)
			.single()).isEqualTo("203.0.113.7");
		Raw plain = send("POST", "/api/v1/auth/login", "", login);
		assertThat(plain.headers()).doesNotContainIgnoringCase("Strict-Transport-Security");
	}

}
