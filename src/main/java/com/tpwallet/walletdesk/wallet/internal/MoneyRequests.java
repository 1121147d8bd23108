package com.tpwallet.walletdesk.wallet.internal;

import com.tpwallet.walletdesk.wallet.TransactionType;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * A customer's money-moving requests as they arrive: checked before any transaction (the
 * amount, the card, the payment password), run once per idempotency key, and a refused
 * one recorded where the customer and the agents can see why. Each answer is the one a
 * replay of the same key gets again.
 */
@Service
class MoneyRequests {

	record TopUpRequest(@NotNull(message = "{validation.required}") BigDecimal amount,
			@NotBlank(message = "{validation.required}") String currency,
			@NotBlank(message = "{validation.required}") @Size(max = 30) String cardNumber,
			@NotBlank(message = "{validation.required}") @Size(max = 5) String expiry) {
	}

	record PaymentRequest(@NotBlank(message = "{validation.required}") @Size(max = 40) String merchant,
			@NotNull(message = "{validation.required}") BigDecimal amount,
			@NotBlank(message = "{validation.required}") String currency,
			@NotBlank(message = "{validation.required}") @Size(max = 12) String paymentPassword,
			@Size(max = 12) @Nullable String stepUpCode) {
	}

	record TransferRequest(@NotBlank(message = "{validation.required}") @Size(max = 254) String to,
			@NotNull(message = "{validation.required}") BigDecimal amount,
			@NotBlank(message = "{validation.required}") String currency,
			@NotBlank(message = "{validation.required}") @Size(max = 12) String paymentPassword,
			@Size(max = 200) @Nullable String note, @Size(max = 12) @Nullable String stepUpCode) {
	}

	record WithdrawalRequest(@NotNull(message = "{validation.required}") BigDecimal amount,
			@NotBlank(message = "{validation.required}") String currency,
			@NotBlank(message = "{validation.required}") @Size(max = 30) String cardNumber,
			@NotBlank(message = "{validation.required}") @Size(max = 200) String holderName,
			@NotBlank(message = "{validation.required}") @Size(max = 12) String paymentPassword,
			@Size(max = 12) @Nullable String stepUpCode) {
	}

	private final MoneyMovements movements;

	private final IdempotentRequests idempotent;

	private final TransferWriter transfers;

	private final ScreeningGate screening;

	MoneyRequests(MoneyMovements movements, IdempotentRequests idempotent, TransferWriter transfers,
			ScreeningGate screening) {
		this.screening = screening;
		this.movements = movements;
		this.idempotent = idempotent;
		this.transfers = transfers;
	}

	IdempotentRequests.Answer topUp(UUID customerId, String key, TopUpRequest body) {
		// the first step reads the amount and the card, and refuses them before anything
		// is written
		return idempotent.runAskingPartner(customerId, key, body, () -> {
		}, () -> movements.beginTopUp(customerId, AmountInput.money(body.amount(), body.currency()),
				BankCard.parse(body.cardNumber()), body.expiry()),
				topUp -> movements.charge(topUp, BankCard.parse(body.cardNumber())), movements::settleTopUp,
				refusal -> movements.recordRefusal(customerId, TransactionType.TOP_UP,
						AmountInput.bestEffort(body.amount()), body.currency(), null, refusal.code()));
	}

	IdempotentRequests.Answer pay(UUID customerId, String key, PaymentRequest body) {
		boolean[] stepUp = { false };
		return run(customerId, key, body, () -> {
			AmountInput.money(body.amount(), body.currency());
			movements.checkPaymentPassword(customerId, body.paymentPassword());
			stepUp[0] = screening.stepUpPassed(customerId, body.stepUpCode());
		}, () -> movements.pay(customerId, body.merchant(), AmountInput.money(body.amount(), body.currency()),
				stepUp[0]), TransactionType.PAYMENT, body.amount(), body.currency(),
				() -> movements.merchantLabel(body.merchant()));
	}

	/** Transfers join the batched writer's queue (ADR 5) once the checks have passed. */
	IdempotentRequests.Answer transfer(UUID customerId, String key, TransferRequest body) {
		boolean[] stepUp = { false };
		return idempotent.runQueued(customerId, key, body, () -> {
			AmountInput.money(body.amount(), body.currency());
			movements.checkPaymentPassword(customerId, body.paymentPassword());
			stepUp[0] = screening.stepUpPassed(customerId, body.stepUpCode());
		}, (k, hash) -> transfers.submit(customerId, body.to(), AmountInput.money(body.amount(), body.currency()),
				body.note(), k, hash, stepUp[0]),
				refusal -> movements.recordRefusal(customerId, TransactionType.TRANSFER_OUT,
						AmountInput.bestEffort(body.amount()), body.currency(), CounterpartyLabel.login(body.to()),
						refusal.code()));
	}

	IdempotentRequests.Answer withdraw(UUID customerId, String key, WithdrawalRequest body) {
		boolean[] stepUp = { false };
		return run(customerId, key, body, () -> {
			AmountInput.money(body.amount(), body.currency());
			BankCard.parse(body.cardNumber());
			movements.checkPaymentPassword(customerId, body.paymentPassword());
			stepUp[0] = screening.stepUpPassed(customerId, body.stepUpCode());
		}, () -> movements.withdraw(customerId, AmountInput.money(body.amount(), body.currency()),
				BankCard.parse(body.cardNumber()), body.holderName(), stepUp[0]), TransactionType.WITHDRAWAL,
				body.amount(), body.currency(), () -> null);
	}

	private IdempotentRequests.Answer run(UUID customerId, String key, Object body, Runnable precheck,
			Supplier<Object> movement, TransactionType type, BigDecimal amount, String currency,
			Supplier<@Nullable String> counterparty) {
		return idempotent.run(customerId, key, body, precheck, movement, refusal -> movements.recordRefusal(customerId,
				type, AmountInput.bestEffort(amount), currency, counterparty.get(), refusal.code()));
	}

}
