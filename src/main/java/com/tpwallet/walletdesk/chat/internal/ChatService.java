package com.tpwallet.walletdesk.chat.internal;

import com.tpwallet.walletdesk.identity.IdentityApi;
import com.tpwallet.walletdesk.knowledge.AnswerBot;
import com.tpwallet.walletdesk.platform.Caller;
import com.tpwallet.walletdesk.platform.Languages;
import com.tpwallet.walletdesk.platform.PlainText;
import com.tpwallet.walletdesk.platform.Refusal;
import com.tpwallet.walletdesk.support.SupportApi;
import com.tpwallet.walletdesk.translation.LanguageDetection;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What happens in a chat. Each step stores its messages in one transaction and only then
 * delivers them ({@link ChatDelivery}), so no client ever sees a message that a crash
 * could lose.
 */
@Service
class ChatService {

	private static final Logger log = LoggerFactory.getLogger(ChatService.class);
	static final int MAX_TEXT = 2000;

	private final ChatStore store;

	private final ChatDelivery delivery;

	private final AnswerBot bot;

	private final LanguageDetection detection;

	private final SupportApi support;

	private final IdentityApi identity;

	private final MessageSource messages;

	private final TransactionTemplate tx;

	private final Clock clock;

	private final int agentLimit;

	private final Duration maxWait;

	private final int minutesPerChat;

	ChatService(ChatStore store, ChatDelivery delivery, AnswerBot bot, LanguageDetection detection, SupportApi support,
			IdentityApi identity, MessageSource messages, TransactionTemplate tx, Clock clock,
			@Value("${walletdesk.chat.agent-limit:3}") int agentLimit,
			@Value("${walletdesk.chat.max-wait:PT10M}") Duration maxWait,
			@Value("${walletdesk.chat.minutes-per-chat:6}") int minutesPerChat) {
		this.store = store;
		this.delivery = delivery;
		this.bot = bot;
		this.detection = detection;
		this.support = support;
		this.identity = identity;
		this.messages = messages;
		this.tx = tx;
		this.clock = clock;
		this.agentLimit = agentLimit;
		this.maxWait = maxWait;
		this.minutesPerChat = minutesPerChat;
	}

	static String attachmentUrl(@Nullable UUID ticketId, UUID attachmentId) {
		return "/api/v1/tickets/" + ticketId + "/attachments/" + attachmentId;
	}

	/**
	 * Customer text is plain text: tags and scripts are removed before it is stored or
	 * shown to anyone.
	 */
	static String plainText(String text) {
		return PlainText.of(text);
	}

	// ---- customer side
	// ---------------------------------------------------------------------------

