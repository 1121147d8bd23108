package com.tpwallet.walletdesk.wallet.internal;

import com.tpwallet.walletdesk.platform.Caller;
import com.tpwallet.walletdesk.platform.CursorPage;
import com.tpwallet.walletdesk.platform.Refusal;
import com.tpwallet.walletdesk.wallet.Balance;
import com.tpwallet.walletdesk.wallet.Money;
import com.tpwallet.walletdesk.wallet.TransactionView;
import com.tpwallet.walletdesk.wallet.WalletApi;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in customer's wallet. Every money-moving POST needs an
 * {@code Idempotency-Key} header.
 */
@RestController
@RequestMapping("/api/v1/wallet")
@Tag(name = "Wallet")
class WalletController {

	private final WalletApi wallet;

	private final MoneyMovements movements;

	private final IdempotentRequests idempotent;

	private final TransactionHistory history;

	private final TransactionRecords records;

	private final HistoryExport export;

	private final TransferWriter transfers;

	WalletController(WalletApi wallet, MoneyMovements movements, IdempotentRequests idempotent,
			TransactionHistory history, TransactionRecords records, HistoryExport export, TransferWriter transfers) {
		this.transfers = transfers;
		this.wallet = wallet;
		this.movements = movements;
		this.idempotent = idempotent;
		this.history = history;
		this.records = records;
		this.export = export;
	}

	record WalletView(boolean frozen, List<Balance> balances) {
	}

	@GetMapping
	@Operation(summary = "Balances (available and held, per currency) and whether the wallet is frozen")
	WalletView wallet(@AuthenticationPrincipal Caller caller) {
		UUID id = caller.customerId();
		return new WalletView(wallet.isFrozen(id), wallet.balances(id));
	}

	record TopUpRequest(@NotNull(message = "{validation.required}") BigDecimal amount,
			@NotBlank(message = "{validation.required}") String currency,
			@NotBlank(message = "{validation.required}") @Size(max = 30) String cardNumber,
			@NotBlank(message = "{validation.required}") @Size(max = 5) String expiry) {
	}

