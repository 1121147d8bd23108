package com.tpwallet.walletdesk.feedback.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.tpwallet.walletdesk.identity.IdentityApi;
import com.tpwallet.walletdesk.notifications.Notifications;
import com.tpwallet.walletdesk.support.SupportApi;
import com.tpwallet.walletdesk.support.SupportEvents.SatisfactionGiven;
import com.tpwallet.walletdesk.support.SupportEvents.TicketCreated;
import com.tpwallet.walletdesk.translation.LanguageDetection;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The feedback listeners ask the classifier before they begin a transaction: the first
 * question after a start waits seconds for its training, and a listener that held a
 * pooled connection meanwhile, one per new ticket, could take them all.
 */
class FeedbackListenersTest {

	private final List<String> steps = new ArrayList<>();

	private final PlatformTransactionManager transactions = mock(PlatformTransactionManager.class, invocation -> {
		steps.add("transaction");
		return null;
	});

	private final FeedbackModel model = mock(FeedbackModel.class);

	private final SupportApi support = mock(SupportApi.class);

	private final FeedbackStore store = mock(FeedbackStore.class);

	private final FeedbackDesk desk;

	FeedbackListenersTest() {
		when(model.classify(anyString(), anyString())).thenAnswer(invocation -> {
			steps.add("classify");
			return new FeedbackClassifier.Verdict("feature_request", 0.9, "payments", 0.8, "neutral", 0.7);
		});
		LanguageDetection detection = text -> Optional.of("en");
		when(store.group(anyString(), anyString(), any(), anyString(), any())).thenReturn(UUID.randomUUID());
		desk = new FeedbackDesk(store, model, mock(Themes.class), detection, mock(IdentityApi.class), support,
				mock(Notifications.class), mock(GroupLabels.class),
				Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC),
				new TransactionTemplate(transactions));
	}

	@Test
	void aNewTicketIsClassifiedBeforeItsFeedbackTransactionBegins() {
		UUID ticket = UUID.randomUUID();
		when(support.requesterMessages(ticket)).thenReturn(List.of("Please let me pay with the wallet in shops"));
		when(support.ticket(ticket)).thenReturn(Optional.empty());

		desk.on(new TicketCreated(ticket, 1, UUID.randomUUID(), "general-en", "en"));

		assertThat(steps).startsWith("classify", "transaction");
		verify(store).insert(any());
	}

	@Test
	void aSatisfactionCommentIsClassifiedBeforeItsFeedbackTransactionBegins() {
		desk.on(new SatisfactionGiven(UUID.randomUUID(), UUID.randomUUID(), 2, "the agent took three days", "en",
				"web"));

		assertThat(steps).startsWith("classify", "transaction");
		verify(store).insert(any());
	}

}
