package com.tpwallet.walletdesk.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.tpwallet.walletdesk.Api;
import com.tpwallet.walletdesk.SentMessages;
import com.tpwallet.walletdesk.Api.Response;
import com.tpwallet.walletdesk.HttpTestBase;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A customer adds a second address, proven by a code sent to it, and chooses whether
 * notices come by SMS or by e-mail.
 */
class NoticeChannelIntegrationTest extends HttpTestBase {

	@Test
	void aCustomerAddsAnEmailAddressProvenByACodeAndHasNoticesSentThere() {
		String phone = api.registerCustomer("de");
		String token = api.login(phone, Api.PASSWORD);
		String email = "li." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
		assertThat(api.get("/api/v1/me", token).text("noticeChannel")).isEqualTo("sms");
		assertThat(choose(token, "email").code()).as("no address yet").isEqualTo("notice_channel_unavailable");

		Response sent = api.post("/api/v1/me/contact-addresses", Map.of("email", email.toUpperCase()), token);
		assertThat(sent.status()).isEqualTo(202);
		assertThat(sent.text("address")).isEqualTo(email);
		assertThat(sent.text("kind")).isEqualTo("email");
		String code = SentMessages.codeIn(sent().lastTo(email));
		assertThat(sent().lastTo(email)).contains("Adresse");

		Response wrong = api.post("/api/v1/me/contact-addresses/confirm",
				Map.of("code", code.equals("000000") ? "111111" : "000000"), token);
		assertThat(wrong.status()).isEqualTo(422);
		assertThat(wrong.code()).isEqualTo("contact_code_invalid");
		assertThat(api.get("/api/v1/me", token).body().has("email")).isFalse();

		Response added = api.post("/api/v1/me/contact-addresses/confirm", Map.of("code", code), token);
		assertThat(added.status()).isEqualTo(200);
		assertThat(added.text("email")).isEqualTo(email);
		assertThat(added.text("noticeChannel")).as("adding an address does not move notices").isEqualTo("sms");
		assertThat(api.post("/api/v1/me/contact-addresses/confirm", Map.of("code", code), token).code())
			.as("a used code is spent")
			.isEqualTo("contact_code_invalid");

		Response chosen = choose(token, "email");
		assertThat(chosen.status()).isEqualTo(200);
		assertThat(chosen.text("noticeChannel")).isEqualTo("email");
		int texts = sent().countTo(phone);
		int mails = sent().countTo(email);
		assertThat(api
			.post("/api/v1/me/password", Map.of("currentPassword", Api.PASSWORD, "newPassword", "N3w!wallet-2026"),
					token)
			.status()).isEqualTo(204);
		assertThat(sent().countTo(email)).as("the password-changed notice goes by e-mail").isEqualTo(mails + 1);
		assertThat(sent().countTo(phone)).isEqualTo(texts);
		assertThat(api.login(email, "N3w!wallet-2026")).as("the proven address signs in too").isNotBlank();
		assertThat(audited(phone)).contains("customer.contact_address_added:email",
				"customer.notice_channel_chosen:email");
	}

	@Test
	void refusesWhatWouldGiveTheAccountAnUnprovenOrSomeoneElsesAddressAndChangesNothing() {
		String phone = api.registerCustomer("en");
		String other = api.registerCustomer("en");
		String token = api.login(phone, Api.PASSWORD);
		assertThat(api.post("/api/v1/me/contact-addresses", Map.of(), token).code())
			.isEqualTo("contact_address_required");
		assertThat(api
			.post("/api/v1/me/contact-addresses", Map.of("phone", Api.newPhone(), "email", "a@example.com"), token)
			.code()).isEqualTo("contact_address_required");
		Response exists = api.post("/api/v1/me/contact-addresses", Map.of("phone", Api.newPhone()), token);
		assertThat(exists.status()).isEqualTo(409);
		assertThat(exists.code()).isEqualTo("contact_address_exists");
		assertThat(api.post("/api/v1/me/contact-addresses", Map.of("email", "not an address"), token).code())
			.isEqualTo("invalid_email");
		assertThat(choose(token, "pigeon").code()).isEqualTo("notice_channel_unknown");
		assertThat(api.get("/api/v1/me", token).text("noticeChannel")).isEqualTo("sms");

		String otherToken = api.login(other, Api.PASSWORD);
		String email = "taken." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
		api.post("/api/v1/me/contact-addresses", Map.of("email", email), otherToken);
		api.post("/api/v1/me/contact-addresses/confirm", Map.of("code", SentMessages.codeIn(sent().lastTo(email))),
				otherToken);
		Response taken = api.post("/api/v1/me/contact-addresses", Map.of("email", email), token);
		assertThat(taken.status()).isEqualTo(409);
		assertThat(taken.code()).isEqualTo("email_taken");

		String mine = "late." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
		api.post("/api/v1/me/contact-addresses", Map.of("email", mine), token);
		String code = SentMessages.codeIn(sent().lastTo(mine));
		clock.advance(Duration.ofMinutes(11));
		assertThat(api.post("/api/v1/me/contact-addresses/confirm", Map.of("code", code), token).code())
			.as("an expired code")
			.isEqualTo("contact_code_invalid");
		assertThat(api.get("/api/v1/me", token).body().has("email")).isFalse();
	}

	Response choose(String token, String channel) {
		return api.call("PUT", "/api/v1/me/notice-channel", Map.of("channel", channel), token);
	}

	java.util.List<String> audited(String phone) {
		return jdbc.sql("""
				SELECT a.action || ':' || a.details FROM audit_entry a JOIN customer c ON c.id = a.subject_id
				WHERE c.phone = ? ORDER BY a.id""").param(phone).query(String.class).list();
	}

}
