package com.tpwallet.walletdesk.chat.internal;

import com.tpwallet.walletdesk.chat.internal.ChatMessage.Sender;
import com.tpwallet.walletdesk.chat.internal.ChatSteps.Step;
import com.tpwallet.walletdesk.knowledge.AnswerBot;
import com.tpwallet.walletdesk.platform.Languages;
import com.tpwallet.walletdesk.platform.PlainText;
import com.tpwallet.walletdesk.platform.Refusal;
import com.tpwallet.walletdesk.support.EntryKind;
import com.tpwallet.walletdesk.support.StatedContact;
import com.tpwallet.walletdesk.support.SupportApi;
import com.tpwallet.walletdesk.translation.LanguageDetection;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * The customer's side of a chat: the bot answers from the knowledge base until the
 * customer asks for a person; then the chat queues for an agent in working hours, or
 * becomes a message on its ticket.
 */
@Service
class CustomerChat {

	private static final Logger log = LoggerFactory.getLogger(CustomerChat.class);

	/**
	 * The session attribute holding the conversation a connection writes to, as last
	 * seen, which saves a lookup per message: each message checks it against the stored
	 * chat in the statement that appends it.
	 */
	static final String SESSION_CONVERSATION = "wd.conversation";

	private final ChatStore store;

	private final ChatSteps steps;

	private final ChatDelivery delivery;

	private final AnswerBot bot;

	private final LanguageDetection detection;

	private final SupportApi support;

	private final MessageSource messages;

	private final Clock clock;

	private final int minutesPerChat;

	private final ChatTranslation translation;

	private final CustomerTexts texts;

	CustomerChat(ChatStore store, ChatSteps steps, ChatDelivery delivery, AnswerBot bot, LanguageDetection detection,
			SupportApi support, MessageSource messages, Clock clock, ChatTranslation translation, CustomerTexts texts,
			@Value("${walletdesk.chat.minutes-per-chat:6}") int minutesPerChat) {
		this.store = store;
		this.texts = texts;
		this.translation = translation;
		this.steps = steps;
		this.delivery = delivery;
		this.bot = bot;
		this.detection = detection;
		this.support = support;
		this.messages = messages;
		this.clock = clock;
		this.minutesPerChat = minutesPerChat;
	}

	/**
	 * Opens the customer's chat (or returns to the one still open, sending its history to
	 * this session).
	 */
	Conversation start(ChatUser user, @Nullable String language, String sessionId,
			@Nullable Map<String, Object> session) {
		Conversation started = start(user, language, sessionId);
		if (session != null) {
			// the connection's messages go there without a lookup
			session.put(SESSION_CONVERSATION, started);
		}
		return started;
	}

	Conversation start(ChatUser user, @Nullable String language, String sessionId) {
		String lang = language == null ? null
				: Languages.match(language)
					.map(Languages::tagOf)
					.orElseThrow(() -> Refusal.unprocessable("unsupported_language"));
		var existing = store.open(user.customerId(), user.visitorId());
		if (existing.isPresent()) {
			delivery.toSession(sessionId, store.after(existing.get().id(), 0, existing.get().ticketId()));
			return existing.get();
		}
		return steps.run(() -> {
			Conversation c = store.create(user.customerId(), user.customerId() == null ? user.visitorId() : null, lang);
			String greetIn = lang != null ? lang : user.language();
			return new Step(c, List.of(store.append(c.id(),
					ChatMessage.bot(steps.text(greetIn, "chat.greeting"), handoverButton(greetIn)))));
		}).conversation();
	}

	/**
	 * Thrown inside the transaction when the remembered conversation has ended meanwhile:
	 * nothing is kept.
	 */
	private static final class Stale extends RuntimeException {

		Stale() {
			super(null, null, false, false);
		}

	}

	/**
	 * Thrown inside the transaction when the chat changed hands or language since it was
	 * last seen, so the words were carried to the agent as the chat was, not as it is:
	 * nothing is kept, and the message is written again for the chat as it is now.
	 */
	private static final class Moved extends RuntimeException {

