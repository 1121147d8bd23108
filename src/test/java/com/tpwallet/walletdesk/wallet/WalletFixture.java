package com.tpwallet.walletdesk.wallet;

import static org.awaitility.Awaitility.await;

import com.tpwallet.walletdesk.Api;
import com.tpwallet.walletdesk.Api.Response;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Customers with a payment password, a verified name and money, for wallet tests. */
public class WalletFixture {

	public static final String PIN = "735194";

	public static final String CARD = "4242424242424242";

	public record Customer(String phone, String token, UUID id) {
	}

	private final Api api;

	private final JdbcClient jdbc;

	public WalletFixture(Api api, JdbcClient jdbc) {
		this.api = api;
		this.jdbc = jdbc;
	}

	public Customer customer() {
		String phone = api.registerCustomer("en");
		String token = api.login(phone, Api.PASSWORD);
		api.call("PUT", "/api/v1/me/payment-password", Map.of("pin", PIN), token);
		return new Customer(phone, token, UUID.fromString(api.get("/api/v1/me", token).text("id")));
	}

	public Customer verified(String name) {
		Customer c = customer();
		api.post("/api/v1/staff/customers/" + c.id() + "/verified-name",
				Map.of("name", name, "checks", List.of("id_document", "sms_code")), api.staffToken("AGENT"));
		return c;
	}

	/**
	 * A verified customer of a year's standing who often moves large sums (50,000
	 * movements out averaging 10,000 CNY), with this much available: what the wallet's
	 * own rules are tested with, so that the risk monitor judges them by those habits.
	 */
	public Customer funded(long amount) {
		Customer c = freshlyFunded(amount);
		establish(jdbc, c.id());
		return c;
	}

	/**
	 * Makes a customer one of a year's standing who often moves large sums (50,000
	 * movements out averaging 10,000 CNY).
	 */
	public static void establish(JdbcClient jdbc, UUID customer) {
		jdbc.sql("UPDATE customer SET created_at = now() - interval '365 days' WHERE id = ?").param(customer).update();
		jdbc.sql("""
				INSERT INTO risk_profile (customer_id, out_count, out_sum_fen) VALUES (?, 50000, 50000000000)
				ON CONFLICT (customer_id) DO UPDATE SET out_count = 50000, out_sum_fen = 50000000000""")
			.param(customer)
			.update();
	}

	/** A verified customer who registered a moment ago and topped up this much. */
	public Customer freshlyFunded(long amount) {
		Customer c = verified("Li Wei");
		topUp(c, amount, CARD);
		await().atMost(Duration.ofSeconds(10)).until(() -> available(c, "CNY") == amount);
		return c;
	}

	public Response topUp(Customer c, long amount, String card) {
		return post(c, "/api/v1/wallet/top-ups",
				Map.of("amount", amount, "currency", "CNY", "cardNumber", card, "expiry", "12/30"));
	}

	public Response transfer(Customer from, String to, long amount) {
		return post(from, "/api/v1/wallet/transfers",
				Map.of("to", to, "amount", amount, "currency", "CNY", "paymentPassword", PIN));
	}

	public Response pay(Customer c, String merchant, long amount, String pin) {
		return post(c, "/api/v1/wallet/payments",
				Map.of("merchant", merchant, "amount", amount, "currency", "CNY", "paymentPassword", pin));
	}

	public Response withdraw(Customer c, long amount, String card, String holder) {
		return post(c, "/api/v1/wallet/withdrawals", Map.of("amount", amount, "currency", "CNY", "cardNumber", card,
				"holderName", holder, "paymentPassword", PIN));
	}

	public Response post(Customer c, String path, Map<String, Object> body) {
		return api.post(path, new HashMap<>(body), c.token(), "Idempotency-Key", UUID.randomUUID().toString());
	}

	public long available(Customer c, String currency) {
		return balance(c, currency, "available");
	}

	public long held(Customer c, String currency) {
		return balance(c, currency, "held");
	}

	private long balance(Customer c, String currency, String field) {
		for (var b : api.get("/api/v1/wallet", c.token()).body().path("balances")) {
			if (b.path("currency").asString().equals(currency)) {
				return b.path(field).asLong();
			}
		}
		return 0;
	}

	/** The signature the test profile's gateway secret gives a callback body. */
	public static String gatewaySignature(String body) {
		try {
			var mac = javax.crypto.Mac.getInstance("HmacSHA256");
			mac.init(new javax.crypto.spec.SecretKeySpec("test-gateway-secret".getBytes(), "HmacSHA256"));
			return java.util.HexFormat.of()
				.formatHex(mac.doFinal(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		}
		catch (java.security.GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	/** A Luhn-valid 16-digit card number ending in the given digits. */
	public static String cardEndingIn(String suffix) {
		String base = "622202" + "0".repeat(16 - 6 - suffix.length() - 1);
		for (int check = 0; check <= 9; check++) {
			String candidate = base + check + suffix;
			if (luhn(candidate)) {
				return candidate;
			}
		}
		throw new IllegalStateException();
	}

	private static boolean luhn(String digits) {
		int sum = 0;
		for (int i = 0; i < digits.length(); i++) {
			int d = digits.charAt(digits.length() - 1 - i) - '0';
			if (i % 2 == 1) {
				d = d * 2 > 9 ? d * 2 - 9 : d * 2;
			}
			sum += d;
		}
		return sum % 10 == 0;
	}

}
