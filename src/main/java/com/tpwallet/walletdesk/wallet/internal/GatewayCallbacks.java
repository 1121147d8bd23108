package com.tpwallet.walletdesk.wallet.internal;

import com.tpwallet.walletdesk.wallet.Money;
import com.tpwallet.walletdesk.wallet.TransactionStatus;
import com.tpwallet.walletdesk.wallet.TransactionType;
import com.tpwallet.walletdesk.wallet.TransactionView;
import com.tpwallet.walletdesk.wallet.WalletEvents.TopUpFailed;
import com.tpwallet.walletdesk.wallet.WalletEvents.TopUpSucceeded;
import com.tpwallet.walletdesk.wallet.WalletEvents.TransactionPosted;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Settles top-ups: from the gateway's signed callback, or from reconciliation. Only a
 * pending top-up moves on, so a repeated callback changes nothing; only a succeeded
 * charge credits the wallet.
 */
@Component
class GatewayCallbacks {

	private final TransactionRecords records;

	private final Ledger ledger;

	private final GatewaySignature signature;

	private final ApplicationEventPublisher events;

	private final JsonMapper json;

	GatewayCallbacks(TransactionRecords records, Ledger ledger, GatewaySignature signature,
			ApplicationEventPublisher events, JsonMapper json) {
		this.records = records;
		this.ledger = ledger;
		this.signature = signature;
		this.events = events;
		this.json = json;
	}

	/** Returns whether the callback was taken (a gateway retries when it was not). */
	@Transactional
	public boolean receive(String body, @Nullable String signed) {
		if (signed == null || !signature.verify(body, signed)) {
			return false;
		}
		JsonNode node;
		UUID topUpId;
		try {
			node = json.readTree(body);
			topUpId = UUID.fromString(node.path("topUpId").asString());
		}
		catch (JacksonException | IllegalArgumentException e) {
			// signed, but not a callback we can read: refused like any other bad one
			return false;
		}
		String reason = node.path("reason").asString();
		return settle(topUpId, node.path("status").asString(), reason.isEmpty() ? null : reason);
	}

	/**
	 * Applies the gateway's verdict to a pending top-up; true when the top-up is known.
	 */
	@Transactional
	public boolean settle(UUID topUpId, String status, @Nullable String reason) {
		Optional<TransactionView> found = records.lock(topUpId).filter(t -> t.type() == TransactionType.TOP_UP);
		if (found.isEmpty()) {
			return false;
		}
		TransactionView topUp = found.get();
		if (topUp.status() != TransactionStatus.PENDING || status.equals("pending")) {
			return true;
		}
		Money money = new Money(topUp.amount(), topUp.currency());
		if (status.equals("succeeded")) {
			ledger.move(topUp.id(), PostingKind.TOP_UP, topUp.currency(),
					ledger.systemAccount(AccountKind.BANK_CLEARING, topUp.currency()),
					ledger.customerAccount(topUp.customerId(), AccountKind.CUSTOMER_AVAILABLE, topUp.currency()),
					topUp.amount());
			records.succeed(topUp.id());
			events.publishEvent(
					new TransactionPosted(topUp.id(), topUp.customerId(), TransactionType.TOP_UP, money, null));
			events.publishEvent(new TopUpSucceeded(topUp.id(), topUp.customerId(), money));
		}
		else {
			String why = reason == null ? "gateway_failed" : reason;
			records.fail(topUp.id(), why);
			events.publishEvent(new TopUpFailed(topUp.id(), topUp.customerId(), why, money));
		}
		return true;
	}

}
