package com.tpwallet.walletdesk.wallet.internal;

import com.tpwallet.walletdesk.wallet.Money;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The card acquirer that funds top-ups. A charge is answered at once (accepted, or
 * declined with a reason); an accepted charge is confirmed later by a signed callback. A
 * charge can also time out, in which case only {@link #status} tells what became of it.
 */
interface PaymentGateway {

	record ChargeAnswer(boolean accepted, @Nullable String declineReason) {
	}

	/**
	 * @throws GatewayTimeout when the gateway did not answer in time
	 */
	ChargeAnswer charge(UUID topUpId, Money money, BankCard card);

	/**
	 * What the gateway knows of a charge: {@code succeeded}, {@code failed} (with reason)
	 * or {@code pending}.
	 */
	ChargeStatus status(UUID topUpId);

	record ChargeStatus(String status, @Nullable String reason) {
	}

	class GatewayTimeout extends RuntimeException {

		GatewayTimeout(String message) {
			super(message);
		}

	}

}
