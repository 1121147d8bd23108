package com.tpwallet.walletdesk.chat.internal;

import com.tpwallet.walletdesk.identity.CustomerProfile;
import com.tpwallet.walletdesk.identity.IdentityApi;
import com.tpwallet.walletdesk.platform.Caller;
import com.tpwallet.walletdesk.platform.Refusal;
import com.tpwallet.walletdesk.support.SupportApi;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * What the chat screens read: a chat's history, an agent's board, colleagues to transfer
 * to.
 */
@Component
class ChatViews {

	private final ChatStore store;

	private final AgentChat agents;

	private final IdentityApi identity;

	private final SupportApi support;

	private final VisitorIdentity visitors;

	ChatViews(ChatStore store, AgentChat agents, IdentityApi identity, SupportApi support, VisitorIdentity visitors) {
		this.visitors = visitors;
		this.store = store;
		this.agents = agents;
		this.identity = identity;
		this.support = support;
	}

	/**
	 * {@code visitor}: who a visitor who is not signed in says they are (staff only), and
	 * whom they were proven to be.
	 */
	record History(UUID conversationId, ChatStatus status, @Nullable String language, @Nullable UUID ticketId,
			List<ChatMessage> messages, VisitorIdentity.@Nullable Visitor visitor) {
	}

	record Summary(UUID id, ChatStatus status, @Nullable String language, @Nullable UUID ticketId,
			@Nullable String customer, Instant createdAt, @Nullable Instant queuedAt, int lastSeq,
			VisitorIdentity.@Nullable Visitor visitor) {
	}

	record Board(List<Summary> waiting, List<Summary> mine) {
	}

	record Colleague(UUID id, String name) {
	}

	/** The customer's latest chat, from a sequence number on. */
	History current(Caller customer, int after) {
		Conversation c = store.latest(customer.customerId(), null)
			.orElseThrow(() -> Refusal.notFound("chat_not_found"));
		return new History(c.id(), c.status(), c.language(), c.ticketId(),
				store.after(c.id(), Math.max(0, after), c.ticketId()), null);
	}

	/**
	 * Chats waiting in the agent's languages (longest first) and the agent's own. Every
	 * console reloads it every few seconds: the customers of both lists are read at once
	 * (when there are any).
	 */
	Board board(Caller agent) {
		List<Conversation> waiting = store.waiting(agents.languagesOf(agent), agents.spokenBy(agent));
		List<Conversation> mine = store.withAgent(agent.id());
		Set<UUID> ids = Stream.concat(waiting.stream(), mine.stream())
			.map(Conversation::customerId)
			.filter(Objects::nonNull)
			.collect(Collectors.toSet());
		Map<UUID, CustomerProfile> customers = ids.isEmpty() ? Map.of() : identity.customers(ids);
		return new Board(waiting.stream().map(c -> summary(c, customers)).toList(),
				mine.stream().map(c -> summary(c, customers)).toList());
	}

	/** A chat's messages, for the staff who may read it. */
	History messages(UUID id, int after, Caller staff) {
		Conversation c = store.find(id)
			.filter(x -> x.isVisibleTo(staff, agents.languagesOf(staff)))
			.orElseThrow(() -> Refusal.notFound("chat_not_found"));
		return history(c, after);
	}

	/** Available agents, other than this one, who speak the chat's language. */
	List<Colleague> colleagues(UUID id, Caller agent) {
		Conversation c = store.find(id)
			.filter(x -> x.isVisibleTo(agent, agents.languagesOf(agent)))
			.orElseThrow(() -> Refusal.notFound("chat_not_found"));
		return support.availableAgents(c.languageOr("en"))
			.stream()
			.filter(a -> !a.equals(agent.id()))
			.map(a -> new Colleague(a, identity.staffMember(a).map(m -> m.displayName()).orElse("?")))
			.toList();
	}

	History history(UUID id) {
		return history(store.find(id).orElseThrow(), 0);
	}

	/** For staff: with who the visitor says they are. */
	private History history(Conversation c, int after) {
		return new History(c.id(), c.status(), c.language(), c.ticketId(),
				store.after(c.id(), Math.max(0, after), c.ticketId()), visitors.of(c));
	}

	private Summary summary(Conversation c, Map<UUID, CustomerProfile> customers) {
		CustomerProfile p = c.customerId() == null ? null : customers.get(c.customerId());
		String customer = p == null ? null : p.phone() != null ? p.phone() : p.email();
		return new Summary(c.id(), c.status(), c.language(), c.ticketId(), customer, c.createdAt(), c.queuedAt(),
				c.lastSeq(), visitors.of(c));
	}

}