		private final transient Conversation now;

		Moved(Conversation now) {
			super(null, null, false, false);
			this.now = now;
		}

	}

	/** How often a message follows a chat that keeps changing hands before giving up. */
	private static final int MOVES = 5;

	/**
	 * The customer wrote: stored, shown to both sides, copied to the ticket, answered by
	 * the bot while it has the chat.
	 */
	void customerWrites(ChatUser user, String raw, String sessionId, @Nullable Map<String, Object> session) {
		String text = PlainText.of(raw);
		if (text.isEmpty() || text.length() > ChatSteps.MAX_TEXT) {
			throw Refusal.unprocessable("chat_text_invalid", String.valueOf(ChatSteps.MAX_TEXT));
		}
		Conversation remembered = session == null ? null : (Conversation) session.get(SESSION_CONVERSATION);
		if (remembered != null) {
			try {
				remember(session, write(user, remembered, text));
				return;
			}
			catch (Stale e) {
				session.remove(SESSION_CONVERSATION);
			}
		}
		Conversation seen = store.open(user.customerId(), user.visitorId())
			.orElseGet(() -> start(user, null, sessionId));
		remember(session, write(user, seen, text));
	}

	private static void remember(@Nullable Map<String, Object> session, Conversation c) {
		if (session != null) {
			session.put(SESSION_CONVERSATION, c);
		}
	}

	/** Writes the message for the chat as last seen, or as it is now if it moved. */
	private Conversation write(ChatUser user, Conversation seen, String text) {
		Conversation last = seen;
		for (int attempt = 1;; attempt++) {
			try {
				return write(user, last, text, translation.forAgent(last, text));
			}
			catch (Moved moved) {
				if (attempt == MOVES) {
					throw new IllegalStateException("conversation " + seen.id() + " kept changing hands");
				}
				last = moved.now;
			}
		}
	}

	private Conversation write(ChatUser user, Conversation seen, String text, ChatTranslation.Carried carried) {
		if (!seen.isWith(ChatStatus.BOT) && carried.failed() == null) {
			// to an agent or a queue: stored with other customers' texts, unless the chat
			// changed since this connection saw it
			Optional<Step> stored = texts.write(user, seen, text, carried.translation());
			if (stored.isPresent()) {
				steps.delivered(stored.get());
				return stored.get().conversation();
			}
		}
		return steps.run(() -> {
			ChatStore.Appended appended = store.appendText(seen.id(), Sender.CUSTOMER, user.customerId(), text);
			Conversation c = appended.conversation();
			if (!c.isOpen() || !c.belongsTo(user)) {
				throw new Stale();
			}
			if (!seen.sameReaderAs(c)) {
				throw new Moved(c);
			}
			ChatMessage written = store.forAgent(appended.message(), carried.translation());
			List<ChatMessage> out = new ArrayList<>(List.of(written));
			if (c.ticketId() != null) {
				support.addEntry(c.ticketId(), EntryKind.CUSTOMER, user.customerId(), text);
			}
			if (carried.failed() != null && c.isWith(ChatStatus.AGENT)) {
				// the agent cannot read it: a colleague who speaks the language takes
				// over
				Step handed = translation.handToSpeaker(c, carried.failed());
				out.addAll(handed.messages());
				return new Step(handed.conversation(), out, handed.formerAgent());
			}
			if (!c.isWith(ChatStatus.BOT)) {
				// with an agent, queued or left as a message: stored, copied, delivered
				return new Step(c, out);
			}
			if (c.language() == null) {
				store.setLanguage(c.id(), detection.detect(text).orElse(user.language()));
				c = store.find(c.id()).orElseThrow();
			}
			out.addAll(isHandoverRequest(text) ? handOver(c, user) : answer(c, text));
			return new Step(store.find(c.id()).orElseThrow(), out);
		}).conversation();
	}

