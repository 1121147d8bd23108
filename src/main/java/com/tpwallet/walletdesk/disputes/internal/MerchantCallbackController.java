package com.tpwallet.walletdesk.disputes.internal;

import com.tpwallet.walletdesk.platform.ProblemCodes;
import com.tpwallet.walletdesk.platform.Refusal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where the merchants' dispute service answers: {@code {disputeId, answer: accepted |
 * contested, statement}}, the body signed with HMAC-SHA256 under the shared secret in
 * {@code X-Merchant-Signature}. Anything unsigned, mis-signed or unreadable is refused
 * and changes nothing.
 */
@RestController
@Tag(name = "Merchant disputes")
class MerchantCallbackController {

	private final DisputeDesk desk;

	private final JsonMapper json;

	private final @Nullable SecretKeySpec key;

	MerchantCallbackController(DisputeDesk desk, JsonMapper json, DisputeSettings settings) {
		this.desk = desk;
		this.json = json;
		String secret = settings.merchant().callbackSecret();
		this.key = secret.isBlank() ? null : new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
	}

	@PostMapping("/api/v1/merchant-disputes/callback")
	@ProblemCodes(kind = Refusal.Kind.INVALID_INPUT, value = "callback_rejected")
	@ProblemCodes(kind = Refusal.Kind.NOT_FOUND, value = "dispute_not_found")
	@ProblemCodes(kind = Refusal.Kind.CONFLICT, value = "dispute_not_waiting_for_merchant")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "A merchant's answer to a dispute: {disputeId, answer: accepted|contested, statement}, "
			+ "HMAC-SHA256 of the body in X-Merchant-Signature")
	void callback(@RequestBody String body,
			@RequestHeader(name = "X-Merchant-Signature", required = false) @Nullable String signature) {
		if (!signedRight(body, signature)) {
			throw Refusal.badRequest("callback_rejected");
		}
		JsonNode answer;
		try {
			answer = json.readTree(body);
		}
		catch (RuntimeException unreadable) {
			throw Refusal.badRequest("callback_rejected");
		}
		UUID disputeId;
		Dispute.MerchantAnswer said;
		try {
			disputeId = UUID.fromString(answer.path("disputeId").asString(""));
			said = Dispute.MerchantAnswer.valueOf(answer.path("answer").asString("").toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException unknown) {
			throw Refusal.badRequest("callback_rejected");
		}
		String statement = answer.path("statement").asString("");
		desk.merchantAnswered(disputeId, said, statement.length() > 4000 ? statement.substring(0, 4000) : statement);
	}

	private boolean signedRight(String body, @Nullable String signature) {
		if (key == null || signature == null) {
			return false;
		}
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			byte[] expected = HexFormat.of()
				.formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)))
				.getBytes(StandardCharsets.US_ASCII);
			return MessageDigest.isEqual(expected,
					signature.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

}
