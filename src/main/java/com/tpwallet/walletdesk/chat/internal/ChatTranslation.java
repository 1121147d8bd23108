package com.tpwallet.walletdesk.chat.internal;

import com.tpwallet.walletdesk.chat.internal.ChatMessage.Translated;
import com.tpwallet.walletdesk.chat.internal.ChatSteps.Step;
import com.tpwallet.walletdesk.identity.IdentityApi;
import com.tpwallet.walletdesk.platform.Caller;
import com.tpwallet.walletdesk.platform.Refusal;
import com.tpwallet.walletdesk.support.HumanFallback;
import com.tpwallet.walletdesk.support.SupportApi;
import com.tpwallet.walletdesk.translation.TranslationUnavailable;
import com.tpwallet.walletdesk.translation.Translator;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * A chat between a customer and an agent who does not speak the customer's language,
 * carried by machine translation: the customer's words reach the agent also in the
 * agent's language, and the agent may write in theirs and send translated. When no
 * translation can carry the chat (none configured, the translator fails, a check fails,
 * someone says it is unclear, or the matter is a dispute), it goes back to the queue for
 * a colleague who speaks the language; the customer is told, and never receives an
 * untranslated or empty answer. Translations are asked for outside any transaction.
 */
@Component
class ChatTranslation {

	/** What became of a customer's words on their way to the agent. */
	record Carried(@Nullable Translated translation, @Nullable HumanFallback failed) {

		static final Carried NOT_NEEDED = new Carried(null, null);

	}

	private final Translator translator;

	private final IdentityApi identity;

	private final SupportApi support;

	private final ChatStore store;

	private final ChatSteps steps;

	private final Clock clock;

	/** How long a staff member's languages are taken as read. */
	private static final Duration SPOKEN_FOR = Duration.ofSeconds(30);

	private final Cache<UUID, List<String>> spoken = Caffeine.newBuilder()
		.maximumSize(10_000)
		.expireAfterWrite(SPOKEN_FOR)
		.build();

	ChatTranslation(Translator translator, IdentityApi identity, SupportApi support, ChatStore store, ChatSteps steps,
			Clock clock) {
		this.translator = translator;
		this.identity = identity;
		this.support = support;
		this.store = store;
		this.steps = steps;
		this.clock = clock;
	}

	/** Whether a translator is configured: then agents may take chats in any language. */
	boolean available() {
		return !translator.provider().equals("none");
	}

	/**
	 * The available agents who can take a chat in a language: those who speak it or, when
	 * there are none and machine translation can carry it, anyone available.
	 */
	List<UUID> whoCanTake(String language) {
		List<UUID> speakers = support.availableAgents(language);
		if (!speakers.isEmpty() || !available()) {
			return speakers;
		}
		return java.util.stream.Stream.of("zh-CN", "en", "fr", "de")
			.flatMap(l -> support.availableAgents(l).stream())
			.distinct()
			.toList();
	}

	/**
	 * The languages a staff member speaks. Every message to an agent asks, so the answer
	 * is kept for a while: an agent who learns a language has it counted within
	 * {@link #SPOKEN_FOR}.
	 */
	List<String> spoken(UUID staffId) {
		return spoken.get(staffId, id -> identity.staffMember(id).map(m -> m.languages()).orElse(List.of()));
	}

	/** Whether a staff member may take a waiting chat they would need translation for. */
	boolean mayTakeThroughTranslation(Conversation c) {
		return available() && !store.needsSpeaker(c.id()) && (c.ticketId() == null || !support.isDispute(c.ticketId()));
	}

	/**
	 * The customer's words for the agent with the chat, when the agent needs them
	 * translated.
	 */
	Carried forAgent(@Nullable Conversation c, String text) {
		if (c == null || !c.isWith(ChatStatus.AGENT) || c.agentId() == null
				|| spoken(c.agentId()).contains(c.languageOr("en"))) {
			return Carried.NOT_NEEDED;
		}
		String agentLanguage = firstLanguage(c.agentId());
		try {
			return new Carried(new Translated(translator.translate(text, c.languageOr("en"), agentLanguage),
					agentLanguage, translator.provider()), null);
		}
		catch (TranslationUnavailable unavailable) {
			return new Carried(null, HumanFallback.of(unavailable));
		}
	}

	/**
	 * What an agent sends: the text the customer reads, and the original if translated.
	 */
	record Outgoing(String text, @Nullable Translated original) {
	}

	/**
	 * What an agent wrote, in the customer's language, with the original kept; as written
	 * when the agent writes the customer's language. Throws
	 * {@code translation_unavailable} (or {@code translation_not_for_disputes}) after
	 * handing the chat to a speaker.
	 */
	Outgoing outgoing(Conversation c, Caller agent, String text) {
		String agentLanguage = firstLanguage(agent.id());
		String language = c.languageOr("en");
		if (agentLanguage.equals(language)) {
			return new Outgoing(text, null);
		}
		if (c.ticketId() != null && support.isDispute(c.ticketId())) {
			handToSpeaker(c.id(), HumanFallback.DISPUTE);
			throw Refusal.unprocessable("translation_not_for_disputes");
		}
		try {
			return new Outgoing(translator.translate(text, agentLanguage, language),
					new Translated(text, agentLanguage, translator.provider()));
		}
		catch (TranslationUnavailable unavailable) {
			handToSpeaker(c.id(), HumanFallback.of(unavailable));
			throw unavailable;
		}
	}

	/**
	 * Someone in the chat says a machine translation in it is unclear: a colleague who
	 * speaks the customer's language takes over.
	 */
	void flagUnclear(Conversation c, int seq) {
		if (!store.isTranslated(c.id(), seq)) {
			throw Refusal.unprocessable("entry_not_translated");
		}
		handToSpeaker(c.id(), HumanFallback.FLAGGED_UNCLEAR);
	}

	/** The language a staff member reads and writes first. */
	String firstLanguage(UUID staffId) {
		List<String> spoken = spoken(staffId);
		return spoken.isEmpty() ? "en" : spoken.get(0);
	}

	/** In a step of its own: the chat goes to a speaker of its language. */
	void handToSpeaker(UUID conversationId, HumanFallback reason) {
		steps.run(() -> handToSpeaker(store.lock(conversationId).orElseThrow(), reason));
	}

	/**
	 * Within the caller's step: back to the queue (if an agent has it) for speakers of
	 * the language only, the ticket routed to one, the customer told.
	 */
	Step handToSpeaker(Conversation c, HumanFallback reason) {
		String language = c.languageOr("en");
		store.requireSpeaker(c.id());
		if (c.ticketId() != null) {
			support.needSpeaker(c.ticketId(), language, reason);
		}
		if (!c.isWith(ChatStatus.AGENT)) {
			return new Step(c, List.of());
		}
		Conversation queued = store.save(c.backToQueue(clock.instant()));
		ChatMessage notice = store.append(c.id(), ChatMessage
			.notice(steps.text(language, "chat.speaker.needed", steps.text(language, "page.language." + language))));
		return new Step(queued, List.of(notice), c.agentId());
	}

}
