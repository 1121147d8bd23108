package com.tpwallet.walletdesk.chat.internal;

import com.tpwallet.walletdesk.chat.internal.ChatMessage.Sender;
import com.tpwallet.walletdesk.chat.internal.ChatSteps.Step;
import com.tpwallet.walletdesk.identity.IdentityApi;
import com.tpwallet.walletdesk.platform.Caller;
import com.tpwallet.walletdesk.platform.Refusal;
import com.tpwallet.walletdesk.support.EntryKind;
import com.tpwallet.walletdesk.support.SupportApi;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The agent's side of a chat: take a waiting one (in a language the agent speaks, up to a
 * limit), write, hand it to a colleague. The chat's ticket follows the chat.
 */
@Service
class AgentChat {

	private final ChatStore store;

	private final ChatSteps steps;

	private final ConsoleSignals consoles;

	private final SupportApi support;

	private final IdentityApi identity;

	private final ChatTranslation translation;

	private final int agentLimit;

	AgentChat(ChatStore store, ChatSteps steps, ConsoleSignals consoles, SupportApi support, IdentityApi identity,
			ChatTranslation translation, @Value("${walletdesk.chat.agent-limit:3}") int agentLimit) {
		this.store = store;
		this.translation = translation;
		this.steps = steps;
		this.consoles = consoles;
		this.support = support;
		this.identity = identity;
		this.agentLimit = agentLimit;
	}

	void accept(UUID conversationId, Caller agent) {
		steps.run(() -> {
			Conversation c = store.lock(conversationId).orElseThrow(() -> Refusal.notFound("chat_not_found"));
			if (!c.isWith(ChatStatus.QUEUED)) {
				throw Refusal.conflict("chat_not_waiting");
			}
			String language = c.languageOr("en");
			boolean speaker = translation.spoken(agent.id()).contains(language);
			if (!languagesOf(agent).contains(language) || !speaker && !agent.hasAtLeast(Caller.Role.SUPERVISOR)
					&& !translation.mayTakeThroughTranslation(c)) {
				throw Refusal.notAllowed("chat_not_yours");
			}
			if (store.activeChats(agent.id()) >= agentLimit) {
				throw Refusal.unprocessable("chat_limit_reached", String.valueOf(agentLimit));
			}
			Conversation taken = store.save(c.giveTo(agent.id()));
			support.assign(c.ticketId(), agent.id());
			ChatMessage joined = store.append(c.id(), ChatMessage.noticeBy(agent.id(), steps.text(language,
					speaker ? "chat.agent.joined" : "chat.agent.joined.translated", agent.name())));
			return new Step(taken, List.of(joined));
		});
		consoles.queueChanged();
	}

	void transfer(UUID conversationId, Caller agent, UUID toAgentId) {
		var target = identity.staffMember(toAgentId).orElseThrow(() -> Refusal.unprocessable("assignee_unknown"));
		steps.run(() -> {
			Conversation c = ownedBy(conversationId, agent);
			if (!target.languages().contains(c.languageOr("en"))) {
				throw Refusal.unprocessable("chat_agent_language");
			}
			Conversation moved = store.save(c.giveTo(toAgentId));
			support.assign(c.ticketId(), toAgentId);
			ChatMessage notice = store.append(c.id(), ChatMessage.noticeBy(agent.id(),
					steps.text(c.languageOr("en"), "chat.transferred", target.displayName())));
			// the previous agent sees the hand-over too
			return new Step(moved, List.of(notice), agent.id());
		});
	}

	/**
	 * With {@code translate}, the agent writes in their own language and the customer
	 * reads it machine-translated into theirs, the original kept beside it.
	 */
	void agentWrites(UUID conversationId, Caller agent, String raw, boolean translate) {
		String text = raw.strip();
		if (text.isEmpty() || text.length() > ChatSteps.MAX_TEXT) {
			throw Refusal.unprocessable("chat_text_invalid", String.valueOf(ChatSteps.MAX_TEXT));
		}
		ChatTranslation.Outgoing outgoing = translate
				? translation.outgoing(store.find(conversationId)
					.filter(c -> c.isOwnedBy(agent))
					.orElseThrow(() -> Refusal.notAllowed("chat_not_yours")), agent, text)
				: new ChatTranslation.Outgoing(text, null);
		steps.run(() -> {
			Conversation c = ownedBy(conversationId, agent);
			ChatMessage m = store.appendText(c.id(), Sender.AGENT, agent.id(), agent.name(), outgoing.text()).message();
			ChatMessage.Translated original = outgoing.original();
			if (original == null) {
				support.addEntry(c.ticketId(), EntryKind.AGENT, agent.id(), text);
				return new Step(c, List.of(m));
			}
			store.keepTranslation(m, "original", original);
			support.addTranslatedReply(c.ticketId(), agent.id(), outgoing.text(), original.text(), original.language());
			return new Step(c, List.of(m.sentTranslated(original)));
		});
	}

	/** The agent says a machine translation in their chat is unclear. */
	void unclear(UUID conversationId, int seq, Caller agent) {
		translation.flagUnclear(store.find(conversationId)
			.filter(c -> c.isOwnedBy(agent))
			.orElseThrow(() -> Refusal.notFound("chat_not_found")), seq);
	}

	/** The chat, locked, if this agent (or a supervisor) may act in it. */
	Conversation ownedBy(UUID conversationId, Caller agent) {
		Conversation c = store.lock(conversationId).orElseThrow(() -> Refusal.notFound("chat_not_found"));
		if (!c.isOwnedBy(agent)) {
			throw Refusal.notAllowed("chat_not_yours");
		}
		return c;
	}

	/**
	 * The languages whose waiting chats an agent sees: those they speak, or all when
	 * machine translation is there to carry the others; supervisors see all.
	 */
	List<String> languagesOf(Caller agent) {
		return agent.hasAtLeast(Caller.Role.SUPERVISOR) || translation.available() ? List.of("zh-CN", "en", "fr", "de")
				: translation.spoken(agent.id());
	}

	/** The languages an agent speaks: chats that need a speaker wait for them. */
	List<String> spokenBy(Caller agent) {
		return translation.spoken(agent.id());
	}

}