	@PostMapping("/top-ups")
	@Operation(summary = "Top up from a bank card; confirmed asynchronously by the gateway")
	@ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = TransactionView.class)))
	ResponseEntity<String> topUp(@AuthenticationPrincipal Caller caller,
			@RequestHeader(name = "Idempotency-Key", required = false) String key,
			@Valid @RequestBody TopUpRequest body) {
		UUID id = caller.customerId();
		return run(id, key, body, () -> {
		}, () -> movements.topUp(id, AmountInput.money(body.amount(), body.currency()),
				BankCard.parse(body.cardNumber()), body.expiry()), "top_up", body.amount(), body.currency(),
				() -> null);
	}

	record PaymentRequest(@NotBlank(message = "{validation.required}") @Size(max = 40) String merchant,
			@NotNull(message = "{validation.required}") BigDecimal amount,
			@NotBlank(message = "{validation.required}") String currency,
			@NotBlank(message = "{validation.required}") @Size(max = 12) String paymentPassword) {
	}

	@PostMapping("/payments")
	@Operation(summary = "Pay a merchant, authorised with the payment password")
	@ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = TransactionView.class)))
	ResponseEntity<String> pay(@AuthenticationPrincipal Caller caller,
			@RequestHeader(name = "Idempotency-Key", required = false) String key,
			@Valid @RequestBody PaymentRequest body) {
		UUID id = caller.customerId();
		return run(id, key, body, () -> {
			AmountInput.money(body.amount(), body.currency());
			movements.checkPaymentPassword(id, body.paymentPassword());
		}, () -> movements.pay(id, body.merchant(), AmountInput.money(body.amount(), body.currency())), "payment",
				body.amount(), body.currency(), () -> movements.merchantLabel(body.merchant()));
	}

	record TransferRequest(@NotBlank(message = "{validation.required}") @Size(max = 254) String to,
			@NotNull(message = "{validation.required}") BigDecimal amount,
			@NotBlank(message = "{validation.required}") String currency,
			@NotBlank(message = "{validation.required}") @Size(max = 12) String paymentPassword,
			@Size(max = 200) @Nullable String note) {
	}

	@PostMapping("/transfers")
	@Operation(summary = "Send money to another customer by phone number or e-mail")
	@ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = TransactionView.class)))
	ResponseEntity<String> transfer(@AuthenticationPrincipal Caller caller,
			@RequestHeader(name = "Idempotency-Key", required = false) String key,
			@Valid @RequestBody TransferRequest body) {
		UUID id = caller.customerId();
		IdempotentRequests.Answer answer = idempotent.runQueued(id, key, body, () -> {
			AmountInput.money(body.amount(), body.currency());
			movements.checkPaymentPassword(id, body.paymentPassword());
		}, (k, hash) -> transfers.submit(id, body.to(), AmountInput.money(body.amount(), body.currency()), body.note(),
				k, hash),
				refusal -> movements.recordRefusal(id, "transfer_out", AmountInput.bestEffort(body.amount()),
						body.currency(), CounterpartyLabel.login(body.to()), refusal.code()));
		return ResponseEntity.status(answer.status()).contentType(MediaType.APPLICATION_JSON).body(answer.body());
	}

	record WithdrawalRequest(@NotNull(message = "{validation.required}") BigDecimal amount,
			@NotBlank(message = "{validation.required}") String currency,
			@NotBlank(message = "{validation.required}") @Size(max = 30) String cardNumber,
			@NotBlank(message = "{validation.required}") @Size(max = 200) String holderName,
			@NotBlank(message = "{validation.required}") @Size(max = 12) String paymentPassword) {
	}

	@PostMapping("/withdrawals")
	@Operation(
			summary = "Withdraw to a bank card: held at once, paid out on business days; answers the expected arrival date")
	@ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = TransactionView.class)))
	ResponseEntity<String> withdraw(@AuthenticationPrincipal Caller caller,
			@RequestHeader(name = "Idempotency-Key", required = false) String key,
			@Valid @RequestBody WithdrawalRequest body) {
		UUID id = caller.customerId();
		return run(id, key, body, () -> {
			AmountInput.money(body.amount(), body.currency());
			BankCard.parse(body.cardNumber());
			movements.checkPaymentPassword(id, body.paymentPassword());
		}, () -> movements.withdraw(id, AmountInput.money(body.amount(), body.currency()),
				BankCard.parse(body.cardNumber()), body.holderName()), "withdrawal", body.amount(), body.currency(),
				() -> null);
	}

	private ResponseEntity<String> run(UUID customerId, String key, Object body, Runnable precheck,
			Supplier<Object> movement, String type, BigDecimal amount, String currency,
			Supplier<@Nullable String> counterparty) {
		IdempotentRequests.Answer answer = idempotent.run(customerId, key, body, precheck, movement,
				refusal -> movements.recordRefusal(customerId, type, AmountInput.bestEffort(amount), currency,
						counterparty.get(), refusal.code()));
		return ResponseEntity.status(answer.status()).contentType(MediaType.APPLICATION_JSON).body(answer.body());
	}

	@GetMapping("/transactions")
	@Operation(
			summary = "History, newest first: filter by type, status (failed attempts included), time, amount, counterparty, reference")
	CursorPage<TransactionView> transactions(@AuthenticationPrincipal Caller caller,
			@RequestParam(required = false) @Nullable String type,
			@RequestParam(required = false) @Nullable String status,
			@Parameter(description = "ISO-8601 instant, inclusive") @RequestParam(required = false) @DateTimeFormat(
					iso = DateTimeFormat.ISO.DATE_TIME) @Nullable Instant from,
			@Parameter(description = "ISO-8601 instant, exclusive") @RequestParam(required = false) @DateTimeFormat(
					iso = DateTimeFormat.ISO.DATE_TIME) @Nullable Instant to,
			@RequestParam(required = false) @Nullable Long minAmount,
			@RequestParam(required = false) @Nullable Long maxAmount,
			@RequestParam(required = false) @Nullable String counterparty,
			@RequestParam(required = false) @Nullable String reference,
			@RequestParam(required = false) @Nullable String currency,
			@RequestParam(required = false) @Nullable String cursor,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
		var filter = new TransactionHistory.Filter(type, status, from, to, minAmount, maxAmount, counterparty,
				reference, currency);
		return history.page(caller.customerId(), filter, cursor, limit);
	}

	@GetMapping(value = "/transactions/export.csv", produces = "text/csv")
	@Operation(summary = "The same history as CSV (up to 10,000 rows)")
	ResponseEntity<String> exportCsv(@AuthenticationPrincipal Caller caller,
			@RequestParam(required = false) @Nullable String type,
			@RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable Instant from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable Instant to) {
		var filter = new TransactionHistory.Filter(type, status, from, to, null, null, null, null, null);
		return ResponseEntity.ok()
			.header("Content-Disposition", "attachment; filename=\"tpwallet-transactions.csv\"")
			.contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
			.body(export.csv(caller.customerId(), filter));
	}

	record TransactionDetail(TransactionView transaction, List<TransactionRecords.TimelineStep> timeline) {
	}

	@GetMapping("/transactions/{id}")
	@Operation(summary = "One transaction with its timeline (requested, held, sent to bank, settled or failed, reason)")
	TransactionDetail transaction(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
		UUID me = caller.customerId();
		TransactionView t = records.find(id)
			.filter(x -> x.customerId().equals(me))
			.orElseThrow(() -> Refusal.notFound("transaction_not_found"));
		return new TransactionDetail(t, records.timeline(id));
	}

}
