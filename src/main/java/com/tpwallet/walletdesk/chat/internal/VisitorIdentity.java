package com.tpwallet.walletdesk.chat.internal;

import com.tpwallet.walletdesk.chat.ChatEvents.VisitorIdentified;
import com.tpwallet.walletdesk.chat.internal.ChatSteps.Step;
import com.tpwallet.walletdesk.identity.IdentityApi;
import com.tpwallet.walletdesk.platform.Actor;
import com.tpwallet.walletdesk.platform.Caller;
import com.tpwallet.walletdesk.platform.ClientAddress;
import com.tpwallet.walletdesk.platform.Refusal;
import com.tpwallet.walletdesk.support.StatedContact;
import com.tpwallet.walletdesk.support.SupportApi;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * An agent proves who a visitor in a chat is before acting on an account: a one-time code
 * goes to the phone or e-mail registered for the account the visitor named (never to an
 * address the visitor typed, which proves nothing), and the visitor reads it back. Then
 * the chat and its ticket belong to that customer, and the audit log says who checked.
 */
@Service
class VisitorIdentity {

	private final AgentChat agents;

	private final ChatStore store;

	private final ChatSteps steps;

	private final SupportApi support;

	private final IdentityApi identity;

	private final ApplicationEventPublisher events;

	VisitorIdentity(AgentChat agents, ChatStore store, ChatSteps steps, SupportApi support, IdentityApi identity,
			ApplicationEventPublisher events) {
		this.agents = agents;
		this.store = store;
		this.steps = steps;
		this.support = support;
		this.identity = identity;
		this.events = events;
	}

	/** Who the visitor says they are, and who (if anyone) they were proven to be. */
	record Visitor(String name, @Nullable String phone, @Nullable String email, @Nullable UUID verifiedCustomerId) {
	}

	@Nullable Visitor of(Conversation c) {
		if (c.customerId() != null || c.ticketId() == null) {
			return null;
		}
		return support.statedContact(c.ticketId())
			.map(s -> new Visitor(s.name(), s.phone(), s.email(), store.verifiedCustomer(c.id()).orElse(null)))
			.orElse(null);
	}

	/**
	 * Sends a code to the account registered under what the visitor stated; says nothing
	 * about whether there is one (the same throttles as a password reset apply).
	 */
	void sendCode(UUID conversationId, Caller agent, ClientAddress from) {
		identity.sendVerificationCode(stated(conversationId, agent).reach(), from);
	}

	/**
	 * The code the visitor read back: right, and the chat and its ticket become the
	 * customer's; wrong, {@code identity_code_invalid} (each wrong code spends one of its
	 * tries).
	 */
	UUID prove(UUID conversationId, Caller agent, String code, ClientAddress from) {
		StatedContact stated = stated(conversationId, agent);
		UUID customer = identity.customerProvenByCode(stated.reach(), code.strip())
			.orElseThrow(() -> Refusal.unprocessable("identity_code_invalid"))
			.id();
		steps.run(() -> {
			Conversation c = agents.ownedBy(conversationId, agent);
			store.verify(c.id(), customer);
			support.linkVisitor(java.util.Objects.requireNonNull(c.ticketId()), customer);
			events.publishEvent(new VisitorIdentified(Actor.of(agent, from), c.id(), customer));
			return new Step(c, List.of(store.append(c.id(),
					ChatMessage.noticeBy(agent.id(), steps.text(c.languageOr("en"), "chat.visitor.verified")))));
		});
		return customer;
	}

	private StatedContact stated(UUID conversationId, Caller agent) {
		Conversation c = store.find(conversationId).orElseThrow(() -> Refusal.notFound("chat_not_found"));
		if (!c.isOwnedBy(agent)) {
			throw Refusal.notAllowed("chat_not_yours");
		}
		if (c.customerId() != null || c.ticketId() == null) {
			throw Refusal.unprocessable("chat_not_a_visitor");
		}
		return support.statedContact(c.ticketId()).orElseThrow(() -> Refusal.unprocessable("chat_not_a_visitor"));
	}

}