	/** The customer says a machine-translated answer in their chat is unclear. */
	void unclear(UUID conversationId, int seq, UUID customerId) {
		translation.flagUnclear(store.find(conversationId)
			.filter(c -> customerId.equals(c.customerId()))
			.orElseThrow(() -> Refusal.notFound("chat_not_found")), seq);
	}

	void handoverRequested(ChatUser user) {
		Conversation conversation = store.open(user.customerId(), user.visitorId())
			.orElseThrow(() -> Refusal.notFound("chat_not_found"));
		steps.run(() -> {
			Conversation c = store.lock(conversation.id()).orElseThrow();
			List<ChatMessage> out = c.isWith(ChatStatus.BOT) ? handOver(c, user) : List.of();
			return new Step(store.find(c.id()).orElseThrow(), out);
		});
	}

	private List<ChatMessage> answer(Conversation c, String question) {
		String lang = c.languageOr("en");
		AnswerBot.Answer answer;
		try {
			answer = bot.answer(question, lang);
		}
		// the customer's message is kept; the bot offers a human instead of an answer
		catch (RuntimeException e) {
			log.warn("The answer bot failed on conversation {}", c.id(), e);
			answer = new AnswerBot.Answer(lang, false, List.of());
		}
		if (answer.articles().isEmpty()) {
			return List
				.of(store.append(c.id(), ChatMessage.bot(steps.text(lang, "chat.bot.unknown"), handoverButton(lang))));
		}
		List<ChatMessage.Article> articles = answer.articles()
			.stream()
			.limit(answer.confident() ? 1 : 3)
			.map(a -> new ChatMessage.Article(a.slug(), a.title()))
			.toList();
		String intro = steps.text(lang, answer.confident() ? "chat.bot.answer" : "chat.bot.suggestions");
		return List.of(store.append(c.id(), ChatMessage.botAnswer(intro, articles, handoverButton(lang))));
	}

	/**
	 * To a human: a visitor first says who they are and how to reach them (or signs in);
	 * in working hours with agents around the chat queues; else it becomes a message.
	 */
	private List<ChatMessage> handOver(Conversation c, ChatUser user) {
		String lang = c.languageOr(user.language());
		if (c.customerId() == null && c.ticketId() == null) {
			return List.of(store.append(c.id(),
					ChatMessage.bot(steps.text(lang, "chat.bot.visitor"),
							List.of(new ChatMessage.Button("contact", steps.text(lang, "chat.button.contact")),
									new ChatMessage.Button("signin", steps.text(lang, "chat.button.signin"))))));
		}
		UUID ticket = c.ticketId() != null ? c.ticketId() : openTicket(c, lang, null);
		return toAgentOrMessage(c, ticket, lang);
	}

	/**
	 * A visitor who is not signed in (or cannot sign in) says who they are and how to
	 * reach them: the chat becomes a ticket with that, unproven, and goes to a person.
	 * The agent proves who they are before acting on an account.
	 */
	void visitorIntroduces(ChatUser user, @Nullable String name, @Nullable String phone, @Nullable String email) {
		StatedContact visitor = StatedContact.of(name, phone, email);
		Conversation conversation = store.open(null, user.visitorId())
			.filter(c -> c.customerId() == null)
			.orElseThrow(() -> Refusal.notFound("chat_not_found"));
		steps.run(() -> {
			Conversation c = store.lock(conversation.id()).orElseThrow();
			if (!c.isWith(ChatStatus.BOT) || c.ticketId() != null) {
				return new Step(c, List.of());
			}
			String lang = c.languageOr(user.language());
			UUID ticket = openTicket(c, lang, visitor);
			List<ChatMessage> out = new ArrayList<>(List.of(store.append(c.id(),
					ChatMessage.notice(steps.text(lang, "chat.visitor.thanks", visitor.name(), visitor.reach())))));
			out.addAll(toAgentOrMessage(store.find(c.id()).orElseThrow(), ticket, lang));
			return new Step(store.find(c.id()).orElseThrow(), out);
		});
	}

