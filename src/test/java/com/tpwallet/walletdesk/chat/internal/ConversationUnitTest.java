package com.tpwallet.walletdesk.chat.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tpwallet.walletdesk.platform.Caller;
import com.tpwallet.walletdesk.platform.Refusal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A chat's transitions and who may see and act on it: plain rules, no application. */
class ConversationUnitTest {

	static final Instant NOW = Instant.parse("2026-11-27T03:00:00Z");

	final UUID customerId = UUID.randomUUID();

	final Caller customer = new Caller(customerId, Caller.Kind.CUSTOMER, Caller.Role.CUSTOMER, "en", "C");

	final Caller agent = staff(Caller.Role.AGENT);

	final Caller colleague = staff(Caller.Role.AGENT);

	final Caller supervisor = staff(Caller.Role.SUPERVISOR);

	static Caller staff(Caller.Role role) {
		return new Caller(UUID.randomUUID(), Caller.Kind.STAFF, role, "en", "S");
	}

	Conversation withBot() {
		return new Conversation(UUID.randomUUID(), customerId, null, "en", ChatStatus.BOT, null, null, 1, NOW, null,
				null);
	}

	@Test
	void aChatGoesFromTheBotToTheQueueToAnAgentAndEnds() {
		UUID ticket = UUID.randomUUID();
		Conversation queued = withBot().queue(ticket, NOW);
		assertThat(queued.status()).isEqualTo(ChatStatus.QUEUED);
		assertThat(queued.ticketId()).isEqualTo(ticket);
		assertThat(queued.queuedAt()).isEqualTo(NOW);
		Conversation taken = queued.giveTo(agent.id());
		assertThat(taken.status()).isEqualTo(ChatStatus.AGENT);
		assertThat(taken.agentId()).isEqualTo(agent.id());
		Conversation moved = taken.giveTo(colleague.id());
		assertThat(moved.agentId()).isEqualTo(colleague.id());
		Conversation ended = moved.end(NOW.plusSeconds(60));
		assertThat(ended.status()).isEqualTo(ChatStatus.ENDED);
		assertThat(ended.endedAt()).isEqualTo(NOW.plusSeconds(60));
		assertThat(ended.isOpen()).isFalse();
	}

	@Test
	void theCustomersWordsReachTheSameReaderOnlyWhileTheSameAgentHasTheChatInTheSameLanguage() {
		Conversation withBot = withBot();
		Conversation queued = withBot.queue(UUID.randomUUID(), NOW);
		Conversation taken = queued.giveTo(agent.id());
		assertThat(withBot.sameReaderAs(queued)).as("nobody reads them translated in either").isTrue();
		assertThat(queued.sameReaderAs(taken)).as("an agent took the chat").isFalse();
		assertThat(taken.sameReaderAs(queued)).as("the agent gave it back").isFalse();
		assertThat(taken.sameReaderAs(taken.giveTo(agent.id()))).isTrue();
		assertThat(taken.sameReaderAs(taken.giveTo(colleague.id()))).as("a colleague took it over").isFalse();
		Conversation german = new Conversation(taken.id(), customerId, null, "de", ChatStatus.AGENT, agent.id(),
				taken.ticketId(), 2, NOW, NOW, null);
		assertThat(taken.sameReaderAs(german)).as("its language changed").isFalse();
	}

	@Test
	void aChatTheAgentCannotCarryInItsLanguageGoesBackToTheQueueWithoutAnAgent() {
		Conversation taken = withBot().queue(UUID.randomUUID(), NOW).giveTo(agent.id());
		Conversation back = taken.backToQueue(NOW.plusSeconds(90));
		assertThat(back.status()).isEqualTo(ChatStatus.QUEUED);
		assertThat(back.agentId()).isNull();
		assertThat(back.queuedAt()).as("waits from now").isEqualTo(NOW.plusSeconds(90));
		assertThat(back.ticketId()).isEqualTo(taken.ticketId());
		assertThatThrownBy(() -> back.backToQueue(NOW)).as("only a chat an agent has")
			.isInstanceOf(IllegalStateException.class);
		assertThatThrownBy(() -> withBot().backToQueue(NOW)).isInstanceOf(IllegalStateException.class);
	}

	@Test
	void transitionsOutOfOrderAreRefused() {
		assertThatThrownBy(() -> withBot().giveTo(agent.id())).isInstanceOf(IllegalStateException.class);
		Conversation queued = withBot().queue(UUID.randomUUID(), NOW);
		assertThatThrownBy(() -> queued.queue(UUID.randomUUID(), NOW)).isInstanceOf(IllegalStateException.class);
		Conversation ended = queued.end(NOW);
		assertThatThrownBy(() -> ended.end(NOW)).isInstanceOf(IllegalStateException.class);
		assertThatThrownBy(() -> ended.leaveMessage(null)).isInstanceOf(IllegalStateException.class);
	}

	@Test
	void aChatLeftAsAMessageKeepsItsTicketUnlessGivenOne() {
		UUID ticket = UUID.randomUUID();
		Conversation offline = withBot().queue(ticket, NOW).leaveMessage(null);
		assertThat(offline.status()).isEqualTo(ChatStatus.OFFLINE);
		assertThat(offline.ticketId()).isEqualTo(ticket);
	}

	@Test
	void theCustomerAndTheAgentWithTheChatTakePartAndNobodyElse() {
		Conversation c = withBot().queue(UUID.randomUUID(), NOW).giveTo(agent.id());
		assertThat(c.takesPart(new ChatUser(customer, null))).isTrue();
		assertThat(c.takesPart(new ChatUser(agent, null))).isTrue();
		assertThat(c.takesPart(new ChatUser(colleague, null))).isFalse();
		Caller stranger = new Caller(UUID.randomUUID(), Caller.Kind.CUSTOMER, Caller.Role.CUSTOMER, "en", "X");
		assertThat(c.takesPart(new ChatUser(stranger, null))).isFalse();
		assertThat(c.takesPart(ChatUser.visitor("v-1"))).isFalse();
		assertThatThrownBy(() -> c.requireParticipant(new ChatUser(stranger, null)))
			.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.code()).isEqualTo("chat_not_found"));
	}

	@Test
	void theAgentWithTheChatOrASupervisorOwnsItOnlyWhileAnAgentHasIt() {
		Conversation queued = withBot().queue(UUID.randomUUID(), NOW);
		assertThat(queued.isOwnedBy(supervisor)).as("nobody owns a waiting chat").isFalse();
		Conversation taken = queued.giveTo(agent.id());
		assertThat(taken.isOwnedBy(agent)).isTrue();
		assertThat(taken.isOwnedBy(supervisor)).isTrue();
		assertThat(taken.isOwnedBy(colleague)).isFalse();
		assertThat(taken.end(NOW).isOwnedBy(agent)).as("an ended chat is nobody's").isFalse();
	}

	@Test
	void aWaitingChatIsVisibleToAgentsWhoSpeakItsLanguage() {
		Conversation queued = withBot().queue(UUID.randomUUID(), NOW);
		assertThat(queued.isVisibleTo(colleague, List.of("en", "fr"))).isTrue();
		assertThat(queued.isVisibleTo(colleague, List.of("de"))).isFalse();
		Conversation taken = queued.giveTo(agent.id());
		assertThat(taken.isVisibleTo(colleague, List.of("en"))).as("taken: only its agent").isFalse();
		assertThat(taken.isVisibleTo(agent, List.of())).isTrue();
		assertThat(taken.isVisibleTo(supervisor, List.of())).isTrue();
	}

}
