package com.tpwallet.walletdesk.wallet.internal;

import com.tpwallet.walletdesk.identity.IdentityApi;
import com.tpwallet.walletdesk.platform.Refusal;
import com.tpwallet.walletdesk.wallet.Money;
import com.tpwallet.walletdesk.wallet.OutgoingScreening;
import com.tpwallet.walletdesk.wallet.OutgoingScreening.Decision;
import com.tpwallet.walletdesk.wallet.OutgoingScreening.OutgoingMovement;
import com.tpwallet.walletdesk.wallet.OutgoingScreening.Verdict;
import com.tpwallet.walletdesk.wallet.TransactionType;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Where money leaving a wallet meets the risk monitor, on both money paths (single
 * postings and transfer batches): each movement the wallet's own rules let through is
 * screened, and the verdict becomes the wallet's answer. A freeze is committed at once,
 * whatever becomes of the movement's transaction.
 */
@Component
class ScreeningGate {

	private final OutgoingScreening screening;

	private final Freezes freezes;

	private final OutgoingMoneyPolicy policy;

	private final IdentityApi identity;

	ScreeningGate(OutgoingScreening screening, Freezes freezes, OutgoingMoneyPolicy policy, IdentityApi identity) {
		this.screening = screening;
		this.freezes = freezes;
		this.policy = policy;
		this.identity = identity;
	}

	/**
	 * Whether the customer proved who they are again for this request: no code, no; the
	 * step-up code last sent to them, yes; any other code is refused.
	 */
	boolean stepUpPassed(UUID customerId, @Nullable String code) {
		if (code == null || code.isBlank()) {
			return false;
		}
		if (!identity.acceptStepUpCode(customerId, code)) {
			throw Refusal.unprocessable("step_up_code_invalid");
		}
		return true;
	}

	Gate open(Collection<OutgoingScreening.Party> parties) {
		return new Gate(screening.open(parties));
	}

	/** One transaction's screening. */
	final class Gate {

		private final OutgoingScreening.Session session;

		private Gate(OutgoingScreening.Session session) {
			this.session = session;
		}

		/** The refusal the movement gets, or empty when it may go. */
		Optional<Refusal> judge(UUID transactionId, UUID customerId, TransactionType type, Money money, String payee,
				long availableBefore, boolean stepUpPassed) {
			Verdict verdict = session.judge(new OutgoingMovement(transactionId, customerId, type, money,
					policy.spentInFen(money), payee, availableBefore, stepUpPassed));
			if (verdict.decision() == Decision.FREEZE) {
				freezes.freezeForRisk(customerId);
			}
			return policy.screened(verdict).map(policy::refusal);
		}

		/** Writes what was judged (see {@link OutgoingScreening.Session#close()}). */
		void close() {
			session.close();
		}

	}

}