	private List<ChatMessage> toAgentOrMessage(Conversation c, UUID ticket, String lang) {
		// a chat handed over before its first message has no language of its own yet: the
		// queue shows it to the speakers of the customer's (it was shown to nobody)
		store.setLanguage(c.id(), lang);
		List<UUID> agents = translation.whoCanTake(lang);
		if (support.isOpen(clock.instant()) && !agents.isEmpty()) {
			store.save(c.queue(ticket, clock.instant()));
			int position = store.waiting(List.of(lang)).stream().map(Conversation::id).toList().indexOf(c.id()) + 1;
			int minutes = Math.max(1, (int) Math.ceil((double) position * minutesPerChat / agents.size()));
			return List
				.of(store.append(c.id(), ChatMessage.notice(steps.text(lang, "chat.queued", position, minutes))));
		}
		store.save(c.leaveMessage(ticket));
		long number = support.ticketNumber(ticket);
		String offline = c.customerId() == null
				? steps.text(lang, "chat.offline.visitor", support.openingHours(), number,
						support.statedContact(ticket).map(StatedContact::reach).orElse(""))
				: steps.text(lang, "chat.offline", support.openingHours(), number);
		return List.of(store.append(c.id(), ChatMessage.notice(offline)));
	}

	/**
	 * The ticket behind the chat, opened with the transcript so far (what the bot said
	 * included).
	 */
	private UUID openTicket(Conversation c, String lang, @Nullable StatedContact visitor) {
		StringBuilder transcript = new StringBuilder();
		String question = null;
		for (ChatMessage m : store.after(c.id(), 0, null)) {
			transcript.append(steps.text(lang, "chat.transcript." + m.from().code())).append(": ").append(m.text());
			if (m.articles() != null) {
				m.articles().forEach(a -> transcript.append(" [").append(a.title()).append("]"));
			}
			transcript.append('\n');
			if (question == null && m.from() == Sender.CUSTOMER && !isHandoverRequest(m.text())) {
				question = m.text();
			}
		}
		SupportApi.NewTicket opening = new SupportApi.NewTicket(subject(question, lang), transcript.toString(), lang,
				null, "chat", null);
		return (c.customerId() != null ? support.openTicket(c.customerId(), opening)
				: support.openTicketForVisitor(java.util.Objects.requireNonNull(visitor), opening))
			.id();
	}

	/** The matter in the customer's words: their first question, else "Live chat". */
	private String subject(@Nullable String question, String lang) {
		if (question == null) {
			return steps.text(lang, "chat.ticket.subject");
		}
		return question.length() <= 80 ? question : question.substring(0, 79).strip() + "…";
	}

	void rate(ChatUser user, int score) {
		if (score < 1 || score > 5) {
			throw Refusal.unprocessable("satisfaction_score_invalid");
		}
		Conversation c = store.latest(user.customerId(), user.visitorId())
			.filter(x -> !x.isOpen())
			.orElseThrow(() -> Refusal.unprocessable("chat_not_ended"));
		steps.run(() -> {
			store.rate(c.id(), score);
			if (c.ticketId() != null && c.customerId() != null) {
				// the chat's stars are its ticket's satisfaction: one survey, counted
				// once
				support.rateAfterChat(c.ticketId(), c.customerId(), score);
			}
			return new Step(c,
					List.of(store.append(c.id(), ChatMessage.notice(steps.text(c.languageOr("en"), "chat.rated")))));
		});
	}

	private boolean isHandoverRequest(String text) {
		String t = text.toLowerCase(Locale.ROOT).replaceAll("[\\p{Punct}！？。，\\s]+", " ").strip();
		for (Locale locale : Languages.SUPPORTED) {
			for (String phrase : messages.getMessage("chat.handover.phrases", null, locale).split(",")) {
				String p = phrase.strip().toLowerCase(Locale.ROOT);
				if (!p.isEmpty() && (t.equals(p) || t.contains(p))) {
					return true;
				}
			}
		}
		return false;
	}

	private List<ChatMessage.Button> handoverButton(String lang) {
		return List.of(new ChatMessage.Button("handover", steps.text(lang, "chat.button.handover")));
	}

}
