package com.tpwallet.walletdesk.wallet.internal;

import com.tpwallet.walletdesk.platform.ProblemCodes;
import com.tpwallet.walletdesk.platform.Refusal;
import com.tpwallet.walletdesk.identity.IdentityApi;
import com.tpwallet.walletdesk.platform.Actor;
import com.tpwallet.walletdesk.platform.Caller;
import com.tpwallet.walletdesk.platform.ClientAddress;
import com.tpwallet.walletdesk.wallet.Balance;
import com.tpwallet.walletdesk.wallet.TransactionView;
import com.tpwallet.walletdesk.wallet.WalletApi;
import com.tpwallet.walletdesk.wallet.WalletEvents.WalletActionTaken;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** What staff see of and do to a customer's wallet; every step audited. */
@RestController
@Tag(name = "Staff: wallet")
class StaffWalletController {

	private final WalletApi wallet;

	private final ApplicationEventPublisher events;

	private final IdempotentRequests idempotent;

	private final IdentityApi identity;

	StaffWalletController(WalletApi wallet, ApplicationEventPublisher events, IdempotentRequests idempotent,
			IdentityApi identity) {
		this.identity = identity;
		this.wallet = wallet;
		this.events = events;
		this.idempotent = idempotent;
	}

	record CustomerWallet(boolean frozen, List<Balance> balances, List<TransactionView> recent,
			List<TransactionView> failedAttempts, List<TransactionView> pendingWithdrawals) {
	}

	@GetMapping("/api/v1/staff/customers/{id}/wallet")
	@ProblemCodes(kind = Refusal.Kind.NOT_FOUND, value = "customer_not_found")
	@Transactional
	@Operation(summary = "A customer's balances, recent transactions, failed attempts and pending withdrawals")
	CustomerWallet view(@PathVariable UUID id, @AuthenticationPrincipal Caller staff, HttpServletRequest request) {
		identity.requireStaffReach(staff.id(), id);
		events.publishEvent(
				new WalletActionTaken(Actor.of(staff, ClientAddress.of(request)), "staff.wallet_viewed", id, ""));
		return new CustomerWallet(wallet.isFrozen(id), wallet.balances(id), wallet.recentTransactions(id, 20),
				wallet.failedAttempts(id, 20), wallet.pendingWithdrawals(id));
	}

	record FreezeRequest(@NotBlank(message = "{validation.required}") @Size(max = 200) String reason) {
	}

	@PostMapping("/api/v1/staff/customers/{id}/wallet/freeze")
	@ProblemCodes(kind = Refusal.Kind.NOT_FOUND, value = "customer_not_found")
	@PreAuthorize("hasRole('SUPERVISOR')")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Freeze a wallet: no money leaves it (supervisors)")
	void freeze(@PathVariable UUID id, @Valid @RequestBody FreezeRequest body, @AuthenticationPrincipal Caller staff,
			HttpServletRequest request) {
		wallet.freeze(id, body.reason(), Actor.of(staff, ClientAddress.of(request)));
	}

	@PostMapping("/api/v1/staff/customers/{id}/wallet/unfreeze")
	@ProblemCodes(kind = Refusal.Kind.NOT_FOUND, value = "customer_not_found")
	@PreAuthorize("hasRole('SUPERVISOR')")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Unfreeze a wallet (supervisors)")
	void unfreeze(@PathVariable UUID id, @AuthenticationPrincipal Caller staff, HttpServletRequest request) {
		wallet.unfreeze(id, Actor.of(staff, ClientAddress.of(request)));
	}

	record RefundRequest(@NotNull(message = "{validation.required}") @Positive Long amount,
			@NotBlank(message = "{validation.required}") @Size(max = 200) String reason) {
	}

	@PostMapping("/api/v1/staff/transactions/{id}/refund")
	@ProblemCodes(kind = Refusal.Kind.RULE, value = { "refund_not_refundable", "refund_amount_invalid" })
	@ProblemCodes(kind = Refusal.Kind.CONFLICT, value = "idempotency_key_reused")
	@ProblemCodes(kind = Refusal.Kind.NOT_FOUND, value = "transaction_not_found")
	@ProblemCodes(kind = Refusal.Kind.INVALID_INPUT, value = "idempotency_key_required")
	@PreAuthorize("hasRole('SUPERVISOR')")
	@ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = TransactionView.class)))
	@Operation(summary = "Refund (part of) a posted payment with a new balancing posting (supervisors)")
	ResponseEntity<String> refund(@PathVariable UUID id,
			@RequestHeader(name = "Idempotency-Key", required = false) String key,
			@Valid @RequestBody RefundRequest body, @AuthenticationPrincipal Caller staff, HttpServletRequest request) {
		record Refund(UUID payment, long amount, String reason) {
		}
		// Keyed by the staff member: a double click refunds once.
		IdempotentRequests.Answer answer = idempotent.run(staff.id(), key, new Refund(id, body.amount(), body.reason()),
				() -> {
				}, () -> wallet.refund(id, body.amount(), body.reason(), Actor.of(staff, ClientAddress.of(request))),
				refusal -> {
				});
		return ResponseEntity.status(answer.status()).contentType(MediaType.APPLICATION_JSON).body(answer.body());
	}

}
