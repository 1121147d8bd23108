package com.tpwallet.walletdesk.wallet.internal;

import com.tpwallet.walletdesk.platform.ProblemCodes;
import com.tpwallet.walletdesk.platform.Refusal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where the payment gateway confirms or fails a top-up; the body is signed with the
 * shared secret.
 */
@RestController
@Tag(name = "Payment gateway")
class GatewayCallbackController {

	private final GatewayCallbacks callbacks;

	GatewayCallbackController(GatewayCallbacks callbacks) {
		this.callbacks = callbacks;
	}

	@PostMapping("/api/v1/wallet/gateway/callback")
	@ProblemCodes(kind = Refusal.Kind.INVALID_INPUT, value = "callback_rejected")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(
			summary = "Gateway callback: {topUpId, status: succeeded|failed, reason}, HMAC-SHA256 in X-Gateway-Signature")
	void callback(@RequestBody String body,
			@RequestHeader(name = "X-Gateway-Signature", required = false) @Nullable String signature) {
		if (!callbacks.receive(body, signature)) {
			throw Refusal.badRequest("callback_rejected");
		}
	}

}
