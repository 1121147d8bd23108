package com.tpwallet.walletdesk.wallet.internal;

import com.tpwallet.walletdesk.platform.ProblemCodes;
import com.tpwallet.walletdesk.platform.Refusal;
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
import java.time.Instant;
import java.util.List;
import java.util.UUID;
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

	private final MoneyRequests requests;

	private final TransactionHistory history;

	private final TransactionRecords records;

	private final HistoryExport export;

	WalletController(WalletApi wallet, MoneyRequests requests, TransactionHistory history, TransactionRecords records,
			HistoryExport export) {
		this.requests = requests;
		this.wallet = wallet;
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

	@PostMapping("/top-ups")
	@ProblemCodes(kind = Refusal.Kind.RULE,
			value = { "amount_not_integer", "amount_not_positive", "amount_too_large", "currency_unsupported",
					"card_invalid", "card_expired", "card_expiry_invalid" })
	@ProblemCodes(kind = Refusal.Kind.CONFLICT, value = "idempotency_key_reused")
	@ProblemCodes(kind = Refusal.Kind.INVALID_INPUT, value = "idempotency_key_required")
	@Operation(summary = "Top up from a bank card; confirmed asynchronously by the gateway")
	@ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = TransactionView.class)))
	ResponseEntity<String> topUp(@AuthenticationPrincipal Caller caller,
			@RequestHeader(name = "Idempotency-Key", required = false) String key,
			@Valid @RequestBody MoneyRequests.TopUpRequest body) {
		return respond(requests.topUp(caller.customerId(), key, body));
	}

	@PostMapping("/payments")
	@ProblemCodes(kind = Refusal.Kind.RULE,
			value = { "amount_not_integer", "amount_not_positive", "amount_too_large", "currency_unsupported",
					"merchant_unknown", "payment_password_wrong", "payment_password_blocked",
					"payment_password_not_set", "wallet_frozen", "insufficient_balance", "limit_exceeded",
					"risk_step_up_required", "risk_review", "step_up_code_invalid" })
	@ProblemCodes(kind = Refusal.Kind.CONFLICT, value = "idempotency_key_reused")
	@ProblemCodes(kind = Refusal.Kind.INVALID_INPUT, value = "idempotency_key_required")
	@Operation(summary = "Pay a merchant, authorised with the payment password")
	@ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = TransactionView.class)))
	ResponseEntity<String> pay(@AuthenticationPrincipal Caller caller,
			@RequestHeader(name = "Idempotency-Key", required = false) String key,
			@Valid @RequestBody MoneyRequests.PaymentRequest body) {
		return respond(requests.pay(caller.customerId(), key, body));
	}

	@PostMapping("/transfers")
	@ProblemCodes(kind = Refusal.Kind.RULE,
			value = { "amount_not_integer", "amount_not_positive", "amount_too_large", "currency_unsupported",
					"payment_password_wrong", "payment_password_blocked", "payment_password_not_set",
					"recipient_unknown", "recipient_is_self", "wallet_frozen", "insufficient_balance", "limit_exceeded",
					"risk_step_up_required", "risk_review", "step_up_code_invalid" })
	@ProblemCodes(kind = Refusal.Kind.CONFLICT, value = "idempotency_key_reused")
	@ProblemCodes(kind = Refusal.Kind.INVALID_INPUT, value = "idempotency_key_required")
	@ProblemCodes(kind = Refusal.Kind.UNAVAILABLE, value = "wallet_busy")
	@Operation(summary = "Send money to another customer by phone number or e-mail")
	@ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = TransactionView.class)))
	ResponseEntity<String> transfer(@AuthenticationPrincipal Caller caller,
			@RequestHeader(name = "Idempotency-Key", required = false) String key,
			@Valid @RequestBody MoneyRequests.TransferRequest body) {
		return respond(requests.transfer(caller.customerId(), key, body));
	}

	@PostMapping("/withdrawals")
	@ProblemCodes(kind = Refusal.Kind.RULE,
			value = { "amount_not_integer", "amount_not_positive", "amount_too_large", "currency_unsupported",
					"card_invalid", "payment_password_wrong", "payment_password_blocked", "payment_password_not_set",
					"identity_not_verified", "holder_name_mismatch", "wallet_frozen", "insufficient_balance",
					"limit_exceeded", "risk_step_up_required", "risk_review", "step_up_code_invalid" })
	@ProblemCodes(kind = Refusal.Kind.CONFLICT, value = "idempotency_key_reused")
	@ProblemCodes(kind = Refusal.Kind.INVALID_INPUT, value = "idempotency_key_required")
	@Operation(
			summary = "Withdraw to a bank card: held at once, paid out on business days; answers the expected arrival date")
	@ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = TransactionView.class)))
	ResponseEntity<String> withdraw(@AuthenticationPrincipal Caller caller,
			@RequestHeader(name = "Idempotency-Key", required = false) String key,
			@Valid @RequestBody MoneyRequests.WithdrawalRequest body) {
		return respond(requests.withdraw(caller.customerId(), key, body));
	}

	private static ResponseEntity<String> respond(IdempotentRequests.Answer answer) {
		return ResponseEntity.status(answer.status()).contentType(MediaType.APPLICATION_JSON).body(answer.body());
	}

	@GetMapping("/transactions")
	@ProblemCodes(kind = Refusal.Kind.RULE, value = "filter_invalid")
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
	@ProblemCodes(kind = Refusal.Kind.RULE, value = "filter_invalid")
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
	@ProblemCodes(kind = Refusal.Kind.NOT_FOUND, value = "transaction_not_found")
	@Operation(summary = "One transaction with its timeline (requested, held, sent to bank, settled or failed, reason)")
	TransactionDetail transaction(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
		UUID me = caller.customerId();
		TransactionView t = records.find(id)
			.filter(x -> x.customerId().equals(me))
			.orElseThrow(() -> Refusal.notFound("transaction_not_found"));
		return new TransactionDetail(t, records.timeline(id));
	}

}