	/**
	 * Opens the customer's chat (or returns to the one still open, sending its history to
	 * this session).
	 */
	Conversation start(ChatUser user, @Nullable String language, String sessionId,
			@Nullable Map<String, Object> session) {
		Conversation started = start(user, language, sessionId);
		if (session != null) {
			// the connection's messages go there without a lookup
			session.put(SESSION_CONVERSATION, started.id());
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
		return inTransaction(() -> {
			Conversation c = store.create(user.customerId(), user.customerId() == null ? user.visitorId() : null, lang);
			String greetIn = lang != null ? lang : user.language();
			return new Step(c, List
				.of(store.append(c.id(), "bot", null, text(greetIn, "chat.greeting"), null, handover(greetIn), null)));
		}).conversation();
	}

	/**
	 * The session attribute holding the conversation a connection writes to, which saves
	 * a lookup per message.
	 */
	static final String SESSION_CONVERSATION = "wd.conversation";

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
	 * The customer wrote: stored, shown to both sides, copied to the ticket, answered by
	 * the bot while it has the chat.
	 */
	void customerWrites(ChatUser user, String raw, String sessionId, @Nullable Map<String, Object> session) {
		String text = plainText(raw);
		if (text.isEmpty() || text.length() > MAX_TEXT) {
			throw Refusal.unprocessable("chat_text_invalid", String.valueOf(MAX_TEXT));
		}
		UUID remembered = session == null ? null : (UUID) session.get(SESSION_CONVERSATION);
		if (remembered != null) {
			try {
				write(user, remembered, text);
				return;
			}
			catch (Stale e) {
				session.remove(SESSION_CONVERSATION);
			}
		}
		UUID id = store.open(user.customerId(), user.visitorId())
			.map(Conversation::id)
			.orElseGet(() -> start(user, null, sessionId).id());
		if (session != null) {
			session.put(SESSION_CONVERSATION, id);
		}
		write(user, id, text);
	}

	private void write(ChatUser user, UUID conversationId, String text) {
		inTransaction(() -> {
			ChatStore.Appended appended = store.appendText(conversationId, "customer", user.customerId(), text);
			Conversation c = appended.conversation();
			if (!c.isOpen() || !c.ownerName().equals(user.getName())) {
				throw new Stale();
			}
			List<ChatMessage> out = new ArrayList<>(List.of(appended.message()));
			if (c.ticketId() != null) {
				support.addEntry(c.ticketId(), "customer", user.customerId(), text);
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
		});
	}

	void handoverRequested(ChatUser user) {
		Conversation conversation = store.open(user.customerId(), user.visitorId())
			.orElseThrow(() -> Refusal.notFound("chat_not_found"));
		inTransaction(() -> {
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
				.of(store.append(c.id(), "bot", null, text(lang, "chat.bot.unknown"), null, handover(lang), null));
		}
		List<ChatMessage.Article> articles = answer.articles()
			.stream()
			.limit(answer.confident() ? 1 : 3)
			.map(a -> new ChatMessage.Article(a.slug(), a.title()))
			.toList();
		String intro = text(lang, answer.confident() ? "chat.bot.answer" : "chat.bot.suggestions");
		return List.of(store.append(c.id(), "bot", null, intro, articles, handover(lang), null));
	}

	/**
	 * To a human: a visitor signs in first; in working hours with agents around the chat
	 * queues; else it becomes a message.
	 */
	private List<ChatMessage> handOver(Conversation c, ChatUser user) {
		String lang = c.languageOr(user.language());
		if (c.customerId() == null) {
			return List.of(store.append(c.id(), "bot", null, text(lang, "chat.bot.signin"), null,
					List.of(new ChatMessage.Button("signin", text(lang, "chat.button.signin"))), null));
		}
		UUID ticket = c.ticketId() != null ? c.ticketId() : openTicket(c, lang);
		List<UUID> agents = support.availableAgents(lang);
		if (support.isOpen(clock.instant()) && !agents.isEmpty()) {
			store.queue(c.id(), ticket);
			int position = store.waiting(List.of(lang)).stream().map(Conversation::id).toList().indexOf(c.id()) + 1;
			int minutes = Math.max(1, (int) Math.ceil((double) position * minutesPerChat / agents.size()));
			return List.of(store.append(c.id(), "system", null, text(lang, "chat.queued", position, minutes), null,
					null, null));
		}
		store.leaveMessage(c.id(), ticket);
		long number = support.ticketNumber(ticket);
		return List.of(store.append(c.id(), "system", null, text(lang, "chat.offline", support.openingHours(), number),
				null, null, null));
	}

	/**
	 * The ticket behind the chat, opened with the transcript so far (what the bot said
	 * included).
	 */
	private UUID openTicket(Conversation c, String lang) {
		StringBuilder transcript = new StringBuilder();
		for (ChatMessage m : store.after(c.id(), 0, null)) {
			transcript.append(text(lang, "chat.transcript." + m.from())).append(": ").append(m.text());
			if (m.articles() != null) {
				m.articles().forEach(a -> transcript.append(" [").append(a.title()).append("]"));
			}
			transcript.append('\n');
		}
		SupportApi.OpenedTicket ticket = support.openTicket(c.customerId(), new SupportApi.NewTicket(
				text(lang, "chat.ticket.subject"), transcript.toString(), lang, null, "chat", null));
		return ticket.id();
	}

	void rate(ChatUser user, int score) {
		if (score < 1 || score > 5) {
			throw Refusal.unprocessable("satisfaction_score_invalid");
		}
		Conversation c = store.latest(user.customerId(), user.visitorId())
			.filter(x -> !x.isOpen())
			.orElseThrow(() -> Refusal.unprocessable("chat_not_ended"));
		inTransaction(() -> {
			store.rate(c.id(), score);
			return new Step(c, List
				.of(store.append(c.id(), "system", null, text(c.languageOr("en"), "chat.rated"), null, null, null)));
		});
	}

	void customerEnds(ChatUser user) {
		store.open(user.customerId(), user.visitorId()).ifPresent(c -> end(c.id(), null));
	}

	// ---- agent side
	// ------------------------------------------------------------------------------

	void accept(UUID conversationId, Caller agent) {
		inTransaction(() -> {
			Conversation c = store.lock(conversationId).orElseThrow(() -> Refusal.notFound("chat_not_found"));
			if (!c.isWith(ChatStatus.QUEUED)) {
				throw Refusal.conflict("chat_not_waiting");
			}
			if (!speaks(agent, c.languageOr("en"))) {
				throw Refusal.notAllowed("chat_not_yours");
			}
			if (store.activeChats(agent.id()) >= agentLimit) {
				throw Refusal.unprocessable("chat_limit_reached", String.valueOf(agentLimit));
			}
			store.giveTo(c.id(), agent.id());
			support.assign(c.ticketId(), agent.id());
			ChatMessage joined = store.append(c.id(), "system", agent.id(),
					text(c.languageOr("en"), "chat.agent.joined", agent.name()), null, null, null);
			return new Step(store.find(c.id()).orElseThrow(), List.of(joined));
		});
		delivery.queueChangedForAll();
	}

	void transfer(UUID conversationId, Caller agent, UUID toAgentId) {
		var target = identity.staffMember(toAgentId).orElseThrow(() -> Refusal.unprocessable("assignee_unknown"));
		Step step = inTransaction(() -> {
			Conversation c = ownedBy(conversationId, agent);
			if (!target.languages().contains(c.languageOr("en"))) {
				throw Refusal.unprocessable("chat_agent_language");
			}
			store.giveTo(c.id(), toAgentId);
			support.assign(c.ticketId(), toAgentId);
			ChatMessage moved = store.append(c.id(), "system", agent.id(),
					text(c.languageOr("en"), "chat.transferred", target.displayName()), null, null, null);
			return new Step(store.find(c.id()).orElseThrow(), List.of(moved));
		});
		// the previous agent sees the hand-over too
		delivery.toUser(ChatUser.staffName(agent.id()), step.messages());
	}

	void agentWrites(UUID conversationId, Caller agent, String raw) {
		String text = raw.strip();
		if (text.isEmpty() || text.length() > MAX_TEXT) {
			throw Refusal.unprocessable("chat_text_invalid", String.valueOf(MAX_TEXT));
		}
		inTransaction(() -> {
			Conversation c = ownedBy(conversationId, agent);
			ChatMessage m = store.appendText(c.id(), "agent", agent.id(), text).message();
			support.addEntry(c.ticketId(), "agent", agent.id(), text);
			return new Step(c, List.of(m));
		});
	}

	void end(UUID conversationId, @Nullable Caller agent) {
		inTransaction(() -> {
			Conversation c = agent == null ? store.lock(conversationId).orElseThrow() : ownedBy(conversationId, agent);
			if (!c.isOpen()) {
				return new Step(c, List.of());
			}
			store.end(c.id());
			String lang = c.languageOr("en");
			List<ChatMessage.Button> stars = List.of(5, 4, 3, 2, 1)
				.stream()
				.map(n -> new ChatMessage.Button("rate:" + n, "★".repeat(n)))
				.toList();
			return new Step(c,
					List.of(store.append(c.id(), "system", null, text(lang, "chat.ended"), null, stars, null)));
		});
	}

	/**
	 * A file from either side, stored on the chat's ticket after the desk's checks, then
	 * announced as a message.
	 */
	ChatMessage attach(UUID conversationId, Caller caller, String fileName, byte[] bytes) {
		Conversation c = store.find(conversationId).orElseThrow(() -> Refusal.notFound("chat_not_found"));
		boolean mine = caller.isStaff() ? caller.id().equals(c.agentId()) : caller.id().equals(c.customerId());
		if (!mine || !c.isOpen()) {
			throw Refusal.notFound("chat_not_found");
		}
		if (c.ticketId() == null) {
			throw Refusal.unprocessable("chat_attachment_needs_agent");
		}
		SupportApi.StoredFile file = support.attach(c.ticketId(), caller, fileName, bytes);
		Step step = inTransaction(() -> {
			store.lock(c.id());
			ChatMessage m = store.append(c.id(), caller.isStaff() ? "agent" : "customer", caller.id(),
					"📎 " + file.fileName(), null, null, new ChatMessage.Attachment(file.id(), file.fileName(),
							file.mediaType(), attachmentUrl(c.ticketId(), file.id())));
			return new Step(c, List.of(m));
		});
		return step.messages().getFirst();
	}

	void read(ChatUser user, @Nullable UUID conversationId, int seq) {
		Conversation c = conversationId != null
				? store.find(conversationId).orElseThrow(() -> Refusal.notFound("chat_not_found"))
				: store.open(user.customerId(), user.visitorId()).orElseThrow(() -> Refusal.notFound("chat_not_found"));
		boolean byAgent = user.isStaff();
		if (byAgent ? !user.caller().id().equals(c.agentId()) : !user.getName().equals(c.ownerName())) {
			throw Refusal.notFound("chat_not_found");
		}
		store.read(c.id(), byAgent, seq);
		delivery.event(otherSide(c, byAgent),
				Map.of("type", "read", "conversationId", c.id(), "seq", seq, "by", byAgent ? "agent" : "customer"));
	}

	void typing(ChatUser user, @Nullable UUID conversationId) {
		Conversation c = conversationId != null ? store.find(conversationId).orElse(null)
				: store.open(user.customerId(), user.visitorId()).orElse(null);
		if (c == null) {
			return;
		}
		boolean byAgent = user.isStaff();
		if (byAgent ? user.caller().id().equals(c.agentId()) : user.getName().equals(c.ownerName())) {
			delivery.event(otherSide(c, byAgent),
					Map.of("type", "typing", "conversationId", c.id(), "by", byAgent ? "agent" : "customer"));
		}
	}

	/**
	 * Messages after {@code seq} to the asking session only: a reconnecting client gets
	 * exactly what it missed.
	 */
	void resume(ChatUser user, @Nullable UUID conversationId, int afterSeq, String sessionId) {
		Conversation c = conversationId != null
				? store.find(conversationId).orElseThrow(() -> Refusal.notFound("chat_not_found"))
				: store.latest(user.customerId(), user.visitorId())
					.orElseThrow(() -> Refusal.notFound("chat_not_found"));
		boolean allowed = user.isStaff()
				? user.caller().id().equals(c.agentId()) || user.caller().hasAtLeast(Caller.Role.SUPERVISOR)
				: user.getName().equals(c.ownerName());
		if (!allowed) {
			throw Refusal.notFound("chat_not_found");
		}
		delivery.toSession(sessionId, store.after(c.id(), Math.max(0, afterSeq), c.ticketId()));
	}

	/**
	 * Chats that waited too long for an agent become messages on their ticket (one
	 * instance takes each).
	 */
	@Scheduled(fixedDelayString = "${walletdesk.chat.wait-check:PT30S}")
	void releaseLongWaits() {
		List<Step> steps = tx.execute(s -> store.waitingSince(clock.instant().minus(maxWait)).stream().map(c -> {
			store.leaveMessage(c.id(), null);
			String lang = c.languageOr("en");
			ChatMessage m = store.append(c.id(), "system", null,
					text(lang, "chat.offline.wait", support.ticketNumber(c.ticketId())), null, null, null);
			return new Step(store.find(c.id()).orElseThrow(), List.of(m));
		}).toList());
		if (steps != null) {
			steps.forEach(step -> delivery.deliver(step.conversation(), step.messages()));
		}
	}

	// ---- helpers
	// ---------------------------------------------------------------------------------

	private Conversation ownedBy(UUID conversationId, Caller agent) {
		Conversation c = store.lock(conversationId).orElseThrow(() -> Refusal.notFound("chat_not_found"));
		boolean allowed = agent.id().equals(c.agentId())
				|| agent.hasAtLeast(Caller.Role.SUPERVISOR) && c.isWith(ChatStatus.AGENT);
		if (!allowed || !c.isWith(ChatStatus.AGENT)) {
			throw Refusal.notAllowed("chat_not_yours");
		}
		return c;
	}

	private boolean speaks(Caller agent, String language) {
		return agent.hasAtLeast(Caller.Role.SUPERVISOR)
				|| identity.staffMember(agent.id()).map(m -> m.languages().contains(language)).orElse(false);
	}

	private static String otherSide(Conversation c, boolean fromAgent) {
		return fromAgent ? c.ownerName() : c.agentId() == null ? "" : ChatUser.staffName(c.agentId());
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

	private List<ChatMessage.Button> handover(String lang) {
		return List.of(new ChatMessage.Button("handover", text(lang, "chat.button.handover")));
	}

	private String text(String language, String key, Object... args) {
		return messages.getMessage(key, args, Locale.forLanguageTag(language));
	}

	private record Step(Conversation conversation, List<ChatMessage> messages) {
	}

	/**
	 * Stores in one transaction, then (committed) delivers to everyone in the
	 * conversation.
	 */
	private Step inTransaction(Supplier<Step> work) {
		Step step = tx.execute(s -> work.get());
		if (step == null) {
			throw new IllegalStateException("a chat step returned nothing");
		}
		delivery.deliver(step.conversation(), step.messages());
		if (step.conversation().isWith(ChatStatus.QUEUED)) {
			// agents' lists refresh once the waiting chat is committed
			delivery.queueChangedForAll();
		}
		return step;
	}

}
